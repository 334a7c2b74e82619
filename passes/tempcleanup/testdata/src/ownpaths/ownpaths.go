// Package ownpaths: ownership of a temp object leaves the function only on
// the paths through the point where it is handed over (returned, stored,
// kept by a callee); the paths that return before that still own it.
package ownpaths

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
)

var errBad = errors.New("bad")

func fill(w io.Writer) error { return nil }

func prepare(dir string) error { return nil }

// Returned on success only: the write's failure leaks the file. The
// named error result lets the fix remove it on the failing returns.
func openScratch() (_ *os.File, err error) {
	f, err := os.CreateTemp("", "scratch-*") // want `temporary file from os.CreateTemp is returned to the caller only at line 33 and leaks at the return on line 31; remove it on the other returns, e.g. in a defer guarded by the returned error`
	if err != nil {
		return nil, err
	}
	if err := fill(f); err != nil {
		return nil, err
	}
	return f, nil
}

// No named error result to guard on: the fix sets a flag where it hands
// the directory over.
func mountPoint(opts string) (string, error) {
	dir, err := os.MkdirTemp("", "mnt-") // want `temporary directory from os.MkdirTemp is returned to the caller only at line 49 and leaks at the return on line 44`
	if err != nil {
		return "", err
	}
	if opts == "" {
		return "", errBad
	}
	if err := prepare(dir); err != nil {
		return "", fmt.Errorf("prepare: %w", err)
	}
	return dir, nil
}

func writeConfig(data []byte) (name string, err error) {
	f, err := os.CreateTemp("", "cfg-*.yaml") // want `temporary file from os.CreateTemp is returned to the caller only at line 64 and leaks at the return on line 59`
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return "", err
	}
	if err := f.Sync(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// The archive builder: its name is returned, with the close's error,
// which may be non-nil: the fix guards on a flag, not on the error.
func buildArchive(files []string) (string, error) {
	f, err := os.CreateTemp("", "bundle-*.zip") // want `temporary file from os.CreateTemp is returned to the caller only at line 85 and leaks at the return on line 78`
	if err != nil {
		return "", err
	}
	zw := zip.NewWriter(f)
	for _, name := range files {
		if _, err := zw.Create(name); err != nil {
			f.Close()
			return "", err
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return "", err
	}
	return f.Name(), f.Close()
}

// Returned inside a struct built in a local variable.
type result struct {
	dir   string
	count int
}

func collect(n int) (result, error) {
	var r result
	dir, err := os.MkdirTemp("", "collect") // want `temporary directory from os.MkdirTemp is returned to the caller only at line 105 and leaks at the return on line 103`
	if err != nil {
		return result{}, err
	}
	r.dir = dir
	r.count = n
	if n < 0 {
		return result{}, errBad
	}
	return r, nil
}

// A cleanup function returned on success only: the closure built in the
// return hands the directory over there, not on the early return.
func stage(name string) (func(), error) {
	dir, err := os.MkdirTemp("", "stage") // want `temporary directory from os.MkdirTemp is returned to the caller only at line 118 and leaks at the return on line 116`
	if err != nil {
		return nil, err
	}
	if err := prepare(filepath.Join(dir, name)); err != nil {
		return nil, err
	}
	return func() { os.RemoveAll(dir) }, nil
}

// Stored in a field of a longer-lived object after a failing step: no
// fix (only returns are marked).
type server struct{ work string }

func (s *server) init() error {
	dir, err := os.MkdirTemp("", "srv") // want `temporary directory from os.MkdirTemp is handed over only on line 133 and leaks at the return on line 131, which does not pass there; remove it on the paths that return without handing it over`
	if err != nil {
		return err
	}
	if err := prepare(dir); err != nil {
		return err
	}
	s.work = dir
	return nil
}

// Look-alikes that stay quiet.

// Returned on every path, error or not: the caller owns it everywhere.
func returnedEverywhere() (*os.File, error) {
	f, err := os.CreateTemp("", "every")
	if err != nil {
		return nil, err
	}
	if err := fill(f); err != nil {
		return f, err
	}
	return f, nil
}

// A defer already cleans up when the function fails.
func cleansOnError() (_ string, err error) {
	dir, err := os.MkdirTemp("", "guarded")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
		}
	}()
	if err := prepare(dir); err != nil {
		return "", err
	}
	return dir, nil
}

func cleansOnErrorLocal() (string, error) {
	d, err := os.MkdirTemp("", "guarded")
	if err != nil {
		return "", err
	}
	if err := prepare(d); err != nil {
		os.RemoveAll(d)
		return "", err
	}
	return d, nil
}

// A success flag read by the deferred cleanup.
func successFlag() (*os.File, error) {
	f, err := os.CreateTemp("", "flag")
	if err != nil {
		return nil, err
	}
	done := false
	defer func() {
		if !done {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := fill(f); err != nil {
		return nil, err
	}
	done = true
	return f, nil
}

// The error returns come before the creation.
func errorsFirst(opts string) (string, error) {
	if opts == "" {
		return "", errBad
	}
	if err := prepare(opts); err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "late")
	if err != nil {
		return "", err
	}
	return dir, nil
}

// Handed over first, then a step that may fail: the new owner has it.
func (s *server) initStoredFirst() error {
	dir, err := os.MkdirTemp("", "srv")
	if err != nil {
		return err
	}
	s.work = dir
	if err := prepare(dir); err != nil {
		return err
	}
	return nil
}

// Storing in a value passed to a call is not a hand-over: the callee only
// reads the path. A helper that keeps the value takes it over.
type job struct {
	dir  string
	name string
}

func load(j job) error {
	_, err := os.ReadDir(j.dir)
	return err
}

var queue []job

func enqueue(j job) { queue = append(queue, j) }

func runJob(name string) error {
	dir, err := os.MkdirTemp("", "job") // want `temporary directory from os.MkdirTemp is not removed on every path \(it leaks at the return on line 250\); defer os.RemoveAll\(dir\) after the error check`
	if err != nil {
		return err
	}
	j := job{dir: dir, name: name}
	return load(j)
}

func runJobField(name string) error {
	dir, err := os.MkdirTemp("", "job") // want `temporary directory from os.MkdirTemp is not removed on every path \(it leaks at the return on line 261\)`
	if err != nil {
		return err
	}
	var j job
	j.dir = dir
	j.name = name
	return load(j)
}

func runTool(name string) error {
	f, err := os.CreateTemp("", "input") // want `temporary file from os.CreateTemp is not removed on every path \(it leaks at the return on line 270\)`
	if err != nil {
		return err
	}
	f.Close()
	return exec.Command("tool", "-in", f.Name(), name).Run()
}

func queueJob(name string) error {
	dir, err := os.MkdirTemp("", "job")
	if err != nil {
		return err
	}
	enqueue(job{dir: dir, name: name})
	return nil
}

// Errors "checked" with a call that does not stop: the path goes on.
func warn(err error) { fmt.Println("warning:", err) }

func die(err error) {
	fmt.Println("fatal:", err)
	os.Exit(1)
}

func logsAndGoesOn() {
	dir, err := os.MkdirTemp("", "logs") // want `temporary directory from os.MkdirTemp is not removed on every path \(it leaks at the end of the function on line 300\)`
	if err != nil {
		log.Fatal(err)
	}
	if err := prepare(dir); err != nil {
		log.Printf("prepare: %v", err)
	} else {
		os.RemoveAll(dir)
	}
}

func warnsAndGoesOn() {
	dir, err := os.MkdirTemp("", "warns") // want `temporary directory from os.MkdirTemp is not removed on every path \(it leaks at the end of the function on line 312\)`
	if err != nil {
		die(err)
	}
	if err := prepare(dir); err != nil {
		warn(err)
	} else {
		os.RemoveAll(dir)
	}
}

func logsAndExits() {
	dir, err := os.MkdirTemp("", "exits")
	if err != nil {
		log.Fatal(err)
	}
	if err := prepare(dir); err != nil {
		log.Fatalf("prepare: %v", err)
	} else {
		os.RemoveAll(dir)
	}
}

func diesByHelper() {
	dir, err := os.MkdirTemp("", "dies")
	if err != nil {
		die(err)
	}
	if err := prepare(dir); err != nil {
		die(err)
	} else {
		os.RemoveAll(dir)
	}
}

// A wrapper that owns the file, built in the return: a return too.
type tempFile struct{ f *os.File }

func (t *tempFile) Close() error {
	t.f.Close()
	return os.Remove(t.f.Name())
}

func newTempFile(data []byte) (_ *tempFile, err error) {
	f, err := os.CreateTemp("", "tf") // want `temporary file from os.CreateTemp is returned to the caller only at line 354 and leaks at the return on line 352`
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(data); err != nil {
		return nil, err
	}
	return &tempFile{f: f}, nil
}

// Handed over in a loop the creation is not in: whether the loop runs at
// all is not known from the graph (this table always does): quiet.
func fanOut() error {
	dir, err := os.MkdirTemp("", "fan")
	if err != nil {
		return err
	}
	for _, name := range []string{"a", "b"} {
		go func() {
			defer os.RemoveAll(dir)
			_ = prepare(filepath.Join(dir, name))
		}()
	}
	return nil
}
