package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from go111-modules-download", os.Args[1:])
}
