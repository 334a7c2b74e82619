//go:build unix

package a

import "os"

// Unix-only files are checked as usual.
func unixOnly() {
	os.WriteFile("/tmp/unix.txt", nil, 0o600) // want `predictable temp file path`
}
