package tests

import (
	"io/ioutil"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func noError(t testing.TB, err error) {
	if err != nil {
		t.Fatal(err)
	}
}

func TestMkdirTemp(t *testing.T) {
	dir, err := os.MkdirTemp("", "x") // want `os.MkdirTemp in a test: use t.TempDir\(\), which the testing package removes after the test`
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := Build(dir); err != nil {
		t.Error(err)
	}
}

func TestIoutilTempDir(t *testing.T) {
	dir, err := ioutil.TempDir("", "y") // want `ioutil.TempDir in a test: use t.TempDir\(\)`
	noError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	_ = Build(dir)
}

func TestCreateTemp(t *testing.T) {
	f, err := os.CreateTemp("", "x-*") // want `os.CreateTemp in the shared temp dir in a test: use os.CreateTemp\(t.TempDir\(\), ...\)`
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	f.Close()
}

func TestTempFileOSTempDir(t *testing.T) {
	f, err := ioutil.TempFile(os.TempDir(), "y") // want `ioutil.TempFile in the shared temp dir in a test`
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func BenchmarkDir(b *testing.B) {
	dir, err := os.MkdirTemp("", "bench") // want `os.MkdirTemp in a test: use b.TempDir\(\)`
	if err != nil {
		b.Fatal(err)
	}
	defer func() { os.RemoveAll(dir) }()
	for i := 0; i < b.N; i++ {
		_ = Build(dir)
	}
}

func TestSubtest(t *testing.T) {
	t.Run("sub", func(st *testing.T) {
		dir, err := os.MkdirTemp("", "sub") // want `use st.TempDir\(\)`
		if err != nil {
			st.Fatal(err)
		}
		_ = Build(dir)
	})
}

func FuzzDir(f *testing.F) {
	dir, err := os.MkdirTemp("", "fz") // want `use f.TempDir\(\)`
	if err != nil {
		f.Fatal(err)
	}
	defer os.RemoveAll(dir)
	f.Fuzz(func(t *testing.T, s string) {
		_ = Build(filepath.Join(dir, s))
	})
}

func TestNonEmptyBase(t *testing.T) {
	base := filepath.Join("testdata", "work")
	dir, err := os.MkdirTemp(base, "x") // a base the test chose, removed: quiet
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
}

func TestWriteUnderOSTempDir(t *testing.T) {
	p := filepath.Join(os.TempDir(), "cfg.json")
	if err := os.WriteFile(filepath.Join(os.TempDir(), "cfg.json"), []byte("{}"), 0o600); err != nil { // want `test creates a file under os.TempDir\(\): build the path on t.TempDir\(\)`
		t.Fatal(err)
	}
	_ = p
}

func TestErrReused(t *testing.T) {
	dir, err := os.MkdirTemp("", "reuse") // want `os.MkdirTemp in a test`
	if err != nil {
		t.Fatal(err)
	}
	err = os.WriteFile(filepath.Join(dir, "a"), nil, 0o600)
	if err != nil {
		t.Fatal(err)
	}
}

func helperDir(tb testing.TB) string {
	dir, err := os.MkdirTemp("", "h") // want `use tb.TempDir\(\)`
	if err != nil {
		tb.Fatal(err)
	}
	return dir
}

func TestHelperUse(t *testing.T) {
	_ = Build(helperDir(t))
}

// Look-alikes.

func TestTDotTempDir(t *testing.T) {
	dir := t.TempDir()
	f, err := os.CreateTemp(dir, "x")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestCreateInTempDir(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "x")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestWriteUnderTDotTempDir(t *testing.T) {
	if err := os.WriteFile(filepath.Join(t.TempDir(), "a"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(t.TempDir(), "a", "b"), 0o755); err != nil {
		t.Fatal(err)
	}
}

func TestTempDirCompared(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x")
	if strings.HasPrefix(p, os.TempDir()) {
		t.Log("under the temp dir")
	}
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "main")
	if err != nil {
		panic(err)
	}
	os.Setenv("TESTS_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func sharedFixture() (string, func()) {
	dir, err := os.MkdirTemp("", "fixture")
	if err != nil {
		panic(err)
	}
	return dir, func() { os.RemoveAll(dir) }
}

func TestFixture(t *testing.T) {
	dir, cleanup := sharedFixture()
	defer cleanup()
	_ = Build(dir)
}

func TestCreateInParamDir(t *testing.T) {
	base := t.TempDir()
	f, err := os.CreateTemp(base, "p")
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	f.Close()
}

func TestMkdirUnderTempDir(t *testing.T) {
	root := t.TempDir()
	a, err := os.MkdirTemp(root, "a")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.MkdirTemp(t.TempDir(), "b")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = a, b
}

func ExampleMkdirTemp() {
	dir, err := os.MkdirTemp("", "example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	_ = Build(dir)
}

var (
	sharedOnce sync.Once
	sharedDir  string
)

func sharedFixtureDir(t *testing.T) string {
	sharedOnce.Do(func() {
		var err error
		sharedDir, err = os.MkdirTemp("", "shared")
		if err != nil {
			t.Fatal(err)
		}
	})
	return sharedDir
}

type suite struct{ dir string }

func (s *suite) setup(t *testing.T) {
	var err error
	s.dir, err = os.MkdirTemp("", "suite")
	if err != nil {
		t.Fatal(err)
	}
}
