package fsabstract

import (
	"os"
	"path/filepath"

	"github.com/spf13/afero"
)

// Through afero.Fs the modes are os's: the real OsFs applies them.
func throughFs(fs afero.Fs, data []byte) error {
	if err := fs.MkdirAll(filepath.Join(os.TempDir(), "cache"), 0o755); err != nil { // want `Fs.MkdirAll creates a directory in a shared temp dir with mode 0o755, readable by other users; use 0o700`
		return err
	}
	return afero.WriteFile(fs, "/tmp/app-state.json", data, 0o644) // want `afero.WriteFile creates a file in a shared temp dir with mode 0o644, readable by other users; use 0o600`
}

// In memory, nothing reaches the disk.
func inMemory(data []byte) error {
	mem := afero.NewMemMapFs()
	if err := mem.MkdirAll("/tmp/cache", 0o755); err != nil {
		return err
	}
	return afero.WriteFile(mem, "/tmp/app-state.json", data, 0o644)
}
