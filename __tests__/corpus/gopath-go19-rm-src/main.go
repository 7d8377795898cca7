package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from gopath-go19-rm-src", os.Args[1:])
}
