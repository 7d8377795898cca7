package main

import (
	"fmt"
	"os/exec"
)

func main() {
	out, err := exec.Command("ctags", "--version").Output()
	fmt.Println(string(out), err)
}
