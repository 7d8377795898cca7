package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from many-binaries-cmd-dir/server", os.Args[1:])
}
