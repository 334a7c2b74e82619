package flagged

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Atomic write that renames before the deferred close has run.
func atomicWrite(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // want `os.Rename of f's file while f is still open: Windows cannot rename an open file; close f first`
}

// The name travels through a variable; two results.
func publish(dir string, body []byte) (string, error) {
	tmp, err := os.CreateTemp(dir, "pub-*")
	if err != nil {
		return "", err
	}
	name := tmp.Name()
	if _, err := tmp.Write(body); err != nil {
		return "", err
	}
	final := filepath.Join(dir, "published")
	if err := os.Rename(name, final); err != nil { // want `os.Rename of tmp's file while tmp is still open`
		return "", err
	}
	return final, nil
}

// Cleanup on an error path that forgets to close first.
func writeOrCleanup(data []byte) (string, error) {
	f, err := os.CreateTemp("", "blob-*")
	if err != nil {
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		os.Remove(f.Name()) // want `os.Remove of f's file while f is still open: Windows cannot remove an open file`
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// RemoveAll of the directory that holds the open file.
func scratch() error {
	dir, err := os.MkdirTemp("", "work")
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "part-*")
	if err != nil {
		return err
	}
	fmt.Fprintln(f, "data")
	return os.RemoveAll(dir) // want `os.RemoveAll of the directory holding f while f is still open`
}

// os.Create of a path, renamed by the same path; Sync is not a close.
func saveConfig(path string, cfg []byte) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(cfg); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	return os.Rename(tmp, path) // want `os.Rename of f's file while f is still open`
}

// A test that handles errors with t.Fatal.
func TestRemoveWhileOpen(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "x")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("hello")
	if err := os.Remove(f.Name()); err != nil { // want `os.Remove of f's file while f is still open`
		t.Fatal(err)
	}
}

// Closed on one branch only.
func branchClose(verbose bool, dst string) error {
	f, err := os.CreateTemp("", "b-*")
	if err != nil {
		return err
	}
	f.WriteString("x")
	if verbose {
		f.Close()
	}
	return os.Rename(f.Name(), dst) // want `os.Rename of f's file while f is still open`
}

type job struct{ tmp, dst string }

// The name travels through a struct field of a local.
func fieldName(dst string) error {
	f, err := os.CreateTemp("", "j")
	if err != nil {
		return err
	}
	j := job{tmp: f.Name(), dst: dst}
	f.WriteString("x")
	return os.Rename(j.tmp, j.dst) // want `os.Rename of f's file while f is still open`
}

// The same joined path, built twice.
func joined(dir string) error {
	out, err := os.Create(filepath.Join(dir, "out.txt"))
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%d\n", 42)
	return os.Remove(filepath.Join(dir, "out.txt")) // want `os.Remove of out's file while out is still open`
}

// Renaming another file onto the open one.
func replaceOpen(src string) (int, error) {
	f, err := os.OpenFile("state.json", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	if err := os.Rename(src, "state.json"); err != nil { // want `os.Rename of f's file while f is still open`
		return 0, err
	}
	return 1, nil
}

type result struct{ n int }

// Zero values of several result types.
func zeros(dst string) (result, []byte, bool, error) {
	f, err := os.CreateTemp("", "z")
	if err != nil {
		return result{}, nil, false, err
	}
	f.WriteString("z")
	err = os.Rename(f.Name(), dst) // want `os.Rename of f's file while f is still open`
	if err != nil {
		return result{}, nil, false, err
	}
	return result{1}, nil, true, nil
}

// No error result: a plain close.
func noErrResult(dst string) {
	f, err := os.CreateTemp("", "n")
	if err != nil {
		return
	}
	f.WriteString("n")
	if err := os.Rename(f.Name(), dst); err != nil { // want `os.Rename of f's file while f is still open`
		fmt.Println(err)
	}
}

// Used after the rename: no fix (closing would break the write).
func usedAfter(dst string) error {
	f, err := os.CreateTemp("", "u")
	if err != nil {
		return err
	}
	defer f.Close()
	if err := os.Rename(f.Name(), dst); err != nil { // want `os.Rename of f's file while f is still open`
		return err
	}
	_, err = f.WriteString("after")
	return err
}

// On an error path the inserted close keeps the error being returned.
func errorPath(data []byte, dst string) error {
	f, err := os.CreateTemp("", "ep")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		if rerr := os.Remove(f.Name()); rerr != nil { // want `os.Remove of f's file while f is still open`
			fmt.Println(rerr)
		}
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst)
}

// A range variable names one file per iteration.
func perIteration(paths []string) error {
	for _, p := range paths {
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		if _, err := f.WriteString(p); err != nil {
			os.Remove(p) // want `os.Remove of f's file while f is still open`
			return err
		}
		f.Close()
	}
	return nil
}
