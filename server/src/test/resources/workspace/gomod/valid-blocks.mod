// Package comment block.

// Deprecated: use example.com/new instead.
module "example.com/old" // quoted path

go 1.19

require (
	golang.org/x/mod v0.14.0
	golang.org/x/sys v0.15.0 // indirect
)

require example.com/single v1.2.3

replace (
	example.com/single v1.2.3 => ../single
	golang.org/x/sys => golang.org/x/sys v0.16.0
)

exclude example.com/bad v0.1.0

retract (
	v1.0.1 // published by mistake
	[v1.1.0, v1.1.9]
)
