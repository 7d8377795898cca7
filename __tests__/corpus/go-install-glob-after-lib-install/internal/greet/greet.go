package greet

// Line is the greeting.
func Line(name string) string { return "hello from " + name }
