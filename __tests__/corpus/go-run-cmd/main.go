package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from go-run-cmd", os.Args[1:])
}
