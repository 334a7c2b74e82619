package flagged

import (
	"os"
	"testing"
)

// 68. In a test, a path in the shared /tmp is still raced by other users.
func TestSharedMarker(t *testing.T) {
	p := "/tmp/flagged-test.marker"
	if _, err := os.Stat(p); os.IsNotExist(err) {
		os.WriteFile(p, nil, 0o644) // want `os.WriteFile\(p\) after os.Stat found it missing is racy: p is in the shared temp dir /tmp`
	}
}
