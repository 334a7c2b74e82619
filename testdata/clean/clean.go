// Package clean uses temp files the right way: tempguard reports nothing.
package clean

import (
	"os"
	"path/filepath"
)

// WriteAtomic writes data to path through a temp file in the same directory.
func WriteAtomic(path string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// Scratch runs fn with a private scratch directory that is removed after.
func Scratch(fn func(dir string) error) error {
	dir, err := os.MkdirTemp("", "scratch-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	return fn(dir)
}
