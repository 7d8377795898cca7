package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from cache-mount-download-after-copy", os.Args[1:])
}
