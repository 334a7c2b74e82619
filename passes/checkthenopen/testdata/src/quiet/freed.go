package quiet

import "os"

// Look-alikes of freed names reused.

// The name is created again exclusively: O_EXCL fails if it was taken.
func freedExclusive() (*os.File, error) {
	f, err := os.CreateTemp("", "upload-*")
	if err != nil {
		return nil, err
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
}

// A new temp file instead of the old name.
func freshTemp() (*os.File, error) {
	f, err := os.CreateTemp("", "upload-*")
	if err != nil {
		return nil, err
	}
	f.Close()
	os.Remove(f.Name())
	return os.CreateTemp("", "upload-*")
}

// The temp file lives in a private directory: nobody else can take the
// name.
func freedInPrivateDir() (*os.File, error) {
	dir, err := os.MkdirTemp("", "job-")
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "part-*")
	if err != nil {
		return nil, err
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return os.Create(name)
}

// Removed only on the error path; the name is reused on the other.
func removedOnError(data []byte) (*os.File, error) {
	f, err := os.CreateTemp("", "part-*")
	if err != nil {
		return nil, err
	}
	name := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(name)
		return nil, err
	}
	f.Close()
	return os.Create(name)
}

// Reused before it is removed: the file still holds the name.
func reusedBeforeRemove() error {
	f, err := os.CreateTemp("", "part-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	g, err := os.Create(name)
	if err != nil {
		return err
	}
	g.Close()
	return os.Remove(name)
}

// The variable names another file by the time of the create.
func reassignedName(other string) (*os.File, error) {
	f, err := os.CreateTemp("", "part-*")
	if err != nil {
		return nil, err
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	name = other
	return os.Create(name)
}

// Calls that fail when the name exists, and a rename that replaces it
// without following a symlink.
func freedExclusiveCalls(src string) error {
	f, err := os.CreateTemp("", "part-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	if err := os.Mkdir(name, 0o700); err != nil {
		return err
	}
	os.Remove(name)
	if err := os.Symlink(src, name); err != nil {
		return err
	}
	os.Remove(name)
	return os.Rename(src, name)
}

// A temp directory under a private parent, removed and made again.
func freedPrivateDir() (string, error) {
	parent, err := os.MkdirTemp("", "job-")
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp(parent, "out-")
	if err != nil {
		return "", err
	}
	os.RemoveAll(dir)
	return dir, os.MkdirAll(dir, 0o700)
}

// Another temp file is removed.
func removedOther() (*os.File, error) {
	a, err := os.CreateTemp("", "a-*")
	if err != nil {
		return nil, err
	}
	b, err := os.CreateTemp("", "b-*")
	if err != nil {
		return nil, err
	}
	a.Close()
	b.Close()
	os.Remove(b.Name())
	return os.Create(a.Name())
}
