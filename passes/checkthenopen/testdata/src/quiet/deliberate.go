package quiet

import (
	"fmt"
	"log"
	"os"
	"time"
)

// Deliberate checks before os.MkdirAll: the outcome "it exists" does
// something of its own, so the check is the program's behaviour, not a
// redundancy, and dropping it would not be a fix. MkdirAll itself accepts
// a directory that appears in between.

// An existing directory is an error: the program wants a new one.
func newOutputDir(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("%s already exists", dir)
	}
	return os.MkdirAll(dir, 0o755)
}

// An existing directory is touched instead.
func ensureDirThen(dir string) error {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return os.MkdirAll(dir, 0o755)
	}
	return os.Chtimes(dir, time.Now(), time.Now())
}

// The gomega shape: an existing path must be a directory.
func newCache(path string) (string, error) {
	stat, err := os.Stat(path)
	if os.IsNotExist(err) {
		err := os.MkdirAll(path, 0o777)
		if err != nil {
			return "", err
		}
	} else if !stat.IsDir() {
		return "", fmt.Errorf("%s is not a directory", path)
	}
	return path, nil
}

// The existing directory is reported.
func ensureDirLogged(dir string) error {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return os.MkdirAll(dir, 0o755)
	}
	log.Printf("reusing %s", dir)
	return nil
}

// An existing directory returns another result.
func ensureDirCount(dir string) (int, error) {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return 0, os.MkdirAll(dir, 0o755)
	}
	entries, err := os.ReadDir(dir)
	return len(entries), err
}
