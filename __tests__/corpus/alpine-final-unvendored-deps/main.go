package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from alpine-final-unvendored-deps", os.Args[1:])
}
