// Package imports2 checks the import edit of the SameFile fix.
package imports2

import (
	"errors"
	"os"
)

func open(p string) (*os.File, error) {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return nil, errors.New("symlink")
	}
	f, err := os.Open(p) // want `os.Open\(p\) follows a symlink`
	if err != nil {
		return nil, err
	}
	return f, nil
}
