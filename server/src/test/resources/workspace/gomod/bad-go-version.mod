module example.com/m

go 1.x

require example.com/a v1.0.0
