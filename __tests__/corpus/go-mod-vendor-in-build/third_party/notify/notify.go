package notify

import (
	"net/http"
	"strings"
)

// Name says which notifier this is.
func Name() string { return "notify" }

// Send posts text to a webhook over HTTPS.
func Send(url, text string) error {
	_, err := http.Post(url, "text/plain", strings.NewReader(text))
	return err
}
