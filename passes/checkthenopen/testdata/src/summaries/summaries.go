package summaries // want package:`tempguard-facts`

// Package summaries pins the existence-check wrappers that the shared
// layer records in Summary.Exists (tempmodel.Analyzer's fact) for
// checkthenopen: recognised by their types and control flow, whatever
// their names.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

func fileExists(name string) bool { // want fileExists:`exists\(param 0\), missing or failed$`
	_, err := os.Stat(name)
	return err == nil
}

// The same wrapper under a name that says nothing.
func q(a string) bool { // want q:`exists\(param 0\), missing or failed$`
	_, e := os.Stat(a)
	return e == nil
}

func pathExists(p string) (bool, error) { // want pathExists:`exists\(param 0\)$`
	_, err := os.Stat(p)
	if err == nil {
		return true, nil
	}
	if os.IsNotExist(err) {
		return false, nil
	}
	return false, err
}

func notExists(p string) bool { // want notExists:`missing\(param 0\), present or failed$`
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		return true
	}
	return false
}

type fsUtil struct{}

func (fsUtil) exists(p string) bool { // want exists:`exists\(param 0\), missing or failed$`
	_, err := os.Lstat(p)
	return err == nil
}

func ensureAbsent(p string) error { // want ensureAbsent:`missing\(param 0\) as nil error$`
	if _, err := os.Stat(p); err == nil {
		return fmt.Errorf("%s already exists", p)
	} else if !os.IsNotExist(err) {
		return err
	}
	return nil
}

func mustExist(p string) error { // want mustExist:`exists\(param 0\) as nil error, missing or failed$`
	if _, err := os.Stat(p); err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	return nil
}

func isDirectory(p string) bool { // want isDirectory:`exists\(param 0\) or type, missing or failed$`
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func writable(p string) bool { // want writable:`access\(param 0\)$`
	return unix.Access(p, unix.W_OK) == nil
}

// Look-alikes without an Exists summary.

// A name that promises an existence check, a body that reads.
func exists(p string) bool {
	data, err := os.ReadFile(p)
	return err == nil && len(data) > 0
}

// A size, not an existence.
func size(name string) int64 {
	fi, err := os.Stat(name)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// True for missing paths too: neither kind of check.
func writableOrMissing(p string) bool {
	err := unix.Access(p, unix.W_OK)
	return err == nil || os.IsNotExist(err)
}

// Returns the error of a creation, not of a check.
func ensureDir(p string) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.MkdirAll(p, 0o755)
}

// Checks a path that is not its parameter.
func configExists(string) bool {
	_, err := os.Stat("/etc/app.conf")
	return err == nil
}
