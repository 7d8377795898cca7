package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from copy-all-then-download", os.Args[1:])
}
