package noimport

import "os"

// F29: the fix adds the path/filepath import.
func Write(path string, data []byte) error {
	f, err := os.CreateTemp("", "w-*.tmp")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path) // want `create the temp file in filepath.Dir\(path\)`
}

// F30: filepath is shadowed where the temp file is made: no fix.
func Shadowed(path string, filepath []byte) error {
	f, err := os.CreateTemp("", "s")
	if err != nil {
		return err
	}
	f.Write(filepath)
	f.Close()
	return os.Rename(f.Name(), path) // want `fails with EXDEV`
}
