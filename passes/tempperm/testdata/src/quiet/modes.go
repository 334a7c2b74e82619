package quiet

import (
	"os"
	"path/filepath"
)

// One caller passes a private mode: the mode is not known.
func writeWithMode(name string, data []byte, perm os.FileMode) error {
	return os.WriteFile(filepath.Join(os.TempDir(), name), data, perm)
}

func saveIndex(data []byte) error { return writeWithMode("index.json", data, 0o644) }

func saveKey(data []byte) error { return writeWithMode("key.pem", data, 0o600) }

// The callers disagree on the permissive mode: not one known value.
func makeDir(name string, perm os.FileMode) error {
	return os.Mkdir(filepath.Join(os.TempDir(), name), perm)
}

func makeDirs() error {
	if err := makeDir("a", 0o755); err != nil {
		return err
	}
	return makeDir("b", 0o750)
}

// Used as a value: other callers are unknown.
func writeVia(name string, data []byte, perm os.FileMode) error {
	return os.WriteFile(filepath.Join(os.TempDir(), name), data, perm)
}

var saveFunc = writeVia

func saveVia(data []byte) error { return writeVia("x.json", data, 0o644) }

// Exported: other packages may pass any mode.
func WriteMode(name string, data []byte, perm os.FileMode) error {
	return os.WriteFile(filepath.Join(os.TempDir(), name), data, perm)
}

func saveExported(data []byte) error { return WriteMode("y.json", data, 0o644) }

// The parameter is reassigned.
func writeClamped(name string, data []byte, perm os.FileMode) error {
	if perm&0o077 != 0 {
		perm = 0o600
	}
	return os.WriteFile(filepath.Join(os.TempDir(), name), data, perm)
}

func saveClamped(data []byte) error { return writeClamped("z.json", data, 0o644) }
