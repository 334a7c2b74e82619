package flagged

import (
	"os"
	"path/filepath"
)

func onlyUseOfFilepath() (*os.File, error) {
	// No fix: removing the join would leave path/filepath unused.
	return os.CreateTemp("", filepath.Join(os.TempDir(), "blob-*")) // want `pattern is a path under os.TempDir\(\)`
}
