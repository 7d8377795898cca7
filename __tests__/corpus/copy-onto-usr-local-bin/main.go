package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from copy-onto-usr-local-bin", os.Args[1:])
}
