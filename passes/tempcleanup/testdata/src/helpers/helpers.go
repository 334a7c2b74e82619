// Package helpers is imported by crosspkg: its facts keep callers quiet.
package helpers

import "os"

func RemoveDir(dir string) error { return os.RemoveAll(dir) }

func Discard(f *os.File) {
	f.Close()
	os.Remove(f.Name())
}

var kept []string

func Keep(dir string) { kept = append(kept, dir) }

type Registry struct{ dirs []string }

func (r *Registry) Track(dir string) { r.dirs = append(r.dirs, dir) }

func Use(dir string) error {
	_, err := os.Stat(dir)
	return err
}

func Cleanup(paths ...string) {
	for _, p := range paths {
		os.RemoveAll(p)
	}
}

type store struct{ dirs []string }

func NewStore() *store { return &store{} }

func (s *store) Hold(dir string) { s.dirs = append(s.dirs, dir) }

// CloseFile only closes its argument: callers still have to remove it.
func CloseFile(f *os.File) error { return f.Close() }
