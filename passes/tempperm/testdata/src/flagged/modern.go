package flagged

import (
	"io/fs"
	"net"
	"os"
	"path/filepath"
)

const configPerm = 0o644

var sharedPerm os.FileMode = 0o666

func tempPath(name string) string {
	return filepath.Join(os.TempDir(), name)
}

func viaHelper(data []byte) error {
	return os.WriteFile(tempPath("state.bin"), data, 0o644) // want `mode 0o644, readable by other users; use 0o600`
}

func viaConst(data []byte) error {
	return os.WriteFile(tempPath("config.yaml"), data, configPerm) // want `mode 0644, readable by other users; use 0o600`
}

func viaPackageVar(data []byte) error {
	return os.WriteFile("/tmp/shared.dat", data, sharedPerm) // want `mode 0666, readable and writable by other users; use 0o600`
}

func viaModePerm() error {
	return os.MkdirAll("/tmp/workspace/cache", os.ModePerm) // want `os.MkdirAll creates a directory .* mode 0777, readable and writable by other users; use 0o700`
}

func viaFsConversion(data []byte) error {
	return os.WriteFile("/tmp/x.out", data, fs.FileMode(0o640)) // want `mode 0o640, readable by other users; use 0o600`
}

func viaLocalVar(data []byte) error {
	perm := os.FileMode(0o644)
	path := filepath.Join(os.TempDir(), "out.txt")
	return os.WriteFile(path, data, perm) // want `mode 0644, readable by other users; use 0o600`
}

func viaFlagsVar() (*os.File, error) {
	flags := os.O_CREATE | os.O_TRUNC | os.O_WRONLY
	return os.OpenFile(tempPath("trace.out"), flags, 0o666) // want `os.OpenFile creates a file .* use 0o600`
}

func createThenChmod() (*os.File, error) {
	f, err := os.CreateTemp("", "plugin-*.so")
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0o755); err != nil { // want `File.Chmod sets mode 0o755 .* use 0o700`
		f.Close()
		return nil, err
	}
	return f, nil
}

func chmodCreated() error {
	p := "/tmp/socket-dir"
	if err := os.Mkdir(p, 0o700); err != nil {
		return err
	}
	return os.Chmod(p, 0o777) // want `os.Chmod sets mode 0o777 on a path in a shared temp dir, readable and writable by other users; use 0o700`
}

func sprintfPath(pid int, data []byte) error {
	return os.WriteFile(filepath.Join("/tmp", "app", "pid"), data, 0o664) // want `use 0o600`
}

func mkdirTempDirInShared() error {
	// A subdirectory of the shared dir, not of a private one.
	return os.Mkdir(filepath.Join(os.TempDir(), "uploads"), 0o750) // want `os.Mkdir creates a directory .* use 0o700`
}

var spoolRoot = filepath.Join(os.TempDir(), "spool")

func initSpool() error { return os.MkdirAll(spoolRoot, 0o755) } // want `os.MkdirAll creates a directory .* use 0o700`

func saveSpool(key string, data []byte) error {
	// The parent is made with 0o755: other users can read the entries.
	return os.WriteFile(filepath.Join(spoolRoot, key), data, 0o644) // want `os.WriteFile creates a file .* use 0o600`
}

// The nearest flagged case of a listening socket: a chmod with no listener.
func chmodSocketFile() error {
	return os.Chmod("/tmp/agent.sock", 0o666) // want `os.Chmod sets mode 0o666 on a path in a shared temp dir, readable and writable by other users; use 0o600`
}

// A TCP listener shares nothing through the file system.
func tcpServerWritesFile() error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ln.Close()
	return os.WriteFile(filepath.Join(os.TempDir(), "served.txt"), nil, 0o644) // want `os.WriteFile creates a file in a shared temp dir with mode 0o644, readable by other users; use 0o600`
}

// The directory comes from the callers, which all pass os.TempDir().
func writeGenerated(dir string, src []byte) error {
	return os.WriteFile(filepath.Join(dir, "gen.go"), src, 0o644) // want `os.WriteFile creates a file in a shared temp dir with mode 0o644`
}

func generate(src []byte) error {
	if err := writeGenerated(os.TempDir(), src); err != nil {
		return err
	}
	return writeGenerated(os.TempDir(), src)
}
