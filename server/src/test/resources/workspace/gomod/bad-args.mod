module example.com/m

go 1.19

require example.com/a v1.0.0 v2
exclude example.com/b
