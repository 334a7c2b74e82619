package overlap

import (
	"os"
	"path/filepath"
)

// Each line is a finding of more than one analyzer.
func overlap(data []byte) error {
	p := filepath.Join(os.TempDir(), "app.state")
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return os.WriteFile(p, data, 0o600) // predictabletemp, checkthenopen
	}
	if err := os.MkdirAll("/tmp/shared-cache", 0o777); err != nil { // predictabletemp, tempperm
		return err
	}
	return os.WriteFile("/tmp/app.json", data, 0o644) // predictabletemp, tempperm
}
