package main

import (
	"fmt"

	"example.com/fastsum"
)

func main() {
	fmt.Println("sum", fastsum.Add(2, 3))
}
