package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from inherited-workdir-build", os.Args[1:])
}
