package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from entrypoint-exec-wrapper-golang", os.Args[1:])
}
