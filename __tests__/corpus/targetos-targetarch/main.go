package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from targetos-targetarch", os.Args[1:])
}
