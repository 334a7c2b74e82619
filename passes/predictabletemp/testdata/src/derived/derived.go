package derived

import (
	"fmt"
	"os"
	"path/filepath"
)

// A file inside a predictable directory is predictable: whoever creates
// /tmp/app first owns it, whatever the file's own name or flags.
func inSharedAppDir() error {
	if err := os.MkdirAll("/tmp/app", 0o700); err != nil { // want `predictable temp directory path built from constants only`
		return err
	}
	lock, err := os.OpenFile("/tmp/app/lock", os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600) // want `created inside a predictable temp directory built from constants only; whoever creates that directory first owns it and can replace or read what is put in it: use a directory from os.MkdirTemp\("", "app-\*"\)`
	if err != nil {
		return err
	}
	lock.Close()
	f, err := os.CreateTemp("/tmp/app", "part-*") // want `created inside a predictable temp directory built from constants only`
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	work := filepath.Join(os.TempDir(), fmt.Sprintf("build-%d", os.Getuid()))
	if err := os.Mkdir(filepath.Join(work, "out"), 0o700); err != nil { // want `created inside a predictable temp directory built from the user id`
		return err
	}
	return os.Symlink("/etc/app.conf", "/var/tmp/app/current") // want `created inside a predictable temp directory built from constants only`
}

// Look-alikes that stay quiet.
func privateDirs() error {
	dir, err := os.MkdirTemp("", "app-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	lock, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600) // in a private dir
	if err != nil {
		return err
	}
	lock.Close()

	// A shared directory made with os.Mkdir, whose failure on an existing
	// name is an error: this process made it, so it is its own.
	shared := "/tmp/app-shared"
	if err := os.Mkdir(shared, 0o700); err != nil {
		return err
	}
	excl, err := os.OpenFile(filepath.Join(shared, "lock"), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	excl.Close()

	// O_EXCL directly in the shared temp dir: a lock file.
	top, err := os.OpenFile("/tmp/app.lock", os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	top.Close()
	f, err := os.CreateTemp("", "part-*") // the shared temp dir itself
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := os.Mkdir("/tmp/app-strict", 0o700); err != nil { // fails when the name exists
		return err
	}
	return nil
}
