package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from entrypoint-script", os.Args[1:])
}
