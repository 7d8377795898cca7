package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from bin-sh-entrypoint", os.Args[1:])
}
