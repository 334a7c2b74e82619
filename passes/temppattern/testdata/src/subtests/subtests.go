package subtests

import (
	"fmt"
	"os"
	"testing"
)

func TestTable(t *testing.T) {
	for _, name := range []string{"a", "b"} {
		t.Run(name, func(t *testing.T) {
			dir, err := os.MkdirTemp("", t.Name()) // want `os.MkdirTemp pattern uses t.Name\(\), which contains "/" in a subtest: an error at run time; replace the slashes, e.g. strings.ReplaceAll\(t.Name\(\), "/", "_"\)`
			if err != nil {
				t.Fatal(err)
			}
			defer os.RemoveAll(dir)
		})
	}
}

func TestPrefixed(t *testing.T) {
	t.Run("case", func(st *testing.T) {
		f, err := os.CreateTemp("", "prefix-"+st.Name()+"-*") // want `os.CreateTemp pattern uses st.Name\(\)`
		if err != nil {
			st.Fatal(err)
		}
		f.Close()
	})
}

func TestSprintf(t *testing.T) {
	t.Run("case", func(t *testing.T) {
		name := fmt.Sprintf("%s-data", t.Name())
		f, err := os.CreateTemp("", name) // want `pattern uses t.Name\(\)`
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
	})
}

func TestSubtestWithExt(t *testing.T) {
	t.Run("case", func(t *testing.T) {
		f, err := os.CreateTemp("", t.Name()+".json") // want `pattern uses t.Name\(\).*; also: the random part hides the .json extension`
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
	})
}

func setup(t *testing.T) string {
	dir, err := os.MkdirTemp("", t.Name()) // want `os.MkdirTemp pattern uses t.Name\(\)`
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestHelper(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		_ = setup(t)
	})
}

func BenchmarkSub(b *testing.B) {
	b.Run("size", func(b *testing.B) {
		dir, err := os.MkdirTemp("", b.Name()) // want `pattern uses b.Name\(\)`
		if err != nil {
			b.Fatal(err)
		}
		os.RemoveAll(dir)
	})
}

func checkCase(t *testing.T) {
	f, err := os.CreateTemp("", t.Name()+"-*") // want `os.CreateTemp pattern uses t.Name\(\)`
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestNamedCase(t *testing.T) {
	t.Run("one", checkCase)
}

// Every fuzz input, seeds included, runs as a subtest "FuzzX/seed#0".
func FuzzParse(f *testing.F) {
	f.Add("x")
	dir, _ := os.MkdirTemp("", f.Name()) // the fuzz target's own name has no "/"
	defer os.RemoveAll(dir)
	f.Fuzz(func(t *testing.T, s string) {
		d, err := os.MkdirTemp("", t.Name()) // want `os.MkdirTemp pattern uses t.Name\(\), which contains "/" in a subtest`
		if err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(d)
	})
}
