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

// A temp file renamed while still open, and never removed when the
// rename fails.
func publish(data []byte) error {
	f, err := os.CreateTemp("", "out-*.json") // tempcleanup
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	return os.Rename(f.Name(), "/srv/data/out.json") // tempreopen, crossdevice
}
