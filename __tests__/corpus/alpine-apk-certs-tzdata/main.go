package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from alpine-apk-certs-tzdata", os.Args[1:])
}
