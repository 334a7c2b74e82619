package tests

import (
	"os"
	"testing"
)

// Moved under t.TempDir(), a file still open when the test returns would
// make the t.TempDir() cleanup fail on Windows: the fix closes it too.
func TestCreateTempLeftOpen(t *testing.T) {
	f, err := os.CreateTemp("", "open-*") // want `os.CreateTemp in the shared temp dir in a test: use os.CreateTemp\(t.TempDir\(\), ...\)`
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("data"); err != nil {
		t.Fatal(err)
	}
	_ = Build(f.Name())
}

// Closed on every path: the fix only moves it.
func TestCreateTempClosed(t *testing.T) {
	f, err := os.CreateTemp("", "closed-*") // want `os.CreateTemp in the shared temp dir in a test`
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, _ = f.WriteString("data")
}

// Open, with a deferred removal that a new deferred close would follow:
// no fix (the removal would run first).
func TestCreateTempRemovedOpen(t *testing.T) {
	f, err := os.CreateTemp("", "rm-*") // want `os.CreateTemp in the shared temp dir in a test`
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	f.WriteString("x")
}
