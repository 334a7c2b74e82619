// Package shareddir: removing the shared temp directory itself, as an
// example's last line might, deletes every other program's files in it.
package shareddir

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
)

func work(dir string) error { return nil }

func exampleEnd() {
	_ = work(os.TempDir())
	os.RemoveAll(os.TempDir()) // want `os.RemoveAll of os.TempDir\(\) removes the whole shared temp directory, with the files of every other program and user in it; remove only what this program created \(the path os.MkdirTemp returned\)`
}

func literalTmp() error {
	return os.RemoveAll("/tmp") // want `os.RemoveAll of /tmp removes the whole shared temp directory`
}

func throughVariable() error {
	base := os.TempDir()
	if err := work(base); err != nil {
		return err
	}
	return os.RemoveAll(base) // want `os.RemoveAll of os.TempDir\(\) removes the whole shared temp directory`
}

func fromEnv() error {
	return os.RemoveAll(os.Getenv("TMPDIR")) // want `os.RemoveAll of \$TMPDIR removes the whole shared temp directory`
}

// Look-alikes that stay quiet.

// The directory the program made.
func ownDir() error {
	dir, err := os.MkdirTemp("", "example")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	return work(dir)
}

// A random name below the temp dir: not the directory itself.
func randomChild() error {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return err
	}
	dir := filepath.Join(os.TempDir(), hex.EncodeToString(b))
	if err := os.Mkdir(dir, 0o700); err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	return work(dir)
}

// os.Remove of the directory fails unless it is empty: nothing is lost.
func removeEmpty() error {
	return os.Remove(os.TempDir())
}

// TMPDIR points at a private directory first: that one is removed.
func redirected() error {
	dir, err := os.MkdirTemp("", "private")
	if err != nil {
		return err
	}
	if err := os.Setenv("TMPDIR", dir); err != nil {
		os.RemoveAll(dir)
		return err
	}
	_ = work(os.TempDir())
	return os.RemoveAll(os.TempDir())
}
