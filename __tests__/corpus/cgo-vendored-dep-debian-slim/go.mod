module example.com/app

go 1.19

require (
	example.com/fastsum v0.1.0
)
