module example.com/api

go 1.22

require (
	example.com/lib v0.0.0
	github.com/spf13/pflag v1.0.5
)
