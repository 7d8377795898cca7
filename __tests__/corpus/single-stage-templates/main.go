package main

import (
	"fmt"
	"os"
)

func main() {
	page, err := os.ReadFile("templates/index.txt")
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Print(string(page))
}
