module helloworld

go 1.19
