//go:build !fast

package main

func speed() string { return "slow" }
