// Package helpers is imported by crosspkg: its facts keep callers quiet.
package helpers

import "os"

func RemoveDir(dir string) error { return os.RemoveAll(dir) } // want RemoveDir:"removes param 0"

func Discard(f *os.File) { // want Discard:"removes param 0"
	f.Close()
	os.Remove(f.Name())
}

var kept []string

func Keep(dir string) { kept = append(kept, dir) } // want Keep:"keeps param 0"

type Registry struct{ dirs []string }

func (r *Registry) Track(dir string) { r.dirs = append(r.dirs, dir) } // want Track:"keeps param 0"

func Use(dir string) error {
	_, err := os.Stat(dir)
	return err
}

func Cleanup(paths ...string) { // want Cleanup:"removes param 0"
	for _, p := range paths {
		os.RemoveAll(p)
	}
}

type store struct{ dirs []string }

func NewStore() *store { return &store{} }

func (s *store) Hold(dir string) { s.dirs = append(s.dirs, dir) } // want Hold:"keeps param 0"
