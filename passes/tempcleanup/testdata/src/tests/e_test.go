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

// Only names say these are for sockets (the pattern, a string): nothing
// the program does shows a unix socket, so the test rule applies.
func newTempSocket(t *testing.T) (string, func()) {
	dir, err := os.MkdirTemp("", "socket") // want `os.MkdirTemp in a test: use t.TempDir\(\)`
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "sock"), func() { os.RemoveAll(dir) }
}

func TestControlPath(t *testing.T) {
	dir, err := os.MkdirTemp("", "ctl") // want `os.MkdirTemp in a test: use t.TempDir\(\)`
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

// The same socket test with neutral names: the "unix" network is what
// counts. Removed: quiet.
func TestListenA(t *testing.T) {
	a, err := os.MkdirTemp("", "a")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(a)
	l, err := net.Listen("unix", filepath.Join(a, "b"))
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
}

// A unix socket address, and a dialer with the "unixgram" network.
func TestUnixAddr(t *testing.T) {
	a, err := os.MkdirTemp("", "a")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(a)
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: filepath.Join(a, "b")})
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
}

const network = "unixgram"

func TestDialerUnixgram(t *testing.T) {
	a, err := os.MkdirTemp("", "a")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(a)
	var d net.Dialer
	c, err := d.Dial(network, filepath.Join(a, "b"))
	if err == nil {
		c.Close()
	}
}

// A TCP listener says nothing about path length: the test rule applies.
func TestListenTCP(t *testing.T) {
	sock, err := os.MkdirTemp("", "sock") // want `os.MkdirTemp in a test: use t.TempDir\(\)`
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(sock)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	_ = "unix socket in " + sock
}

// A test about $TMP: it sets the variable by its constant name.
func TestHonoursTMP(t *testing.T) {
	const key = "TMP"
	t.Setenv(key, "/var/tmp")
	a, err := os.MkdirTemp("", "a")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(a)
}

// The variable's name only in a message: the test rule applies.
func TestTMPDIRInMessage(t *testing.T) {
	a, err := os.MkdirTemp("", "a") // want `os.MkdirTemp in a test: use t.TempDir\(\)`
	if err != nil {
		t.Fatalf("TMPDIR: %v", err)
	}
	defer os.RemoveAll(a)
	_ = filepath.Join(a, "x")
}
