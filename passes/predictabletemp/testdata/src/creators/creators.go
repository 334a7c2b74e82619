// Package creators has exported functions that create a path built from
// their arguments. Their own package cannot know what callers pass: the
// shared layer's Summary carries the creations to the callers' packages
// (usecreators), where a predictable temp path is reported at the call.
package creators

import (
	"os"
	"path/filepath"
)

// OpenLog creates dir/name.log.
func OpenLog(dir, name string) (*os.File, error) {
	return os.Create(filepath.Join(dir, name+".log"))
}

// WriteState writes dir/state.json.
func WriteState(dir string, b []byte) error {
	return os.WriteFile(filepath.Join(dir, "state.json"), b, 0o600)
}

// EnsureDir makes dir.
func EnsureDir(dir string) error { return os.MkdirAll(dir, 0o755) }

// Look-alikes that a caller's predictable argument does not make unsafe
// (or that this package judges itself): an O_EXCL open, a random name, a
// function that checks the path first, a sticky shared directory.

func OpenExcl(dir string) (*os.File, error) {
	return os.OpenFile(filepath.Join(dir, "x.lock"), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
}

func OpenRandom(dir string) (*os.File, error) { return os.CreateTemp(dir, "x-*") }

func OpenChecked(dir string) (*os.File, error) {
	if _, err := os.Lstat(dir); err != nil {
		return nil, err
	}
	return os.Create(filepath.Join(dir, "x.log"))
}

func SharedDir(dir string) error { return os.MkdirAll(dir, 0o1777) }
