package winquiet

import "os"

// Built on every platform: reported even when analyzed for Windows.
func writeEverywhere(data []byte) error {
	return os.WriteFile("/tmp/everywhere.json", data, 0o644) // want `os.WriteFile creates a file .* use 0o600`
}
