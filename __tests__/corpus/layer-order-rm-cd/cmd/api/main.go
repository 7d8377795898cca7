package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from layer-order-rm-cd", os.Args[1:])
}
