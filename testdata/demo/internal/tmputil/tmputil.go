// Package tmputil holds path helpers shared by the demo's packages.
package tmputil

import (
	"fmt"
	"os"
	"path/filepath"
)

// ScratchPath returns a per-process scratch file name in the temp dir.
func ScratchPath(name string) string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("demo-%d-%s", os.Getpid(), name))
}

// Cleanup removes a scratch directory and everything in it.
func Cleanup(dir string) {
	os.RemoveAll(dir)
}
