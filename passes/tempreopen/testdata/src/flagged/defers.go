package flagged

import (
	"io"
	"os"
	"path/filepath"
)

// The classic: the remove runs first.
func processUpload(r io.Reader) error {
	f, err := os.CreateTemp("", "upload-*")
	if err != nil {
		return err
	}
	defer f.Close()
	defer os.Remove(f.Name()) // want `deferred os.Remove runs before the earlier deferred close of f \(defers run last-in-first-out\)`
	_, err = io.Copy(f, r)
	return err
}

// Apart: the removal moves up.
func apart(r io.Reader) (int64, error) {
	tmp, err := os.CreateTemp("", "apart")
	if err != nil {
		return 0, err
	}
	defer tmp.Close()
	n, err := io.Copy(tmp, r)
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name()) // want `deferred os.Remove runs before the earlier deferred close of tmp`
	return n, nil
}

// RemoveAll of the directory holding the file.
func inDir(data []byte) error {
	dir, err := os.MkdirTemp("", "d")
	if err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, "data.bin"))
	if err != nil {
		return err
	}
	defer f.Close()
	defer os.RemoveAll(dir) // want `deferred os.RemoveAll runs before the earlier deferred close of f`
	_, err = f.Write(data)
	return err
}

// A deferred closure that closes (and checks) does not help the later remove.
func closureClose(data []byte) (err error) {
	f, err := os.CreateTemp("", "cc")
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	defer func() { _ = os.Remove(f.Name()) }() // want `deferred os.Remove runs before the earlier deferred close of f`
	_, err = f.Write(data)
	return err
}

// One deferred func that removes, then closes.
func wrongInside() error {
	f, err := os.CreateTemp("", "wi")
	if err != nil {
		return err
	}
	defer func() { // want `deferred function removes f's file before closing it`
		os.Remove(f.Name())
		f.Close()
	}()
	_, err = f.WriteString("x")
	return err
}

// Created by path, removed by the same path.
func byPath(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	defer os.Remove(path) // want `deferred os.Remove runs before the earlier deferred close of f`
	_, err = f.Write(data)
	return err
}

// Only some paths close explicitly: the others still remove an open file.
func someClose(fast bool) error {
	f, err := os.CreateTemp("", "sc")
	if err != nil {
		return err
	}
	defer f.Close()
	defer os.Remove(f.Name()) // want `deferred os.Remove runs before the earlier deferred close of f`
	if fast {
		return f.Close()
	}
	_, err = f.WriteString("slow")
	return err
}
