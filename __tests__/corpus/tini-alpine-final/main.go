package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from tini-alpine-final", os.Args[1:])
}
