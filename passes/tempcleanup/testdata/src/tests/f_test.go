package tests

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// ok checks an error the way assertion libraries do.
func ok(tb testing.TB, err error, what string) {
	tb.Helper()
	if err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
}

func record(tb testing.TB, err error, dir string) { tb.Log(os.Getpid(), err, dir) }

// A call that gets only the test, err and constants checks err: the fix
// drops it with the MkdirTemp, whatever the helper is called.
func TestHelperChecksErr(t *testing.T) {
	a, err := os.MkdirTemp("", "a") // want `os.MkdirTemp in a test: use t.TempDir\(\)`
	ok(t, err, "mkdir")
	defer os.RemoveAll(a)
	_ = filepath.Join(a, "x")
}

// A standard call that prints err is not a check: it stays, and err stays
// declared.
func TestPrintsErr(t *testing.T) {
	a, err := os.MkdirTemp("", "a") // want `os.MkdirTemp in a test: use t.TempDir\(\)`
	fmt.Println(err)
	defer os.RemoveAll(a)
	_ = filepath.Join(a, "x")
}

// The helper also gets the dir: not only a check, it stays.
func TestHelperGetsDir(t *testing.T) {
	a, err := os.MkdirTemp("", "a") // want `os.MkdirTemp in a test: use t.TempDir\(\)`
	record(t, err, a)
	defer os.RemoveAll(a)
}
