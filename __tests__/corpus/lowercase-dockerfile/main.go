package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from lowercase-dockerfile", os.Args[1:])
}
