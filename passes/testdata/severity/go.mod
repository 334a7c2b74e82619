module severity

go 1.26
