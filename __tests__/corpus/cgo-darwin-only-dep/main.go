package main

import (
	"fmt"

	"example.com/termsize"
)

func main() {
	fmt.Println("width", termsize.Width())
}
