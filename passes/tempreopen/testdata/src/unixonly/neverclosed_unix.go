//go:build unix

package unixonly

import "os"

// Code that builds only for Unix: removing an open file works there.
func neverClosedOnUnix(data []byte) error {
	f, err := os.CreateTemp("", "unix")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(data)
	return err
}
