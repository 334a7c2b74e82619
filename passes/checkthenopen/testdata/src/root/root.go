// Package root pins the rule for *os.Root: a name checked with Root.Stat
// or Root.Lstat and then created or removed through the same root still
// races with another process working in that directory (O_EXCL-style
// creation is what closes it), but symlinks cannot lead out of the root,
// so symlink, type and permission checks followed by an open or a chmod
// are not reported there.
package root

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// 1. Refuse to overwrite, then Create in the root: another process can
// create the name in between and the create truncates its file.
func createNew(r *os.Root, name string) error {
	if _, err := r.Stat(name); err == nil {
		return errors.New("exists")
	}
	f, err := r.Create(name) // want `Root.Create\(name\) after Root.Stat found it missing, or failed, is racy: another process can create it in between; create it with Root.OpenFile and os.O_CREATE\|os.O_EXCL instead`
	if err != nil {
		return err
	}
	return f.Close()
}

// 2. The whole if becomes an exclusive create.
func createIfMissing(dir, name string) error {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer r.Close()
	if _, err := r.Stat(name); os.IsNotExist(err) {
		f, err := r.Create(name) // want `Root.Create\(name\) after Root.Stat found it missing is racy`
		if err != nil {
			return err
		}
		return f.Close()
	}
	return nil
}

// 3. Root.OpenFile with O_CREATE: O_EXCL is added.
func openCreate(r *os.Root, name string) (*os.File, error) {
	if _, err := r.Lstat(name); !errors.Is(err, fs.ErrNotExist) {
		return nil, errors.New("exists")
	}
	return r.OpenFile(name, os.O_WRONLY|os.O_CREATE, 0o600) // want `Root.OpenFile\(name\) after Root.Lstat found it missing is racy: .*add os.O_EXCL to the flags`
}

// 4. Root.WriteFile: no exclusive form, no fix.
func writeOnce(r *os.Root, name string, data []byte) error {
	if _, err := r.Stat(name); os.IsNotExist(err) {
		return r.WriteFile(name, data, 0o600) // want `Root.WriteFile\(name\) after Root.Stat found it missing is racy`
	}
	return nil
}

// 5. Root.MkdirAll after a check: the check is redundant and goes.
func ensureDir(r *os.Root, dir string) {
	if _, err := r.Stat(dir); os.IsNotExist(err) {
		r.MkdirAll(dir, 0o755) // want `Root.MkdirAll\(dir\) after Root.Stat found it missing is a redundant, racy check: Root.MkdirAll already succeeds`
	}
}

// 6. Remove only if present, in the root.
func removeIfExists(r *os.Root, name string) {
	if _, err := r.Stat(name); err == nil {
		r.Remove(name) // want `Root.Remove\(name\) after Root.Stat found it present is racy.*call Root.Remove alone`
	}
}

// 7. A root held in a struct field, Mkdir after a check (its error
// checked: fs.ErrExist stays a success).
type store struct{ root *os.Root }

func (s *store) bucket(name string) error {
	if _, err := s.root.Stat(name); os.IsNotExist(err) {
		if err := s.root.Mkdir(name, 0o700); err != nil { // want `Root.Mkdir\(name\) after Root.Stat found it missing is racy`
			return err
		}
	}
	return nil
}

// Look-alikes that stay quiet.

// 8. A symlink check, then an open in the root: the link cannot lead out
// of the root.
func openNoLink(r *os.Root, name string) (*os.File, error) {
	fi, err := r.Lstat(name)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return nil, errors.New("symlink")
	}
	return r.Open(name)
}

// 9. A file-type check, then Chmod in the root.
func chmodRegular(r *os.Root, name string) error {
	fi, err := r.Stat(name)
	if err != nil {
		return err
	}
	if fi.Mode().IsRegular() {
		return r.Chmod(name, 0o600)
	}
	return nil
}

// 10. Already exclusive.
func exclusive(r *os.Root, name string) (*os.File, error) {
	if _, err := r.Stat(name); err == nil {
		return nil, errors.New("exists")
	}
	return r.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
}

// 11. A check in the root, a create by path: the name means something
// else outside the root.
func rootThenPath(r *os.Root, name string) error {
	if _, err := r.Stat(name); os.IsNotExist(err) {
		return os.WriteFile(name, nil, 0o600)
	}
	return nil
}

// 12. A check by path, a create in a root: likewise.
func pathThenRoot(r *os.Root, dir, name string) error {
	if _, err := os.Stat(filepath.Join(dir, name)); os.IsNotExist(err) {
		return r.WriteFile(name, nil, 0o600)
	}
	return nil
}

// 13. Two different roots.
func otherRoot(src, dst *os.Root, name string) error {
	if _, err := src.Stat(name); os.IsNotExist(err) {
		return dst.WriteFile(name, nil, 0o600)
	}
	return nil
}

// 14. The root variable changes between check and use.
func rootReassigned(r *os.Root, next *os.Root, name string) error {
	if _, err := r.Stat(name); os.IsNotExist(err) {
		r = next
		return r.WriteFile(name, nil, 0o600)
	}
	return nil
}

// 15. Stat then ReadFile in the root, for a nicer error.
func readConfig(r *os.Root, name string) ([]byte, error) {
	if _, err := r.Stat(name); os.IsNotExist(err) {
		return nil, errors.New("run init first")
	}
	return r.ReadFile(name)
}
