package main

import (
	"fmt"
	"os"

	"example.com/notify"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "send" {
		fmt.Println(notify.Send("https://hooks.example.invalid/x", "hi"))
		return
	}
	fmt.Println("bot ready:", notify.Name())
}
