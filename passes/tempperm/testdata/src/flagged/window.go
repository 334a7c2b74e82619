package flagged

import (
	"os"
	"path/filepath"
)

// Create-then-restrict windows: between the create and the Chmod the file
// has the permissive mode, and another user can open it and keep the
// handle.

func createThenRestrict(data []byte) error {
	p := filepath.Join(os.TempDir(), "session.key")
	f, err := os.Create(p) // want `os.Create creates a file in a shared temp dir with mode 0666 \(less the umask\), open to other users until the File.Chmod to 0o600 on line 19; create it with mode 0o600`
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Chmod(0o600); err != nil {
		return err
	}
	_, err = f.Write(data)
	return err
}

func createThenChmodPath() error {
	p := "/tmp/agent.token"
	f, err := os.Create(p) // want `os.Create creates a file in a shared temp dir with mode 0666 \(less the umask\), open to other users until the os.Chmod to 0o600 on line 33; create it with mode 0o600`
	if err != nil {
		return err
	}
	f.Close()
	return os.Chmod(p, 0o600)
}

// The mode of os.WriteFile applies only when it creates the file, and
// os.Create made it first.
func createThenWriteFile(data []byte) error {
	p := filepath.Join(os.TempDir(), "creds.json")
	f, err := os.Create(p) // want `os.Create creates a file in a shared temp dir with mode 0666 \(less the umask\), open to other users; the mode 0o600 of the os.WriteFile on line 45 does not apply to an existing file; create it with mode 0o600`
	if err != nil {
		return err
	}
	f.Close()
	return os.WriteFile(p, data, 0o600)
}

// A script: the final mode keeps the owner's execute bit.
func createScript(script []byte) error {
	p := filepath.Join(os.TempDir(), "hook.sh")
	f, err := os.Create(p) // want `os.Create creates a file .* until the File.Chmod to 0o700 on line 56; create it with mode 0o700`
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Chmod(0o700); err != nil {
		return err
	}
	_, err = f.Write(script)
	return err
}

// A permissive mode given explicitly, then restricted: the mode itself is
// reported (and fixed) where the file is created.
func writeThenRestrict(data []byte) error {
	p := filepath.Join(os.TempDir(), "token.txt")
	if err := os.WriteFile(p, data, 0o644); err != nil { // want `os.WriteFile creates a file in a shared temp dir with mode 0o644, readable by other users; use 0o600`
		return err
	}
	return os.Chmod(p, 0o600)
}

func openThenRestrict() (*os.File, error) {
	f, err := os.OpenFile("/tmp/spool.db", os.O_RDWR|os.O_CREATE, 0o666) // want `os.OpenFile creates a file in a shared temp dir with mode 0o666, readable and writable by other users; use 0o600`
	if err != nil {
		return nil, err
	}
	return f, f.Chmod(0o600)
}

// A Chmod that opens a private os.MkdirTemp directory to other users: the
// entries made private by being in it become readable.
func openPrivateDir() (string, error) {
	dir, err := os.MkdirTemp("", "render-")
	if err != nil {
		return "", err
	}
	return dir, os.Chmod(dir, 0o755) // want `os.Chmod sets mode 0o755 on a private directory made by os.MkdirTemp in a shared temp dir, readable by other users; use 0o700`
}
