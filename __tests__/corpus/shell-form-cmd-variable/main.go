package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from shell-form-cmd-variable", os.Args[1:])
}
