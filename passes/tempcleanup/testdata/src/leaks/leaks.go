package leaks

import (
	"errors"
	"fmt"
	"io"
	"io/ioutil"
	"os"
	"os/exec"
	"path/filepath"
)

var errBad = errors.New("bad")

func build(dir string) error { return nil }

func neverRemoved() error {
	f, err := os.CreateTemp("", "x-*.txt") // want `temporary file from os.CreateTemp is not removed on every path \(it leaks at the return on line 24\); defer os.Remove\(f.Name\(\)\) after the error check`
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteString("hello")
	return err
}

func dirNeverRemoved() error {
	dir, err := os.MkdirTemp("", "work") // want `temporary directory from os.MkdirTemp is not removed on every path \(it leaks at the return on line 32\); defer os.RemoveAll\(dir\) after the error check`
	if err != nil {
		return fmt.Errorf("mkdir: %w", err)
	}
	return build(dir)
}

func removedOnlyOnSuccess(data []byte) error {
	f, err := os.CreateTemp("", "data") // want `leaks at the return on line 42`
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

func dirRemovedOnSuccess() error {
	dir, err := ioutil.TempDir("", "x") // want `temporary directory from ioutil.TempDir is not removed`
	if err != nil {
		return err
	}
	if err := build(dir); err != nil {
		return err
	}
	return os.RemoveAll(dir)
}

func deferTooLate(src io.Reader) error {
	f, err := os.CreateTemp("", "copy") // want `leaks at the return on line 66`
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, src); err != nil {
		return err
	}
	defer os.Remove(f.Name())
	return f.Close()
}

func varForm() error {
	var dir, err = os.MkdirTemp("", "v") // want `temporary directory from os.MkdirTemp is not removed`
	if err != nil {
		return err
	}
	return build(dir)
}

func errEqNil() {
	dir, err := os.MkdirTemp("", "eq") // want `leaks at the end of the function on line 85`
	if err == nil {
		_ = build(dir)
	}
}

func blankErrDir() {
	dir, _ := os.MkdirTemp("", "blank") // want `temporary directory`
	_ = build(dir)
}

func blankErrFile() {
	f, _ := os.CreateTemp("", "blank") // want `temporary file`
	f.Close()
}

func voidFunc() {
	f, err := os.CreateTemp("", "void") // want `temporary file`
	if err != nil {
		return
	}
	fmt.Fprintln(f, "x")
	f.Close()
}

var handler = func() error {
	dir, err := os.MkdirTemp("", "lit") // want `temporary directory`
	if err != nil {
		return err
	}
	return build(dir)
}

func atomicWrite(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*") // want `leaks at the return on line 129`
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	return nil
}

func removeFile(f *os.File) {
	f.Close()
	os.Remove(f.Name())
}

func helperOnlyOnError(fail bool) error {
	f, err := os.CreateTemp("", "h") // want `leaks at the return on line 148`
	if err != nil {
		return err
	}
	if fail {
		removeFile(f)
		return errBad
	}
	return f.Close()
}

func genericLeak[T any](v T) error {
	dir, err := os.MkdirTemp("", "gen") // want `temporary directory`
	if err != nil {
		return err
	}
	_, _ = build(dir), v
	return nil
}

type Runner struct{ name string }

func (r *Runner) Run() error {
	dir, err := os.MkdirTemp("", r.name) // want `temporary directory`
	if err != nil {
		return err
	}
	return build(filepath.Join(dir, "out"))
}

func inSwitch(mode int) error {
	switch mode {
	case 1:
		dir, err := os.MkdirTemp("", "case") // want `temporary directory`
		if err != nil {
			return err
		}
		return build(dir)
	}
	return nil
}

func runTool() error {
	f, err := os.CreateTemp("", "out-*.json") // want `temporary file`
	if err != nil {
		return err
	}
	f.Close()
	cmd := exec.Command("tool", "-o", f.Name())
	return cmd.Run()
}

func inLoop(n int) error {
	for i := 0; i < n; i++ {
		f, err := os.CreateTemp("", "loop") // want `temporary file`
		if err != nil {
			return err
		}
		f.Close()
	}
	return nil
}

func wrongFileRemoved() error {
	a, err := os.CreateTemp("", "a") // want `leaks at the return on line 210`
	if err != nil {
		return err
	}
	b, err := os.CreateTemp("", "b")
	if err != nil {
		return err
	}
	defer func() { os.Remove(b.Name()) }()
	a.Close()
	return b.Close()
}

func exitAndReturn(fatal bool) {
	dir, err := os.MkdirTemp("", "exit") // want `leaks at the end of the function`
	if err != nil {
		os.Exit(1)
	}
	if fatal {
		os.Exit(2)
	}
	_ = build(dir)
}

func removesChildOnly() error {
	dir, err := os.MkdirTemp("", "child") // want `temporary directory`
	if err != nil {
		return err
	}
	p := filepath.Join(dir, "f")
	defer os.Remove(p)
	return os.WriteFile(p, nil, 0o600)
}

func assignForm() (err error) {
	var f *os.File
	f, err = os.CreateTemp("", "assign") // want `temporary file`
	if err != nil {
		return err
	}
	_, err = f.WriteString("x")
	f.Close()
	return err
}

func writeAll(w io.Writer, s string) error {
	_, err := io.WriteString(w, s)
	return err
}

func helperWrites() error {
	f, err := os.CreateTemp("", "w") // want `temporary file`
	if err != nil {
		return err
	}
	defer f.Close()
	return writeAll(f, "x")
}

type job struct{ dir string }

func localStruct() error {
	dir, err := os.MkdirTemp("", "job") // want `temporary directory`
	if err != nil {
		return err
	}
	j := job{dir: dir}
	fmt.Println(j.dir)
	return nil
}

func ifInit() {
	if f, err := os.CreateTemp("", "init"); err != nil { // want `temporary file`
		return
	} else {
		f.Close()
	}
}

func paramDir(base string) error {
	f, err := os.CreateTemp(base, "p") // want `temporary file`
	if err != nil {
		return err
	}
	return f.Close()
}

func renameLaterEarlyLeak(dst string) error {
	f, err := os.CreateTemp(filepath.Dir(dst), "r") // want `leaks at the return on line 297`
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), dst)
}

func aliasName(keep bool) error {
	f, err := os.CreateTemp("", "alias") // want `temporary file`
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	if keep {
		return nil
	}
	return os.Remove(name)
}

func panicsOnError() string {
	dir, err := os.MkdirTemp("", "panic") // want `temporary directory`
	if err != nil {
		panic(err)
	}
	_ = build(dir)
	return "done"
}

func removedIfNoError() error {
	f, err := os.CreateTemp("", "ok") // want `temporary file from os.CreateTemp is not removed on every path`
	if err != nil {
		return err
	}
	err = build(f.Name())
	if err == nil {
		os.Remove(f.Name())
	}
	return err
}

func collectedButNotRemoved(n int) ([]int, error) {
	var names []string
	var sizes []int
	dir, err := os.MkdirTemp("", "col") // want `temporary directory from os.MkdirTemp`
	if err != nil {
		return nil, err
	}
	names = append(names, dir)
	for _, name := range names {
		sizes = append(sizes, len(name))
	}
	return sizes, nil
}

func closeDeferredFirst() (err error) {
	var f *os.File
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	f, err = os.CreateTemp("", "first") // want `temporary file from os.CreateTemp is not removed`
	if err != nil {
		return err
	}
	_, err = f.WriteString("x")
	return err
}

func removedOnlyInErrorCase(r io.Reader) error {
	f, err := os.CreateTemp("", "sw") // want `temporary file from os.CreateTemp is not removed`
	if err != nil {
		return err
	}
	_, err = io.Copy(f, r)
	switch {
	case err != nil:
		f.Close()
		os.Remove(f.Name())
	default:
		f.Close()
	}
	return err
}

func werrChainLeak(path string, content []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp*") // want `temporary file from os.CreateTemp is not removed`
	if err != nil {
		return err
	}
	_, werr := tmp.Write(content)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		return werr
	}
	return nil
}

// Only something computed from the path is printed, not the path
// itself: the user is not told where the dir is. A leak.
func loggedOnly() error {
	dir, err := os.MkdirTemp("", "work-") // want `temporary directory from os.MkdirTemp is not removed`
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "work dir name has %d bytes\n", len(dir))
	return build(dir)
}

// "Written to" but removed on success only: the error path leaks.
func shownAndRemovedOnSuccess() error {
	dir, err := os.MkdirTemp("", "out-") // want `leaks at the return on line`
	if err != nil {
		return err
	}
	fmt.Printf("output written to %s\n", dir)
	if err := build(dir); err != nil {
		return err
	}
	return os.RemoveAll(dir)
}

// Formatted but never printed: the user is not told. A leak.
func formattedOnly() error {
	a, err := os.MkdirTemp("", "a") // want `temporary directory from os.MkdirTemp is not removed`
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("kept in %s", a)
	_ = msg
	return build(a)
}
