// Package severity has one finding of each category (the comment at the
// end of a flagged line names the category the test expects).
package severity

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

func predictable() error {
	f, err := os.Create(filepath.Join(os.TempDir(), fmt.Sprintf("report-%d.csv", os.Getpid()))) // category:predictable-path
	if err != nil {
		return err
	}
	return f.Close()
}

func raceShared() error {
	p := "/tmp/app.lock"
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return os.WriteFile(p, nil, 0o600) // category:race-shared-dir category:predictable-path
	}
	return nil
}

func raceSymlink(p string) ([]byte, error) {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return nil, fmt.Errorf("%s is a symlink", p)
	}
	return os.ReadFile(p) // category:race-security-check
}

func raceInput() error {
	p := os.Args[1]
	if _, err := os.Stat(p); os.IsNotExist(err) {
		f, err := os.Create(p) // category:race-user-input
		if err != nil {
			return err
		}
		return f.Close()
	}
	return nil
}

func race(p string) error {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		f, err := os.Create(p) // category:race
		if err != nil {
			return err
		}
		return f.Close()
	}
	return nil
}

func redundant() error {
	dir, err := os.UserCacheDir()
	if err != nil {
		return err
	}
	dir = filepath.Join(dir, "app")
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return os.MkdirAll(dir, 0o700) // category:redundant-check
	}
	return nil
}

func leak() (string, error) {
	f, err := os.CreateTemp("", "x-*") // category:leak
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := f.WriteString("x"); err != nil {
		return "", err
	}
	return "done", nil
}

func reopen(data []byte) error {
	f, err := os.CreateTemp("", "x-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // category:open-reuse (never closed on the write's error path)
	w := bufio.NewWriter(f)
	if _, err := w.Write(data); err != nil {
		return err
	}
	_, err = os.ReadFile(f.Name()) // category:open-reuse
	f.Close()
	return err
}

func perms() error {
	if err := os.WriteFile("/tmp/w.txt", nil, 0o666); err != nil { // category:perm-writable category:predictable-path
		return err
	}
	return os.Chmod("/tmp/r.txt", 0o644) // category:perm-readable
}

func Publish(dst string) error {
	f, err := os.CreateTemp("", "x-*")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), dst) // category:cross-device
}

func patterns() {
	if f, err := os.CreateTemp("", "cache/x-*"); err == nil { // category:pattern-separator
		f.Close()
		os.Remove(f.Name())
	}
	if f, err := os.CreateTemp("/tmp", "x-*"); err == nil { // category:pattern-hard-tmp
		f.Close()
		os.Remove(f.Name())
	}
	if f, err := os.CreateTemp("", "report.pdf"); err == nil { // category:pattern-extension
		f.Close()
		os.Remove(f.Name())
	}
}

//tempguard:ignore predictabletmp category:suppression
func suppressed() {}

//tempguard:ignore tempperm nothing to suppress here category:suppression-unused
func unused() {}

func cleanEverything() error {
	return os.RemoveAll(os.TempDir()) // category:remove-shared-dir
}
