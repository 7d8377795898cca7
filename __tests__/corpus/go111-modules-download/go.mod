module example.com/app

go 1.11

require (
	github.com/pkg/errors v0.8.1
)
