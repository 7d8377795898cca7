package main

import (
	"fmt"
	"os/exec"
)

func main() {
	out, err := exec.Command("ffmpeg", "-version").Output()
	fmt.Println(len(out) > 0, err)
}
