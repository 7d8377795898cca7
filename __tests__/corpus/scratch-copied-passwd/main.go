package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from scratch-copied-passwd", os.Args[1:])
}
