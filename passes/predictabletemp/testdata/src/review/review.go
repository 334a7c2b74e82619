// Package review holds cases from a review on realistic code: each flagged
// case sits next to the nearest look-alike that must stay quiet.
package review

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
)

// A parameter with a default: the caller's value is unknown.
func withDefault(out string) error {
	if out == "" {
		out = defaultOut()
	}
	return os.WriteFile(out, nil, 0o600)
}

func defaultOut() string { return "/tmp/out.txt" }

// The nearest flagged case: a local with the same default.
func localDefault() error {
	out := defaultOut()
	return os.WriteFile(out, nil, 0o600) // want `predictable temp file path built from constants only`
}

func paramDir(dir string) error {
	if dir == "" {
		dir = os.TempDir()
	}
	return os.MkdirAll(filepath.Join(dir, "cache"), 0o700)
}

// A flock singleton: a constant name is a rendezvous, so no O_EXCL fix.
func lock() (*os.File, error) {
	f, err := os.OpenFile("/tmp/myservice.lock", os.O_CREATE|os.O_RDWR, 0o600) // want `without O_EXCL; an attacker's symlink redirects it: put it in a private directory`
	if err != nil {
		return nil, err
	}
	return f, syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

func appendLog() (*os.File, error) {
	return os.OpenFile(filepath.Join(os.TempDir(), "app.log"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600) // want `without O_EXCL; an attacker's symlink redirects it`
}

// os.Mkdir whose error is checked fails if the name exists (like O_EXCL).
func strictMkdir() (string, error) {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("build-%d", os.Getpid()))
	if err := os.Mkdir(dir, 0o700); err != nil {
		return "", err
	}
	return dir, nil
}

func strictMkdirReturn() error {
	return os.Mkdir(filepath.Join(os.TempDir(), "build-once"), 0o700)
}

func tolerantMkdir() (string, error) {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("build-%d", os.Getuid()))
	if err := os.Mkdir(dir, 0o700); err != nil && !os.IsExist(err) { // want `predictable temp directory path built from the user id`
		return "", err
	}
	return dir, nil
}

func tolerantMkdirErrorsIs() (string, error) {
	dir := filepath.Join(os.TempDir(), "shared-build")
	err := os.Mkdir(dir, 0o700) // want `predictable temp directory path built from constants only`
	if errors.Is(err, fs.ErrExist) {
		err = nil
	}
	return dir, err
}

func ignoredMkdir() {
	_ = os.Mkdir(filepath.Join(os.TempDir(), "ignored"), 0o700) // want `predictable temp directory path`
}

// A per-user directory whose owner is verified after creation.
func verifiedOwner() (string, error) {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("app-%d", os.Getuid()))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return "", err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || int(st.Uid) != os.Getuid() || fi.Mode().Perm() != 0o700 {
		return "", fmt.Errorf("insecure directory %s", dir)
	}
	return dir, nil
}

func unverifiedOwner() (string, error) {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("app-%d", os.Getuid()))
	if err := os.MkdirAll(dir, 0o700); err != nil { // want `predictable temp directory path built from the user id`
		return "", err
	}
	if _, err := os.Lstat(dir); err != nil {
		return "", err
	}
	return dir, nil
}

// A sticky directory is shared on purpose, like /tmp itself.
func stickyDir() error {
	return os.MkdirAll("/tmp/.X11-unix", 0o1777|os.ModeSticky)
}

func stickyRaw() error {
	return os.MkdirAll("/tmp/shared-drop", 0o1777)
}

func worldDir() error {
	return os.MkdirAll("/tmp/shared-drop2", 0o777) // want `predictable temp directory path`
}

// os.Symlink fails if the new name exists: with the error checked, it is
// as safe as O_EXCL.
func strictSymlink(target string) error {
	if err := os.Symlink(target, fmt.Sprintf("/tmp/current-%d", os.Getpid())); err != nil {
		return err
	}
	return nil
}

func ignoredSymlink(target string) {
	link := filepath.Join(os.TempDir(), "app.current")
	os.Remove(link)
	os.Symlink(target, link) // want `predictable temp path for a new link built from constants only`
}

// Branches that run only on Windows, where the temp dir is per user.
func perOS(data []byte) error {
	if runtime.GOOS == "windows" {
		return os.WriteFile(filepath.Join(os.TempDir(), "app.cfg"), data, 0o600)
	}
	switch runtime.GOOS {
	case "windows":
		os.WriteFile(filepath.Join(os.TempDir(), "app2.cfg"), data, 0o600)
	case "linux":
		os.WriteFile(filepath.Join(os.TempDir(), "app3.cfg"), data, 0o600) // want `predictable temp file path built from constants only`
	}
	if runtime.GOOS != "windows" {
		return os.WriteFile(filepath.Join(os.TempDir(), "app4.cfg"), data, 0o600) // want `predictable temp file path built from constants only`
	} else {
		return os.WriteFile(filepath.Join(os.TempDir(), "app5.cfg"), data, 0o600)
	}
}

// Entries of a verified per-user directory.
func writeState(data []byte) error {
	dir, err := verifiedOwner()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "state"), data, 0o600)
}

func writeStateDirect(data []byte) error {
	return os.WriteFile(filepath.Join(unverifiedDir(), "state"), data, 0o600) // want `predictable temp file path built from the user id`
}

func unverifiedDir() string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("app-%d", os.Getuid()))
}

// Entries of a directory made by a strict os.Mkdir are ours.
func inStrictDir(data []byte) error {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("job-%d", os.Getpid()))
	if err := os.Mkdir(dir, 0o700); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "input.json"), data, 0o600)
}

func inStrictHelperDir(data []byte) error {
	dir, err := strictMkdir()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "input.json"), data, 0o600)
}

func inTolerantDir(data []byte) error {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("job-%d", os.Getpid()))
	os.Mkdir(dir, 0o700)                                               // want `predictable temp directory path built from os.Getpid\(\)`
	return os.WriteFile(filepath.Join(dir, "input.json"), data, 0o600) // want `predictable temp file path built from os.Getpid\(\)`
}
