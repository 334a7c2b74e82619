package quiet

import (
	"io/fs"
	"os"
	. "path/filepath"
)

// Odd but valid code: nothing to report, nothing to crash on.

type writer[T ~string] struct{ path T }

func (w writer[T]) write(data []byte, mode fs.FileMode) error {
	return os.WriteFile(string(w.path), data, mode)
}

func methodValue(data []byte) error {
	wf := os.WriteFile
	return wf("/tmp/x", data, 0o644) // a dynamic call: not followed
}

func modeFromCall(data []byte) error {
	return os.WriteFile(Join(os.TempDir(), "x"), data, pick())
}

func pick() fs.FileMode { return 0o644 }

func chmodOnField(s struct{ f *os.File }) error {
	return s.f.Chmod(0o644)
}

func nilFile() error {
	var f *os.File
	return f.Chmod(0o644)
}

func genericPath[P ~string](p P, data []byte) error {
	return os.WriteFile(string(p), data, 0o644)
}
