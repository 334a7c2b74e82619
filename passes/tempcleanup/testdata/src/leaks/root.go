package leaks

import "os"

// A temp dir opened as an *os.Root is still a temp dir: closing the root
// does not remove it.
func rootLeak() error {
	dir, err := os.MkdirTemp("", "root") // want `temporary directory from os.MkdirTemp is not removed on every path`
	if err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	return root.WriteFile("data", []byte("x"), 0o600)
}

// The look-alike: the dir is removed after the root is closed.
func rootRemoved() error {
	dir, err := os.MkdirTemp("", "root")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	return root.WriteFile("data", []byte("x"), 0o600)
}

// Removing a name inside the root is not removing the dir.
func rootRemovesEntry() error {
	dir, err := os.MkdirTemp("", "root") // want `temporary directory from os.MkdirTemp is not removed on every path`
	if err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	if err := root.WriteFile("data", []byte("x"), 0o600); err != nil {
		return err
	}
	return root.Remove("data")
}
