package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from targetarch-distroless-arch-tag", os.Args[1:])
}
