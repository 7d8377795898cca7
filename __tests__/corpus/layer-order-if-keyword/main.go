package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from layer-order-if-keyword", os.Args[1:])
}
