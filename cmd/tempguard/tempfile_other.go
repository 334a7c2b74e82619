//go:build !(linux && (amd64 || arm64 || 386 || arm || riscv64 || loong64 || ppc64le || s390x))

package main

import "os"

// openTemp creates a named temporary file in dir (see fixwrite.go).
func openTemp(dir, base string, perm os.FileMode) (*os.File, string, error) {
	return namedTemp(dir, base, perm)
}

// linkTemp is never called: openTemp always returns a named file here.
func linkTemp(f *os.File, dir, base string) (string, error) {
	return f.Name(), nil
}
