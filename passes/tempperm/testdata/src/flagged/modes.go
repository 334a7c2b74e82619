package flagged

import (
	"os"
	"path/filepath"
)

// The mode comes from the callers: every call site passes 0o644.
func writeWithMode(name string, data []byte, perm os.FileMode) error {
	return os.WriteFile(filepath.Join(os.TempDir(), name), data, perm) // want `os.WriteFile creates a file in a shared temp dir with mode 0644 \(every caller passes it\), readable by other users; use 0o600`
}

func saveIndex(data []byte) error { return writeWithMode("index.json", data, 0o644) }

func saveBlob(data []byte) error { return writeWithMode("blob.bin", data, 0o644) }

const sharedDirPerm = 0o755

// Through a named constant at every call site, and a local variable.
func makeDir(name string, perm os.FileMode) error {
	mode := perm
	return os.Mkdir(filepath.Join(os.TempDir(), name), mode) // want `os.Mkdir creates a directory in a shared temp dir with mode 0755 \(every caller passes it\), readable by other users; use 0o700`
}

func makeDirs() error {
	if err := makeDir("a", sharedDirPerm); err != nil {
		return err
	}
	return makeDir("b", sharedDirPerm)
}

// An *os.Root on the shared temp dir: OpenFile with O_CREATE.
func rootOpenFile() error {
	r, err := os.OpenRoot(os.TempDir())
	if err != nil {
		return err
	}
	defer r.Close()
	f, err := r.OpenFile("app.state", os.O_RDWR|os.O_CREATE, 0o640) // want `Root.OpenFile creates a file in a shared temp dir with mode 0o640, readable by other users; use 0o600`
	if err != nil {
		return err
	}
	return f.Close()
}
