package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from inherited-cmd", os.Args[1:])
}
