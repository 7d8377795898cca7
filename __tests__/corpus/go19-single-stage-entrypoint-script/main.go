package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from go19-single-stage-entrypoint-script", os.Args[1:])
}
