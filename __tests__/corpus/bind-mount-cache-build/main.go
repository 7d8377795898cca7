package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from bind-mount-cache-build", os.Args[1:])
}
