//go:build !plan9

package unixonly

import "os"

// !plan9 still builds on Windows: reported.
func maybeWindows(data []byte) error {
	f, err := os.CreateTemp("", "mw")
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return os.Rename(f.Name(), "final") // want `os.Rename of f's file while f is still open`
}
