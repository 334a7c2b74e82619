package winquiet

import (
	"os"
	"path/filepath"
)

// Windows has no group/other bits, and its temp dir is per user.
func writeOnWindows(data []byte) error {
	return os.WriteFile(filepath.Join(os.TempDir(), "app.json"), data, 0o644)
}
