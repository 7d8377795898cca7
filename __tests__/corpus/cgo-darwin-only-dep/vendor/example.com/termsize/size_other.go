//go:build !darwin

package termsize

// Width is the terminal width.
func Width() int { return 80 }
