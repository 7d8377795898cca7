package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from cgo-file-behind-unused-tag", speed(), os.Args[1:])
}
