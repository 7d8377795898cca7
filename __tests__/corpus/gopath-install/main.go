package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from gopath-install", os.Args[1:])
}
