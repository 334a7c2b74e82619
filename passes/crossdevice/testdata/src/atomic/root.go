package atomic

import (
	"os"
	"path/filepath"
)

// R1: *os.Root renames stay inside the root: the temp file and its
// destination are in one directory tree, never across file systems
// through the temp dir.
func WriteInRoot(dst string, data []byte) error {
	root, err := os.OpenRoot(filepath.Dir(dst))
	if err != nil {
		return err
	}
	defer root.Close()
	tmp := "." + filepath.Base(dst) + ".tmp"
	if err := root.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return root.Rename(tmp, filepath.Base(dst))
}

// R2: a root opened on the temp dir: both names are in the temp dir.
func RotateInTempRoot(data []byte) error {
	root, err := os.OpenRoot(os.TempDir())
	if err != nil {
		return err
	}
	defer root.Close()
	if err := root.WriteFile("state.json.new", data, 0o600); err != nil {
		return err
	}
	return root.Rename("state.json.new", "state.json")
}

// R3: a temp file made in the temp dir, moved into place by a rename
// relative to a root opened on the temp dir: still one directory.
func PromoteInTempRoot(data []byte) error {
	f, err := os.CreateTemp("", "promote-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	root, err := os.OpenRoot(os.TempDir())
	if err != nil {
		return err
	}
	defer root.Close()
	return root.Rename(filepath.Base(f.Name()), "promoted")
}
