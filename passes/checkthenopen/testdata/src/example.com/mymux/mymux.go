// Package mymux has a path ending in "mux" and a Vars function that does
// not read requests.
package mymux

func Vars() map[string]string { return map[string]string{"name": "default.txt"} }
