package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from debian-final-jre-graphviz", os.Args[1:])
}
