// Package routes: predictable temp paths that reach the creating call by
// routes beyond a local variable (a field set in a constructor, a package
// variable set under sync.Once, a closure's argument, sync.OnceValue, a
// helper's second result, a multi-value call as the whole argument list,
// callers' arguments into a method), each beside its nearest look-alike
// that stays quiet.
package routes

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// A field set in the constructor, read in a method.
type spool struct{ dir string }

func newSpool() *spool { return &spool{dir: filepath.Join(os.TempDir(), "spool")} }

func (s *spool) prepare() error {
	return os.MkdirAll(s.dir, 0o755) // want `predictable temp directory path built from constants only`
}

// Look-alike: another store to the field is a private directory.
type privSpool struct{ dir string }

func newPrivSpool() *privSpool { return &privSpool{dir: filepath.Join(os.TempDir(), "spool2")} }

func (s *privSpool) reset() error {
	d, err := os.MkdirTemp("", "spool-")
	s.dir = d
	return err
}

func (s *privSpool) prepare() error {
	return os.MkdirAll(s.dir, 0o755)
}

// A package variable set under sync.Once, read through a helper.
var (
	stateOnce sync.Once
	stateDir  string
)

func state() string {
	stateOnce.Do(func() { stateDir = filepath.Join(os.TempDir(), "app-state") })
	return stateDir
}

func saveState(b []byte) error {
	return os.WriteFile(filepath.Join(state(), "state.json"), b, 0o600) // want `predictable temp file path built from constants only`
}

// Look-alike: a flag's default is only a default; its value is the user's.
var cacheDir = flag.String("cache_dir", os.TempDir(), "where to cache")

func saveCache(b []byte) error {
	return os.WriteFile(filepath.Join(*cacheDir, "cache.bin"), b, 0o600)
}

// A goroutine's argument from a sync.OnceValue.
var runDir = sync.OnceValue(func() string { return filepath.Join(os.TempDir(), "app-run") })

func startWorkers() {
	go func(dir string) {
		os.MkdirAll(dir, 0o700) // want `predictable temp directory path built from constants only`
	}(runDir())
}

// Look-alikes: a sync.OnceValues of os.MkdirTemp is private; the entries a
// walk finds have names the program does not choose.
var privRun = sync.OnceValues(func() (string, error) { return os.MkdirTemp("", "app-run-") })

func startQuiet() error {
	dir, err := privRun()
	if err != nil {
		return err
	}
	go func(d string) {
		os.WriteFile(filepath.Join(d, "pid"), nil, 0o600)
	}(dir)
	return filepath.WalkDir(os.TempDir(), func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			return os.WriteFile(filepath.Join(p, ".seen"), nil, 0o600)
		}
		return err
	})
}

// A helper's second result.
func logPaths() (string, string) {
	return "/var/log/app/app.log", filepath.Join(os.TempDir(), "app.log")
}

func openLogs() {
	_, fallback := logPaths()
	os.WriteFile(fallback, nil, 0o600) // want `predictable temp file path built from constants only`
	primary, _ := logPaths()
	os.WriteFile(primary, nil, 0o600) // look-alike: the first result is not in a temp dir
}

// A multi-value call as the whole argument list.
func cacheDirAndMode() (string, os.FileMode) {
	return filepath.Join(os.TempDir(), "app-cache"), 0o755
}

func privDirAndMode() (string, os.FileMode) {
	d, _ := os.MkdirTemp("", "app-cache-")
	return filepath.Join(d, "sub"), 0o700
}

func makeCaches() {
	os.MkdirAll(cacheDirAndMode()) // want `predictable temp directory path built from constants only`
	os.MkdirAll(privDirAndMode())  // look-alike: under a private directory
}

// Callers' arguments into an unexported method.
type journal struct{}

func (j *journal) create(tag string) (*os.File, error) {
	return os.Create(filepath.Join(os.TempDir(), "journal."+tag)) // want `predictable temp file path built from constants only`
}

func (j *journal) rotate() {
	j.create("INFO")
	j.create("ERROR")
}

// Look-alike: a method of an interface of the package: its callers through
// the interface are not seen.
type creator interface {
	createVia(tag string) (*os.File, error)
}

func (j *journal) createVia(tag string) (*os.File, error) {
	return os.Create(filepath.Join(os.TempDir(), "journal2."+tag))
}

func (j *journal) rotateVia(c creator) {
	j.createVia("INFO")
	c.createVia("ERROR")
}
