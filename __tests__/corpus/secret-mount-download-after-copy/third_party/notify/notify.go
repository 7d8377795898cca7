package notify

// Name says which notifier this is.
func Name() string { return "notify" }
