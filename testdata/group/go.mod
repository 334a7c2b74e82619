module example.com/group

go 1.26
