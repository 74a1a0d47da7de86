module example.com/crlf

go 1.18

require (
	example.com/a v1.0.0
)
