//go:build !windows && (amd64 || arm64)

package unixonly

import "os"

// A !windows constraint.
func notWindows(data []byte) error {
	f, err := os.CreateTemp("", "nw")
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return os.Rename(f.Name(), "final")
}
