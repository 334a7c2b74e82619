package win

import "os"

// Built for every OS: flagged even in a Windows build.
func everywhere() {
	os.WriteFile("/tmp/everywhere.txt", nil, 0o600) // want `predictable temp file path`
}
