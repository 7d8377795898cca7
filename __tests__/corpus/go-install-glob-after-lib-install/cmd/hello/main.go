package main

import (
	"fmt"
	"os"

	"example.com/app/internal/greet"
)

func main() {
	fmt.Println(greet.Line("go-install-glob-after-lib-install"), os.Args[1:])
}
