//go:build unix

package atomic

import (
	"os"
	"path/filepath"
	"syscall"
)

// Q47: the code compares devices before renaming.
func MoveIfSameDevice(dst string) error {
	f, err := os.CreateTemp("", "dev")
	if err != nil {
		return err
	}
	f.Close()
	var a, b syscall.Stat_t
	if syscall.Stat(f.Name(), &a) == nil && syscall.Stat(filepath.Dir(dst), &b) == nil && a.Dev == b.Dev {
		return os.Rename(f.Name(), dst)
	}
	return copyFile(f.Name(), dst)
}
