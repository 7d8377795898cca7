package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from script-build-scratch", os.Args[1:])
}
