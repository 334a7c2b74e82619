package unixonly

import "os"

// _unix.go is not a file-name constraint Go honours (unix is only a build
// tag): without a //go:build line this file builds on Windows too.
func renameNoTag(data []byte) error {
	f, err := os.CreateTemp("", "s")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	return os.Rename(f.Name(), "final") // want `os.Rename of f's file while f is still open`
}
