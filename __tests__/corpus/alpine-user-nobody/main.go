package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from alpine-user-nobody", os.Args[1:])
}
