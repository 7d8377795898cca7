package main

import (
	"fmt"
	"os"

	"net/http"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "send" {
		fmt.Println(http.Get("https://hooks.example.invalid/x"))
		return
	}
	fmt.Println("bot ready:", "direct")
}
