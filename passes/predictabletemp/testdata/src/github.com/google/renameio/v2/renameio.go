// Package renameio is a stub of github.com/google/renameio/v2 v2.0.2: the
// exported API shapes that tempguard's file-API table names, with empty
// bodies.
package renameio

import "os"

// Option is an option of the pending file.
type Option interface {
	apply(*config)
}

type config struct{}

// PendingFile is a pending temporary file, waiting to replace the
// destination path in a call to CloseAtomicallyReplace.
type PendingFile struct {
	*os.File
}

func (t *PendingFile) Cleanup() error                { return nil }
func (t *PendingFile) CloseAtomicallyReplace() error { return nil }

func TempDir(dest string) string                                                     { return "" }
func TempFile(dir, path string) (*PendingFile, error)                                { return nil, nil }
func NewPendingFile(path string, opts ...Option) (*PendingFile, error)               { return nil, nil }
func Symlink(oldname, newname string) error                                          { return nil }
func WriteFile(filename string, data []byte, perm os.FileMode, opts ...Option) error { return nil }
