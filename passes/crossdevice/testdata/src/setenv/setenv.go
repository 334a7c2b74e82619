package setenv

import "os"

func init() {
	// Keep temp files on the data volume so that renames stay on one filesystem.
	os.Setenv("TMPDIR", "/var/lib/app/tmp")
}

// Q41: the program points TMPDIR at the destination's filesystem.
func Save(dst string, data []byte) error {
	f, err := os.CreateTemp("", "save")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	return os.Rename(f.Name(), dst)
}
