package tempmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

// Func names a function or method by package path, receiver type name and
// name; see [fileapi.Func].
type Func = fileapi.Func

// FuncOf identifies a types.Func; see [fileapi.FuncOf].
func FuncOf(fn *types.Func) Func { return fileapi.FuncOf(fn) }

// Callee returns the statically known function or method called by call,
// and its identity; see [fileapi.Callee].
func Callee(info *types.Info, call *ast.CallExpr) (*types.Func, Func) {
	return fileapi.Callee(info, call)
}

// IsCreateTemp reports whether f is os.CreateTemp or ioutil.TempFile.
func IsCreateTemp(f Func) bool { return fileapi.IsCreateTemp(f) }

// IsMkdirTemp reports whether f is os.MkdirTemp or ioutil.TempDir.
func IsMkdirTemp(f Func) bool { return fileapi.IsMkdirTemp(f) }

// IsTestingTempDir reports whether f is (*testing.T|B|F|common).TempDir
// or testing.TB.TempDir.
func IsTestingTempDir(f Func) bool { return fileapi.IsTestTempDir(f) }

// IsRemove reports whether f removes the object named by its path argument.
func IsRemove(f Func) bool { return fileapi.IsRemove(f) }

// CreatesPath describes a call that creates (or may create) the file or
// directory named by its argument PathArg.
type CreatesPath struct {
	PathArg int  // index of the path argument that is created
	ModeArg int  // index of the permission argument, or -1
	FlagArg int  // index of the open-flag argument, or -1 (os.OpenFile)
	Dir     bool // creates a directory
	// Link: creates a hard or symbolic link; Exclusive: fails when the
	// name exists (see fileapi.API).
	Link, Exclusive bool
	// InRoot: a method of *os.Root (PathArg is relative to the root).
	InRoot bool
	// Replace: the call renames a fresh temp file over the path
	// (renameio.WriteFile; see fileapi.API).
	Replace bool
	// UnderTempDir: PathArg is relative to os.TempDir() (afero.GetTempDir);
	// [Model.PathProv] joins them.
	UnderTempDir bool
}

// Creators is the view of the [fileapi] table that lists the calls that
// create a file, directory or link at a path the caller names: every entry
// that creates (or opens, with a flag argument that may say O_CREATE), but
// not the temp creators (random names), copies of whole trees (os.CopyFS)
// or special files (Mkfifo, Mknod). Methods of *os.Root are included with
// InRoot set: their path is relative to the root (see [Model.PathProv]).
var Creators = func() map[Func]CreatesPath {
	out := map[Func]CreatesPath{}
	for _, a := range fileapi.All() {
		if a.Path < 0 || a.Ops.Any(fileapi.OpCreateTemp|fileapi.OpMkdirTemp) || a.Recursive && !a.Dir {
			continue
		}
		if !a.Ops.Any(fileapi.OpOpen | fileapi.OpWrite | fileapi.OpMkdir | fileapi.OpLink | fileapi.OpSymlink) {
			continue
		}
		if !a.Ops.Has(fileapi.OpCreate) && !(a.Ops.Has(fileapi.OpOpen) && a.Flags >= 0) {
			continue
		}
		out[a.Func] = CreatesPath{PathArg: a.Path, ModeArg: a.Mode, FlagArg: a.Flags, Dir: a.Ops.Has(fileapi.OpMkdir),
			Link: a.Ops.Any(fileapi.OpLink | fileapi.OpSymlink), Exclusive: a.Exclusive, InRoot: a.InRoot, Replace: a.Replace,
			UnderTempDir: a.UnderTempDir}
	}
	return out
}()

// OpenFlags evaluates the flag argument of os.OpenFile (or syscall.Open):
// whether it is known, and whether it includes O_CREATE and O_EXCL. A flag
// variable assigned several values is known only if all of them create or
// none does; create and excl then hold when every value has them.
func (m *Model) OpenFlags(e ast.Expr) (known, create, excl bool) {
	must, may, ok := m.FlagSets(e, nil)
	if !ok || must.Has(fileapi.FlagCreate) != may.Has(fileapi.FlagCreate) {
		return false, false, false
	}
	return true, must.Has(fileapi.FlagCreate), must.Has(fileapi.FlagExcl)
}

// FlagsOf evaluates an open-flag expression by its constant value, through
// constants, local variables and | expressions, and returns the flags it
// has on every assignment. fn is the called function whose package defines
// the flag values (os, syscall, golang.org/x/sys/unix); nil means os.
func (m *Model) FlagsOf(e ast.Expr, fn *types.Func) (fileapi.Flags, bool) {
	must, _, ok := m.FlagSets(e, fn)
	return must, ok
}

// FlagSets evaluates an open-flag expression to the flags it has on every
// assignment (must) and on some assignment (may).
func (m *Model) FlagSets(e ast.Expr, fn *types.Func) (must, may fileapi.Flags, ok bool) {
	fv := m.flagValues(fn)
	if !fv.Known() {
		return 0, 0, false
	}
	vals, ok := m.flagInts(e, 0)
	if !ok || len(vals) == 0 {
		return 0, 0, false
	}
	must = ^fileapi.Flags(0)
	for _, v := range vals {
		f := fv.Decode(v)
		must &= f
		may |= f
	}
	return must, may, true
}

// CallFlags returns the open flags of a call of a table API that it has on
// every path: its flag argument's value, or the flags the API implies.
func (m *Model) CallFlags(call *ast.CallExpr) (fileapi.Flags, bool) {
	fn, _ := Callee(m.pass.TypesInfo, call)
	a, ok := fileapi.Lookup(fn)
	if !ok {
		return 0, false
	}
	if a.Flags < 0 {
		return a.Implied, a.Implied != 0
	}
	x := fileapi.Arg(call, a.Flags)
	if x == nil {
		return 0, false
	}
	return m.FlagsOf(x, fn)
}

// maxFlagValues bounds the values a flag expression is evaluated to.
const maxFlagValues = 16

// flagInts evaluates an integer flag expression to its possible values:
// constants, | and + of flag expressions, and variables whose every
// assignment is such an expression.
func (m *Model) flagInts(e ast.Expr, depth int) ([]int64, bool) {
	if depth > maxDepth {
		return nil, false
	}
	if tv, ok := m.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		v, exact := constant.Int64Val(constant.ToInt(tv.Value))
		return []int64{v}, exact
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if e.Op != token.OR && e.Op != token.ADD {
			return nil, false
		}
		as, ok1 := m.flagInts(e.X, depth+1)
		bs, ok2 := m.flagInts(e.Y, depth+1)
		if !ok1 || !ok2 || len(as)*len(bs) > maxFlagValues {
			return nil, false
		}
		var out []int64
		for _, a := range as {
			for _, b := range bs {
				out = append(out, a|b)
			}
		}
		return out, true
	case *ast.Ident:
		v, ok := m.pass.TypesInfo.Uses[e].(*types.Var)
		if !ok {
			return nil, false
		}
		defs := m.defs(v)
		if defs == nil || len(defs.exprs) == 0 || defs.opaque || defs.counter {
			return nil, false
		}
		var out []int64
		for _, d := range defs.exprs {
			if d.index >= 0 {
				return nil, false
			}
			xs, ok := m.flagInts(d.x, depth+1)
			if !ok || len(out)+len(xs) > maxFlagValues {
				return nil, false
			}
			out = append(out, xs...)
		}
		return out, true
	case *ast.CallExpr:
		// Conversions such as int(syscall.O_CREAT).
		if tv, ok := m.pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return m.flagInts(e.Args[0], depth+1)
		}
	}
	return nil, false
}

// flagValues returns the open-flag values of the platform the package is
// type-checked for, from fn's package or the os package.
func (m *Model) flagValues(fn *types.Func) fileapi.FlagValues {
	pkg := fileapi.FlagsPackage(fn, m.pass.Pkg.Imports())
	if pkg == nil {
		return fileapi.FlagValues{}
	}
	m.shared.mu.Lock()
	defer m.shared.mu.Unlock()
	if fv, ok := m.shared.flags[pkg]; ok {
		return fv
	}
	fv := fileapi.ValuesFrom(pkg)
	m.shared.flags[pkg] = fv
	return fv
}

// ConstInt returns the constant integer value of e, following local
// variables and package-level variables that are assigned once.
func (m *Model) ConstInt(e ast.Expr) (int64, bool) {
	if tv, ok := m.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		v, exact := constant.Int64Val(constant.ToInt(tv.Value))
		return v, exact
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := m.pass.TypesInfo.Uses[e].(*types.Var)
		if !ok {
			return 0, false
		}
		defs := m.defs(v)
		if defs == nil || defs.opaque || defs.counter || len(defs.exprs) != 1 || defs.exprs[0].index >= 0 {
			return 0, false
		}
		return m.ConstInt(defs.exprs[0].x)
	case *ast.CallExpr:
		// Conversions such as os.FileMode(0644) or fs.FileMode(mode).
		if tv, ok := m.pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return m.ConstInt(e.Args[0])
		}
	}
	return 0, false
}
