package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from cache-mounts-distroless-nonroot", os.Args[1:])
}
