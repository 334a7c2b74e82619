package quiet

import "os"

// Linux-only code: /tmp is the platform's temp dir.
func linuxScratch() (string, error) {
	return os.MkdirTemp("/tmp", "scratch-")
}
