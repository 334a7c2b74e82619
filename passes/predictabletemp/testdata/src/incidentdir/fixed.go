package incidentdir

import "os"

// The fixed form: the directory is the program's own (os.MkdirTemp), and
// the files are written through an *os.Root opened on it, so a symlink
// inside cannot lead out.

func exportFixed(data []byte) error {
	dir, err := os.MkdirTemp("", "vmtool-export-")
	if err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	return root.WriteFile("export.tar", data, 0o600)
}
