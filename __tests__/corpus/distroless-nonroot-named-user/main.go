package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from distroless-nonroot-named-user", os.Args[1:])
}
