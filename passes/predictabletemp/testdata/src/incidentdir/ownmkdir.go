package incidentdir

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// The GHSA-73hr-m85f-64v9 fixed form at a predictable name: the program
// makes the directory itself with os.Mkdir, whose checked error means it
// did not exist (an existing directory or symlink fails the call), so on
// success the directory is the program's own; everything inside is then
// reached through an *os.Root opened on it. Quiet: nobody else can have
// created the names inside.
func exportOwnRoot(data []byte) error {
	dir := filepath.Join(os.TempDir(), "vmtool-out-"+strconv.Itoa(os.Getpid()))
	if err := os.Mkdir(dir, 0o700); err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	f, err := root.Create("export.tar")
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
	g, err := root.OpenFile("export.sum", os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	defer g.Close()
	sub, err := root.OpenRoot("parts")
	if err != nil {
		return err
	}
	defer sub.Close()
	if err := sub.WriteFile("part-"+strconv.Itoa(os.Getpid()), data, 0o600); err != nil {
		return err
	}
	return root.WriteFile("export.meta", nil, 0o600)
}

// The same with a constant directory name.
func exportOwnRootFixed() error {
	if err := os.Mkdir("/tmp/vmtool-out", 0o700); err != nil {
		return err
	}
	root, err := os.OpenRoot("/tmp/vmtool-out")
	if err != nil {
		return err
	}
	defer root.Close()
	f, err := root.Create("export.tar")
	if err != nil {
		return err
	}
	return f.Close()
}

// Vulnerable look-alikes: the existing directory is accepted (MkdirAll, or
// Mkdir with EEXIST excused, or its error dropped), so another user's
// directory or symlink at the name may be the one written into; a root
// opened on it stops symlinks inside from escaping, not the owner of the
// directory from reading or replacing what is put in it.
func exportRootMkdirAll() error {
	dir := filepath.Join(os.TempDir(), "vmtool-root-all")
	if err := os.MkdirAll(dir, 0o700); err != nil { // want `predictable temp directory path built from constants only`
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	f, err := root.Create("export-" + strconv.Itoa(os.Getpid())) // want `predictable name built from os.Getpid\(\) in an os.Root opened on a shared temp dir`
	if err != nil {
		return err
	}
	return f.Close()
}

func exportRootExistOK() error {
	dir := filepath.Join(os.TempDir(), "vmtool-root-exist")
	if err := os.Mkdir(dir, 0o700); err != nil && !os.IsExist(err) { // want `predictable temp directory path built from constants only`
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	f, err := root.Create("export-" + strconv.Itoa(os.Getpid())) // want `predictable name built from os.Getpid\(\) in an os.Root opened on a shared temp dir`
	if err != nil {
		return err
	}
	return f.Close()
}

func exportCreateInside() error {
	dir := filepath.Join(os.TempDir(), "vmtool-inside")
	os.Mkdir(dir, 0o700)                                  // want `predictable temp directory path built from constants only`
	f, err := os.Create(filepath.Join(dir, "export.tar")) // want `predictable temp file path built from constants only`
	if err != nil {
		return err
	}
	return f.Close()
}

// The root opened on the directory before the Mkdir that would own it
// does not count (the order the program runs in matters): flagged.
func exportRootBeforeMkdir() error {
	root, err := os.OpenRoot("/tmp/vmtool-late")
	if err != nil {
		return err
	}
	defer root.Close()
	f, err := root.Create("export.tar") // want `predictable name built from constants only in an os.Root opened on a shared temp dir`
	if err != nil {
		return err
	}
	f.Close()
	return os.Mkdir("/tmp/vmtool-late", 0o700)
}

// EEXIST excused through the sentinel (errors.Is with fs.ErrExist, or a
// comparison with os.ErrExist): the existing directory is accepted.
func exportRootSentinelExist() error {
	dir := filepath.Join(os.TempDir(), "vmtool-root-sentinel")
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) { // want `predictable temp directory path built from constants only`
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	f, err := root.Create("export.tar") // want `predictable name built from constants only in an os.Root opened on a shared temp dir`
	if err != nil {
		return err
	}
	return f.Close()
}

func exportRootCompareExist() error {
	dir := "/tmp/vmtool-root-compare"
	if err := os.Mkdir(dir, 0o700); err != nil && err != os.ErrExist { // want `predictable temp directory path built from constants only`
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	f, err := root.Create("export.tar") // want `predictable name built from constants only in an os.Root opened on a shared temp dir`
	if err != nil {
		return err
	}
	return f.Close()
}

// Its look-alike: the function tests only for a missing entry (a
// not-exist sentinel does not excuse an existing directory), so the strict
// Mkdir still owns the directory: quiet.
func exportRootNotExistOnly() error {
	dir := "/tmp/vmtool-root-notexist"
	if err := os.Mkdir(dir, 0o700); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return errors.New("no temp dir")
		}
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	f, err := root.Create("export.tar")
	if err != nil {
		return err
	}
	return f.Close()
}
