package severity

import (
	"os"
	"testing"
)

func TestRemovesItsDir(t *testing.T) {
	dir, err := os.MkdirTemp("", "x") // category:test-tempdir
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	_ = dir
}

func TestLeaksItsDir(t *testing.T) {
	dir, err := os.MkdirTemp("", "x") // category:test-leak
	if err != nil {
		t.Fatal(err)
	}
	if len(dir) > 100 {
		return
	}
	os.RemoveAll(dir)
}
