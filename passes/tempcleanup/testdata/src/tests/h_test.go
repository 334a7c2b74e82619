package tests

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A test helper that makes its work directory under os.TempDir() at a
// name of its own, in two steps (the name, then the path): the directory
// outlives a failing test; t.TempDir() is removed whatever happens.
func makeWorkDir(name string, t testing.TB) string {
	dir := time.Now().Format(name + "20060102T150405")
	dir = filepath.Join(os.TempDir(), dir)
	if err := os.Mkdir(dir, 0o700); err != nil { // want `test creates a directory under os.TempDir\(\): build the path on t.TempDir\(\)`
		t.Fatal(err)
	}
	return dir
}

func TestUsesWorkDir(t *testing.T) {
	dir := makeWorkDir("TestUsesWorkDir", t)
	defer os.RemoveAll(dir)
	// Inside the directory the helper made: not under os.TempDir() by
	// name any more, and reported once, at the helper.
	if err := os.WriteFile(filepath.Join(dir, "out.log"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
}

// The look-alike: the same helper on t.TempDir().
func makeWorkDirPrivate(name string, t testing.TB) string {
	dir := time.Now().Format(name + "20060102T150405")
	dir = filepath.Join(t.TempDir(), dir)
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	return dir
}
