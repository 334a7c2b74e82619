package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
)

// Writing fixed files.
//
// -fix plans every file of a round before it writes any: it reads each
// file, applies and formats the edits in memory, and only then writes the
// files one by one. Each file is replaced atomically: the new text goes to a
// temporary file in the same directory (on Linux an unnamed O_TMPFILE that
// gets a name only just before the rename; a janitor process removes a
// named copy that a killed tempguard leaves, see janitor.go), is synced to disk and given the
// original file's permission bits, and is renamed over the original (the
// target of a symbolic link, which stays a link). A file is therefore
// always either its old or its new text, whatever kills tempguard when.
// SIGINT and SIGTERM are honoured between files (see internal/vettool's child.go).

// isGeneratedSource reports whether src is a generated Go file
// ("// Code generated ... DO NOT EDIT." before the package clause), by
// go/ast's own test. tempguard never edits one.
func isGeneratedSource(name string, src []byte) bool {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.PackageClauseOnly|parser.ParseComments)
	if f == nil {
		return false
	}
	_ = err // a file with a broken package clause can still carry the marker
	return ast.IsGenerated(f)
}

// plannedFile is one file a round of fixes will rewrite.
type plannedFile struct {
	path     string // as the go command named it
	old, new []byte
}

// writeAtomic replaces the file at path with data, atomically, keeping its
// permission bits. A symbolic link is followed: its target is replaced.
func writeAtomic(path string, data []byte) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(real)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", path)
	}
	dir, base := filepath.Split(real)
	if dir == "" {
		dir = "."
	}
	f, name, err := openTemp(dir, base, info.Mode().Perm())
	if err != nil {
		return err
	}
	cleanup := func(err error) error {
		f.Close()
		if name != "" {
			os.Remove(name)
			releaseName(name)
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		return cleanup(err)
	}
	// Chmod after creation: the umask must not narrow the original mode.
	if err := f.Chmod(info.Mode().Perm()); err != nil {
		return cleanup(err)
	}
	if err := f.Sync(); err != nil {
		return cleanup(err)
	}
	if name == "" { // unnamed: name it now, as late as possible
		if name, err = linkTemp(f, dir, base); err != nil {
			return cleanup(err)
		}
	}
	if err := os.Rename(name, real); err != nil {
		return cleanup(err)
	}
	releaseName(name)
	if err := f.Close(); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// namedTemp creates the temporary file with a name go tools ignore (it
// starts with a dot and does not end in .go), claimed with the janitor
// before it is created.
func namedTemp(dir, base string, perm os.FileMode) (*os.File, string, error) {
	for i := 0; ; i++ {
		name, err := claimName(dir, base)
		if err != nil {
			return nil, "", err
		}
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			return f, name, nil
		}
		releaseName(name)
		if !os.IsExist(err) || i == 100 {
			return nil, "", err
		}
	}
}

// syncDir makes a rename in dir durable, where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// unchangedSince reports whether the file still holds old (nobody edited it
// while the round was planned).
func unchangedSince(path string, old []byte) bool {
	cur, err := os.ReadFile(path)
	return err == nil && bytes.Equal(cur, old)
}
