//go:build fast

package main

/*
static const char *speed(void) { return "fast"; }
*/
import "C"

func speed() string { return C.GoString(C.speed()) }
