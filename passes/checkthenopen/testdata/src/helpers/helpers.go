// Package helpers exports existence-check wrappers (facts for other packages).
package helpers

import (
	"os"

	"golang.org/x/sys/unix"
)

// FileExists reports whether name exists.
func FileExists(name string) bool {
	_, err := os.Stat(name)
	return !os.IsNotExist(err)
}

// IsDir reports whether name is a directory: not an existence wrapper of
// the simple kind, but true still implies it exists.
func IsDir(name string) bool {
	fi, err := os.Stat(name)
	if err != nil {
		return false
	}
	return fi.IsDir()
}

// Size is not an existence check.
func Size(name string) int64 {
	fi, err := os.Stat(name)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// Writable reports whether access(2) grants write permission.
func Writable(path string) bool {
	return unix.Access(path, unix.W_OK) == nil
}

// WritableOrMissing is true for missing paths too: not a check of either kind.
func WritableOrMissing(p string) bool {
	err := unix.Access(p, unix.W_OK)
	return err == nil || os.IsNotExist(err)
}
