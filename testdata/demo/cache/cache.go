// Package cache keeps small blobs on disk between runs.
package cache

import (
	"os"
	"path/filepath"
)

// Put stores data under key in the shared cache directory.
func Put(key string, data []byte) error {
	dir := filepath.Join(os.TempDir(), "demo-cache")
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		if err := os.MkdirAll(dir, 0o777); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, key), data, 0o644)
}
