package flagged

import (
	"fmt"
	"os"
	"path/filepath"
)

// The message says what the check reported on the branch that leads to
// the use.

// The first test lets failures through, the second stops them: the use
// runs only when the check found the path missing.
func writeIfMissing(p string, data []byte) error {
	_, err := os.Stat(p)
	if err == nil {
		return nil
	}
	if !os.IsNotExist(err) {
		return err
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile\(p\) after os.Stat found it missing is racy`
}

// Any failure takes the branch.
func writeUnlessStat(p string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile\(p\) after os.Stat found it missing, or failed, is racy`
}

func statOK(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// The wrapper's false means "missing, or the Stat failed".
func writeUnlessOK(p string, data []byte) error {
	if statOK(p) {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile\(p\) after statOK found it missing, or failed, is racy`
}

func absent(p string) bool {
	_, err := os.Stat(p)
	return os.IsNotExist(err)
}

// This wrapper's true means exactly "missing".
func writeIfAbsent(p string, data []byte) error {
	if !absent(p) {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile\(p\) after absent found it missing is racy`
}

// Deliberate, but in a shared temp dir: the race is the point, another
// user can make the directory between the check and os.MkdirAll.
func freshSharedDir() (string, error) {
	dir := filepath.Join(os.TempDir(), "render-out")
	if _, err := os.Stat(dir); err == nil {
		return "", fmt.Errorf("%s already exists", dir)
	}
	return dir, os.MkdirAll(dir, 0o700) // want `os.MkdirAll\(dir\) after os.Stat found it missing, or failed, is racy: dir is in the shared temp dir os.TempDir\(\), where any local user can create it first and own it; use os.MkdirTemp for a private directory`
}

// err != nil && os.IsNotExist(err): the second test is the exact one.
func ensureDirBoth(dir string) error {
	_, err := os.Stat(dir)
	if err != nil && os.IsNotExist(err) {
		err = os.MkdirAll(dir, 0o755) // want `os.MkdirAll\(dir\) after os.Stat found it missing is a redundant, racy check`
		if err != nil {
			return err
		}
	}
	return nil
}
