package unixonly

import "os"

// A lock file released by removing it before closing: fine on Linux.
func unlock(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil {
		return err
	}
	return f.Close()
}

// The file-name constraint also quiets RemoveAll of the directory.
func removeDir(dir string) error {
	f, err := os.CreateTemp(dir, "x")
	if err != nil {
		return err
	}
	defer f.Close()
	return os.RemoveAll(dir)
}
