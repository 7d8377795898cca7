package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from relative-copy-from", os.Args[1:])
}
