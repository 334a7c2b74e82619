package helpers

import (
	"fmt"
	"os"
	"path/filepath"
)

// PIDFile returns the path of the process's PID file.
func PIDFile() string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("daemon-%d.pid", os.Getpid()))
}

// InTemp joins name under the temp dir.
func InTemp(name string) string {
	return filepath.Join(os.TempDir(), name)
}

// Private returns a path under a fresh private directory.
func Private(name string) string {
	dir, _ := os.MkdirTemp("", "x")
	return filepath.Join(dir, name)
}
