package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from make-cgo0-scratch", os.Args[1:])
}
