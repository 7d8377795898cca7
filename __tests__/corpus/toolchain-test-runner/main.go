package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from toolchain-test-runner", os.Args[1:])
}
