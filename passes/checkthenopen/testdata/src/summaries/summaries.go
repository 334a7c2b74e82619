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

func FileExists(name string) bool { // want FileExists:`exists\(param 0\), missing or failed$`
	_, err := os.Stat(name)
	return err == nil
}

// The same wrapper under a name that says nothing.
func Q(a string) bool { // want Q:`exists\(param 0\), missing or failed$`
	_, e := os.Stat(a)
	return e == nil
}

func PathExists(p string) (bool, error) { // want PathExists:`exists\(param 0\)$`
	_, err := os.Stat(p)
	if err == nil {
		return true, nil
	}
	if os.IsNotExist(err) {
		return false, nil
	}
	return false, err
}

func NotExists(p string) bool { // want NotExists:`missing\(param 0\), present or failed$`
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

func EnsureAbsent(p string) error { // want EnsureAbsent:`missing\(param 0\) as nil error$`
	if _, err := os.Stat(p); err == nil {
		return fmt.Errorf("%s already exists", p)
	} else if !os.IsNotExist(err) {
		return err
	}
	return nil
}

func MustExist(p string) error { // want MustExist:`exists\(param 0\) as nil error, missing or failed$`
	if _, err := os.Stat(p); err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	return nil
}

func IsDirectory(p string) bool { // want IsDirectory:`exists\(param 0\) or type, missing or failed$`
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func Writable(p string) bool { // want Writable:`access\(param 0\)$`
	return unix.Access(p, unix.W_OK) == nil
}

// Look-alikes without an Exists summary.

// A name that promises an existence check, a body that reads.
func Exists(p string) bool {
	data, err := os.ReadFile(p)
	return err == nil && len(data) > 0
}

// A Size, not an existence.
func Size(name string) int64 {
	fi, err := os.Stat(name)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// True for missing paths too: neither kind of check.
func WritableOrMissing(p string) bool {
	err := unix.Access(p, unix.W_OK)
	return err == nil || os.IsNotExist(err)
}

// Returns the error of a creation, not of a check.
func EnsureDir(p string) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.MkdirAll(p, 0o755)
}

// Checks a path that is not its parameter.
func ConfigExists(string) bool {
	_, err := os.Stat("/etc/app.conf")
	return err == nil
}

// The same wrapper, not exported: no fact (other packages cannot call it;
// this package's passes compute its Summary when they ask for it).
func fileExistsHere(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
