// Package unix is a stub of golang.org/x/sys/unix for the tests.
package unix

const (
	F_OK = 0x0
	R_OK = 0x4
	W_OK = 0x2
)

func Access(path string, mode uint32) error { return nil }
