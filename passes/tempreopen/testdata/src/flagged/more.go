package flagged

import (
	"encoding/json"
	"io/ioutil"
	"os"
	"testing"
)

// ioutil.TempFile, and a test that reports with t.Fatalf.
func TestLegacy(t *testing.T) {
	f, err := ioutil.TempFile("", "legacy")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("legacy")
	if err := os.Rename(f.Name(), f.Name()+".done"); err != nil { // want `os.Rename of f's file while f is still open`
		t.Fatalf("rename: %v", err)
	}
}

// A function literal is analyzed on its own.
func TestSubtest(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		f, err := os.CreateTemp(t.TempDir(), "sub")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		defer os.Remove(f.Name()) // want `deferred os.Remove runs before the earlier deferred close of f`
		f.WriteString("sub")
	})
}

// Generic result: the zero value is *new(T).
func saveJSON[T any](v T, dst string) (T, error) {
	f, err := os.CreateTemp("", "g-*.json")
	if err != nil {
		return v, err
	}
	if err := json.NewEncoder(f).Encode(v); err != nil {
		return v, err
	}
	if err := os.Rename(f.Name(), dst); err != nil { // want `os.Rename of f's file while f is still open`
		return *new(T), err
	}
	return v, nil
}

// A deferred close that reports its error: closing early would make it
// fail, so there is no fix.
func checkedDeferClose(dst string) (err error) {
	f, err := os.CreateTemp("", "cd")
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	if _, err = f.WriteString("x"); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // want `os.Rename of f's file while f is still open`
}

// In a loop that does not create the file: no fix.
func renameInLoop(dsts []string) error {
	f, err := os.CreateTemp("", "rl")
	if err != nil {
		return err
	}
	f.WriteString("x")
	for _, d := range dsts {
		if err := os.Rename(f.Name(), d); err != nil { // want `os.Rename of f's file while f is still open`
			return err
		}
	}
	return nil
}

// panic as the error handling.
func mustPublish(dst string) {
	f, err := os.CreateTemp("", "mp")
	if err != nil {
		panic(err)
	}
	f.WriteString("x")
	if err := os.Rename(f.Name(), dst); err != nil { // want `os.Rename of f's file while f is still open`
		panic(err)
	}
}
