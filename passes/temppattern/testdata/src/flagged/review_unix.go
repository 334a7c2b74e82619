//go:build unix

package flagged

import "os"

// Unix builds include Apple systems, where the per-user temp dir is elsewhere.
func unixScratch() (string, error) {
	return os.MkdirTemp("/tmp", "scratch-") // want `os.MkdirTemp dir "/tmp" ignores \$TMPDIR`
}
