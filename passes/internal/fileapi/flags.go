package fileapi

import (
	"go/constant"
	"go/types"
	"strings"
)

// Flags is a typed set of open flags, decoded from the constant value of an
// open-flag argument. It never depends on how the code spells the flags.
type Flags uint16

const (
	FlagRead     Flags = 1 << iota // opened for reading (O_RDONLY or O_RDWR)
	FlagWrite                      // opened for writing (O_WRONLY or O_RDWR)
	FlagCreate                     // O_CREATE
	FlagExcl                       // O_EXCL
	FlagTrunc                      // O_TRUNC
	FlagAppend                     // O_APPEND
	FlagNoFollow                   // O_NOFOLLOW
	FlagSync                       // O_SYNC
)

// Has reports whether f includes every flag of x.
func (f Flags) Has(x Flags) bool { return f&x == x }

func (f Flags) String() string {
	var parts []string
	for i, n := range []string{"read", "write", "create", "excl", "trunc", "append", "nofollow", "sync"} {
		if f&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, "|")
}

// FlagValues are the numeric values of the open flags for the platform a
// package is type-checked for.
type FlagValues struct {
	rdwr, wronly, create, excl, trunc, append, nofollow, sync int64
	ok                                                        bool
}

// ValuesFrom reads the flag values from a package that defines them: os
// (O_CREATE, ...), syscall or golang.org/x/sys/unix (O_CREAT, ...). It reads
// the constants the package declares, so values always match the GOOS the
// code is type-checked for.
func ValuesFrom(pkg *types.Package) FlagValues {
	if pkg == nil {
		return FlagValues{}
	}
	// os declares the portable flags; the others (O_NOFOLLOW) come from
	// the syscall package it imports.
	scopes := []*types.Scope{pkg.Scope()}
	for _, imp := range pkg.Imports() {
		if imp.Path() == "syscall" {
			scopes = append(scopes, imp.Scope())
		}
	}
	look := func(names ...string) (int64, bool) {
		for _, sc := range scopes {
			for _, n := range names {
				if c, ok := sc.Lookup(n).(*types.Const); ok {
					if v, exact := constant.Int64Val(constant.ToInt(c.Val())); exact {
						return v, true
					}
				}
			}
		}
		return 0, false
	}
	var fv FlagValues
	var okC, okX bool
	fv.create, okC = look("O_CREATE", "O_CREAT")
	fv.excl, okX = look("O_EXCL")
	fv.rdwr, _ = look("O_RDWR")
	fv.wronly, _ = look("O_WRONLY")
	fv.trunc, _ = look("O_TRUNC")
	fv.append, _ = look("O_APPEND")
	fv.nofollow, _ = look("O_NOFOLLOW")
	fv.sync, _ = look("O_SYNC")
	fv.ok = okC && okX && fv.create != 0 && fv.excl != 0
	return fv
}

// Known reports whether the values were found.
func (fv FlagValues) Known() bool { return fv.ok }

// Decode turns a flag value into a typed set.
func (fv FlagValues) Decode(v int64) Flags {
	var f Flags
	has := func(bit int64) bool { return bit != 0 && v&bit == bit }
	switch {
	case has(fv.rdwr):
		f |= FlagRead | FlagWrite
	case has(fv.wronly):
		f |= FlagWrite
	default:
		f |= FlagRead
	}
	if has(fv.create) {
		f |= FlagCreate
	}
	if has(fv.excl) {
		f |= FlagExcl
	}
	if has(fv.trunc) {
		f |= FlagTrunc
	}
	if has(fv.append) {
		f |= FlagAppend
	}
	if has(fv.nofollow) {
		f |= FlagNoFollow
	}
	if has(fv.sync) {
		f |= FlagSync
	}
	return f
}

// Encode returns the value of the flags in f that have a value on this
// platform (for fixes that must write a flag back as a number; fixes
// normally write the os constants by name).
func (fv FlagValues) Encode(f Flags) int64 {
	var v int64
	if f.Has(FlagWrite) && f.Has(FlagRead) {
		v |= fv.rdwr
	} else if f.Has(FlagWrite) {
		v |= fv.wronly
	}
	for _, p := range []struct {
		f Flags
		v int64
	}{{FlagCreate, fv.create}, {FlagExcl, fv.excl}, {FlagTrunc, fv.trunc}, {FlagAppend, fv.append}, {FlagNoFollow, fv.nofollow}, {FlagSync, fv.sync}} {
		if f.Has(p.f) {
			v |= p.v
		}
	}
	return v
}

// FlagsPackage returns the package whose constants give the flag values of
// a call to fn: the callee's own package (os, syscall, golang.org/x/sys/unix)
// when it declares them, else the os package among imports.
func FlagsPackage(fn *types.Func, imports []*types.Package) *types.Package {
	if fn != nil && fn.Pkg() != nil {
		if _, ok := fn.Pkg().Scope().Lookup("O_EXCL").(*types.Const); ok {
			return fn.Pkg()
		}
	}
	for _, p := range imports {
		if p.Path() == "os" || p.Path() == "syscall" {
			return p
		}
	}
	return nil
}
