package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from chromium-runtime-package", os.Args[1:])
}
