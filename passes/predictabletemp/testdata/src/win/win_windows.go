package win

import (
	"os"
	"path/filepath"
)

// On Windows os.TempDir() is per user: quiet.
func windowsOnly() {
	os.Create(filepath.Join(os.TempDir(), "app.log"))
}
