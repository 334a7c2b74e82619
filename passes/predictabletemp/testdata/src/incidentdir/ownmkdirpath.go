package incidentdir

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// A directory at a predictable name that the program makes itself with a
// strict os.Mkdir (the error checked, EEXIST not excused) is its own: the
// Mkdir fails on anything already there, so nobody else can have put
// entries inside it. Entries built on it stay quiet, in the function that
// makes it and through helpers.

func ownWorkDir(prefix string) (string, error) {
	dir := filepath.Join(os.TempDir(), prefix+time.Now().Format("20060102T150405"))
	if err := os.Mkdir(dir, 0o700); err != nil {
		return "", err
	}
	return dir, nil
}

func entryOf(dir string) string { return filepath.Join(dir, "session.log") }

func writeInOwnDir(data []byte) error {
	dir, err := ownWorkDir("sess-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(entryOf(dir), data, 0o600); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, "extra-"+strconv.Itoa(os.Getpid())))
	if err != nil {
		return err
	}
	return f.Close()
}

func writeInOwnDirHere(data []byte) error {
	dir := "/tmp/own-" + strconv.Itoa(os.Getpid())
	if err := os.Mkdir(dir, 0o700); err != nil {
		return err
	}
	return os.WriteFile(dir+"/state.json", data, 0o600)
}

// Look-alikes that stay flagged.

// The Mkdir runs on one path only: on the other the directory may be
// anyone's.
func writeMaybeOwnDir(fresh bool, data []byte) error {
	dir := "/tmp/maybe-own-" + strconv.Itoa(os.Getpid())
	if fresh {
		if err := os.Mkdir(dir, 0o700); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, "state.json"), data, 0o600) // want `predictable temp file path built from os.Getpid\(\)`
}

// A sibling of the directory ("-old" added to its name) is not inside it.
func writeBesideOwnDir(data []byte) error {
	dir := "/tmp/beside-own-" + strconv.Itoa(os.Getpid())
	if err := os.Mkdir(dir, 0o700); err != nil {
		return err
	}
	return os.WriteFile(dir+"-old", data, 0o600) // want `predictable temp file path built from os.Getpid\(\)`
}

// The variable names another directory after the Mkdir.
func writeAfterReassign(data []byte) error {
	dir := "/tmp/moved-own-" + strconv.Itoa(os.Getpid())
	if err := os.Mkdir(dir, 0o700); err != nil {
		return err
	}
	dir = "/tmp/moved-other-" + strconv.Itoa(os.Getpid())
	return os.WriteFile(filepath.Join(dir, "state.json"), data, 0o600) // want `predictable temp file path built from os.Getpid\(\)`
}

// An existing directory is accepted: it may be another user's.
func writeInExistingDir(data []byte) error {
	dir := "/tmp/existing-own-" + strconv.Itoa(os.Getpid())
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, os.ErrExist) { // want `predictable temp directory path built from os.Getpid\(\)`
		return err
	}
	return os.WriteFile(filepath.Join(dir, "state.json"), data, 0o600) // want `predictable temp file path built from os.Getpid\(\)`
}

// The Mkdir is in a function literal that has not run when the entry is
// written: it does not make the directory first.
func writeBeforeLiteralMkdir(data []byte) (func() error, error) {
	dir := "/tmp/lit-own-" + strconv.Itoa(os.Getpid())
	mk := func() error {
		if err := os.Mkdir(dir, 0o700); err != nil {
			return err
		}
		return nil
	}
	return mk, os.WriteFile(filepath.Join(dir, "state.json"), data, 0o600) // want `predictable temp file path built from os.Getpid\(\)`
}
