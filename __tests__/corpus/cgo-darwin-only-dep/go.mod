module example.com/app

go 1.22

require (
	example.com/termsize v0.1.0
)
