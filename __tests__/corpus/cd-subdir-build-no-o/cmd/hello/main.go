package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from cd-subdir-build-no-o", os.Args[1:])
}
