package flagged

import "os"

// Freed names reused: a temp file is removed and its name is then created
// again by path. The name is no longer reserved: another user who saw it
// in the shared temp dir can create it, or plant a symlink there, first.

func freedThenCreate() (*os.File, error) {
	f, err := os.CreateTemp("", "upload-*")
	if err != nil {
		return nil, err
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return os.Create(name) // want `os.Create\(name\) reuses the name of a temp file removed on line 16: any local user can create it or plant a symlink there in between; create it with os.OpenFile and os.O_CREATE\|os.O_EXCL, or keep using the file os.CreateTemp made`
}

func freedThenOpenFile(data []byte) error {
	f, err := os.CreateTemp(os.TempDir(), "part-*.bin")
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Remove(f.Name()); err != nil {
		return err
	}
	out, err := os.OpenFile(f.Name(), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600) // want `os.OpenFile\(f.Name\(\)\) reuses the name of a temp file removed on line 28: .*add os.O_EXCL to the flags`
	if err != nil {
		return err
	}
	defer out.Close()
	_, err = out.Write(data)
	return err
}

// os.WriteFile follows a symlink at the name: reported, no fix.
func freedThenWriteFile(data []byte) error {
	f, err := os.CreateTemp("", "conf-*.json")
	if err != nil {
		return err
	}
	p := f.Name()
	f.Close()
	if err := os.Remove(p); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile\(p\) reuses the name of a temp file removed on line 48: .*create it with os.OpenFile and os.O_CREATE\|os.O_EXCL, or keep using the file os.CreateTemp made`
}

// A temp directory removed, then made again by name: os.MkdirAll accepts
// a directory another user made there first.
func freedDirThenMkdirAll() (string, error) {
	dir, err := os.MkdirTemp("", "build-")
	if err != nil {
		return "", err
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	return dir, os.MkdirAll(dir, 0o700) // want `os.MkdirAll\(dir\) reuses the name of a temp directory removed on line 61: any local user can create it first and own it; use the directory os.MkdirTemp made, or call os.MkdirTemp again`
}
