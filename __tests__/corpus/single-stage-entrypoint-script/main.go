package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from single-stage-entrypoint-script", os.Args[1:])
}
