package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from dumb-init-debian-git", os.Args[1:])
}
