package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from xx-cross-compile", os.Args[1:])
}
