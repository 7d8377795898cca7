package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from testdata-large-files", os.Args[1:])
}
