package flagged

import (
	"os"
	"path/filepath"
	"testing"
)

func filepathJoinPattern() (*os.File, error) {
	return os.CreateTemp("", filepath.Join(os.TempDir(), "blob-*")) // want `pattern is a path under os.TempDir\(\)`
}

func joinUnderTestDir(t *testing.T) {
	f, err := os.CreateTemp("", filepath.Join(t.TempDir(), "x-*")) // want `pattern is a path under t.TempDir\(\)`
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func noFixConstWithSep() (*os.File, error) {
	const p = "a/b-*"
	return os.CreateTemp("", p) // want `pattern "a/b-\*" contains a path separator`
}

func otherUse(dir string) string { return filepath.Base(dir) }
