package quiet

import (
	"os"
	"path/filepath"
	"testing"
)

// Look-alikes of the create-then-restrict windows.

// A Chmod to a more restrictive mode on a file created private.
func restrictPrivate() error {
	f, err := os.CreateTemp("", "key-*")
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Chmod(0o400)
}

// A script made executable for its owner only: 0o700 is private.
func privateScript(script []byte) error {
	f, err := os.CreateTemp("", "hook-*.sh")
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(script); err != nil {
		return err
	}
	return f.Chmod(0o700)
}

// Created with the final mode: no window.
func createPrivate(data []byte) error {
	p := filepath.Join(os.TempDir(), "session.key")
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Chmod(0o600); err != nil {
		return err
	}
	_, err = f.Write(data)
	return err
}

// os.Create in a private directory, then restricted: nobody else can
// reach it.
func createInPrivateDir() error {
	dir, err := os.MkdirTemp("", "work-")
	if err != nil {
		return err
	}
	p := filepath.Join(dir, "secret")
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	f.Close()
	return os.Chmod(p, 0o600)
}

// os.Create with no later restriction: its mode is the default, not one
// the program chose (predictabletemp reports a predictable name).
func createOnly() (*os.File, error) {
	return os.Create(filepath.Join(os.TempDir(), "out.log"))
}

// The Chmod restricts another path.
func createThenChmodOther(other string) error {
	f, err := os.Create("/tmp/report.txt")
	if err != nil {
		return err
	}
	f.Close()
	return os.Chmod(other, 0o600)
}

// A private directory under a private parent, opened to other users:
// they cannot reach the parent.
func openNestedPrivateDir() (string, error) {
	parent, err := os.MkdirTemp("", "job-")
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp(parent, "out-")
	if err != nil {
		return "", err
	}
	return dir, os.Chmod(dir, 0o755)
}

// t.TempDir() lies under a private directory of the test.
func openTestDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

// A private directory kept private.
func keepPrivateDir() (string, error) {
	dir, err := os.MkdirTemp("", "render-")
	if err != nil {
		return "", err
	}
	return dir, os.Chmod(dir, 0o700)
}

// A directory made in a caller's directory: unknown parent.
func openDirIn(parent string) (string, error) {
	dir, err := os.MkdirTemp(parent, "out-")
	if err != nil {
		return "", err
	}
	return dir, os.Chmod(dir, 0o755)
}
