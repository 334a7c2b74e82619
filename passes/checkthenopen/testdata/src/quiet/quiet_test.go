package quiet

import (
	"os"
	"path/filepath"
	"testing"
)

// 63. A golden file written when missing, in a test: the checkout is the
// user's own; no other user races the test.
func TestGoldenWrite(t *testing.T) {
	golden := filepath.Join("testdata", t.Name()+".golden")
	if _, err := os.Stat(golden); os.IsNotExist(err) {
		if err := os.WriteFile(golden, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// 64. TestMain creating an output dir when missing.
func TestMain(m *testing.M) {
	if _, err := os.Stat("testdata/out"); os.IsNotExist(err) {
		os.MkdirAll("testdata/out", 0o755)
	}
	os.Exit(m.Run())
}
