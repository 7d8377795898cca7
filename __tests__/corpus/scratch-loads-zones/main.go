package main

import (
	"fmt"
	"time"
)

func main() {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		fmt.Println("no zone:", err)
		return
	}
	fmt.Println("zone", loc)
}
