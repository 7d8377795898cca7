package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from installsuffix-apk-certs", os.Args[1:])
}
