package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from migrate", os.Args[1:])
}
