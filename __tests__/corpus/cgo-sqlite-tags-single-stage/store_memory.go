//go:build !sqlite

package main

func openStore() string { return "memory" }
