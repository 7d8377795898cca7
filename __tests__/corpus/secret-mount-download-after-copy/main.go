package main

import (
	"fmt"
	"os"

	"example.com/notify"
)

func main() {
	fmt.Println("hello from secret-mount-download-after-copy", notify.Name(), os.Args[1:])
}
