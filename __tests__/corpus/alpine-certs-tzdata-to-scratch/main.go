package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from alpine-certs-tzdata-to-scratch", os.Args[1:])
}
