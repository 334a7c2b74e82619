package settmpdir

import (
	"os"
	"path/filepath"
	"testing"
)

// TMPDIR points at a private directory: os.TempDir() is private.
func TestRedirected(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	p := filepath.Join(os.TempDir(), "after-setenv.txt")
	if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A literal /tmp is still shared.
	if err := os.WriteFile("/tmp/settmpdir.txt", []byte("x"), 0o600); err != nil { // want `predictable temp file path built from constants only`
		t.Fatal(err)
	}
}

func TestNotRedirected(t *testing.T) {
	p := filepath.Join(os.TempDir(), "no-setenv.txt")
	if err := os.WriteFile(p, []byte("x"), 0o600); err != nil { // want `predictable temp file path built from constants only`
		t.Fatal(err)
	}
}
