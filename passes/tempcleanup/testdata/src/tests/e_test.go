package tests

import (
	"net"
	"os"
	"path/filepath"
	"testing"
)

// A unix socket needs a short path; t.TempDir() names contain the test
// name. Removed: quiet.
func TestListenUnix(t *testing.T) {
	dir, err := os.MkdirTemp("", "sock")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ln, err := net.Listen("unix", filepath.Join(dir, "s"))
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
}

// The helper's pattern says what the dir is for.
func newTempSocket(t *testing.T) (string, func()) {
	dir, err := os.MkdirTemp("", "socket")
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "sock"), func() { os.RemoveAll(dir) }
}

// A control socket path handed to a command.
func TestControlPath(t *testing.T) {
	dir, err := os.MkdirTemp("", "ctl")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	_ = "ControlPath=" + filepath.Join(dir, "control.sock")
}

// For a socket but never removed: the leak check still applies.
func TestListenUnixLeak(t *testing.T) {
	dir, err := os.MkdirTemp("", "s") // want `temporary directory from os.MkdirTemp is not removed on every path`
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("unix", filepath.Join(dir, "s"))
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
}

// A base the test chose (/tmp for a short path, a dir in the module),
// removed: quiet.
func TestShortTmp(t *testing.T) {
	dir, err := os.MkdirTemp("/tmp", "x")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
}

// A base the test chose, never removed: a leak.
func TestChosenBaseLeak(t *testing.T) {
	dir, err := os.MkdirTemp("testdata", "work") // want `temporary directory from os.MkdirTemp is not removed on every path`
	if err != nil {
		t.Fatal(err)
	}
	_ = Build(dir)
}

// A file in the shared temp dir for a socket name.
func TestSocketFile(t *testing.T) {
	f, err := os.CreateTemp("", "x")
	if err != nil {
		t.Fatal(err)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	ln, err := net.Listen("unix", name)
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
}

// A helper's dir parameter: usually the caller's t.TempDir(). Quiet.
func writeInput(t *testing.T, dir, content string) {
	f, err := os.CreateTemp(dir, "in-*.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(content); err != nil {
		t.Fatal(err)
	}
}

func TestWriteInput(t *testing.T) { writeInput(t, t.TempDir(), "x") }

// In the package directory and never removed: the file stays in the
// source tree.
func TestInCWD(t *testing.T) {
	f, err := os.CreateTemp(".", "x") // want `temporary file from os.CreateTemp is not removed on every path`
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
}

// The test is about files in os.TempDir(): t.TempDir() would change what
// it tests. Removed: quiet.
func TestFindsStaleTempFiles(t *testing.T) {
	f, err := os.CreateTemp("", "app-stale-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	f.Close()
	matches, _ := filepath.Glob(filepath.Join(os.TempDir(), "app-stale-*"))
	_ = matches
}

func TestHonoursTMPDIR(t *testing.T) {
	t.Setenv("TMPDIR", "/var/tmp")
	dir, err := os.MkdirTemp("", "x")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
}

// os.TempDir() only in a message: still the shared temp dir by habit.
func TestTempDirInMessage(t *testing.T) {
	dir, err := os.MkdirTemp(os.TempDir(), "go") // want `os.MkdirTemp in a test: use t.TempDir\(\)`
	if err != nil {
		t.Errorf("Unable to create a temporary directory in %s", os.TempDir())
	}
	defer os.RemoveAll(dir)
}
