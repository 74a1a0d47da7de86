module example.com/m
go 1.19
go 1.20
go (
)
frobnicate now
require example.com/a
