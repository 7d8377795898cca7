package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from golang-newest-buildvcs", os.Args[1:])
}
