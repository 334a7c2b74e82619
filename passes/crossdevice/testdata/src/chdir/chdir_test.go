package chdir

import (
	"os"
	"testing"
)

// Q44: the test works in a temp directory: relative destinations are there.
func TestRelative(t *testing.T) {
	t.Chdir(t.TempDir())
	f, err := os.CreateTemp("", "x")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Rename(f.Name(), "out.txt"); err != nil {
		t.Fatal(err)
	}
}

// Q45: HOME points at a temp directory.
func TestHome(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	home, _ := os.UserHomeDir()
	f, err := os.CreateTemp("", "x")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	os.Rename(f.Name(), home+"/.apprc")
}
