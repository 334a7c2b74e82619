package atomic

import (
	"os"
	"path/filepath"
	"testing"
)

// F27: a test that updates a golden file through a temp file.
func TestUpdateGolden(t *testing.T) {
	f, err := os.CreateTemp("", "golden")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("want")
	f.Close()
	if err := os.Rename(f.Name(), "testdata/golden.txt"); err != nil { // want `to "testdata/golden.txt" fails with EXDEV`
		t.Fatal(err)
	}
}

// F28: t.TempDir() is in the system temp dir too: no fix (no creating call).
func TestMoveOut(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out.bin")
	os.WriteFile(p, nil, 0o600)
	if err := os.Rename(p, "testdata/out.bin"); err != nil { // want `\(t.TempDir\(\)\) to "testdata/out.bin" fails with EXDEV`
		t.Fatal(err)
	}
}

// Q35: both under t.TempDir().
func TestMoveWithin(t *testing.T) {
	dir := t.TempDir()
	f, err := os.CreateTemp("", "golden")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Rename(f.Name(), filepath.Join(dir, "golden.txt")); err != nil {
		t.Fatal(err)
	}
}

// Q36: CreateTemp in t.TempDir() renamed within it.
func TestMoveWithin2(t *testing.T) {
	dir := t.TempDir()
	f, err := os.CreateTemp(dir, "x")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	os.Rename(f.Name(), filepath.Join(dir, "y"))
}
