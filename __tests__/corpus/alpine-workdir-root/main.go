package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from alpine-workdir-root", os.Args[1:])
}
