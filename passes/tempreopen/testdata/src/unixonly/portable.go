package unixonly

import "os"

// The same code in a portable file is reported.
func portable(data []byte) error {
	f, err := os.CreateTemp("", "p")
	if err != nil {
		return err
	}
	os.Remove(f.Name()) // want `os.Remove of f's file while f is still open`
	defer f.Close()
	_, err = f.Write(data)
	return err
}
