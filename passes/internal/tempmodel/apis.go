package tempmodel

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Func names a function or method by package path, receiver type name (""
// for package-level functions) and name, e.g. {"os", "File", "Name"}.
type Func struct {
	Pkg, Recv, Name string
}

func (f Func) String() string {
	pkg := f.Pkg
	if i := strings.LastIndex(pkg, "/"); i >= 0 && !strings.HasPrefix(pkg[i+1:], "v") {
		pkg = pkg[i+1:]
	} else if pkg == "math/rand/v2" {
		pkg = "rand"
	}
	if f.Recv != "" {
		return f.Recv + "." + f.Name
	}
	return pkg + "." + f.Name
}

// FuncOf identifies a types.Func. Methods of generic or unnamed receivers
// get their named receiver type's name; pointer receivers are looked through.
func FuncOf(fn *types.Func) Func {
	if fn == nil || fn.Pkg() == nil {
		return Func{}
	}
	f := Func{Pkg: fn.Pkg().Path(), Name: fn.Name()}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			f.Recv = n.Obj().Name()
		} else {
			f.Recv = "?"
		}
	}
	return f
}

// Callee returns the statically known function or method called by call,
// and its identity. It returns (nil, Func{}) for dynamic calls, conversions
// and builtins.
func Callee(info *types.Info, call *ast.CallExpr) (*types.Func, Func) {
	obj, _ := typeutil.Callee(info, call).(*types.Func)
	if obj == nil {
		return nil, Func{}
	}
	return obj, FuncOf(obj)
}

// Is reports whether f is pkg.name (for a function) or recv.name in pkg.
func (f Func) Is(pkg, name string) bool { return f.Pkg == pkg && f.Recv == "" && f.Name == name }

// IsMethod reports whether f is the method recv.name of package pkg.
func (f Func) IsMethod(pkg, recv, name string) bool {
	return f.Pkg == pkg && f.Recv == recv && f.Name == name
}

// Temp-object creators.
var (
	CreateTempFuncs = []Func{{"os", "", "CreateTemp"}, {"io/ioutil", "", "TempFile"}}
	MkdirTempFuncs  = []Func{{"os", "", "MkdirTemp"}, {"io/ioutil", "", "TempDir"}}
)

// IsCreateTemp reports whether f is os.CreateTemp or ioutil.TempFile.
func IsCreateTemp(f Func) bool { return f.Is("os", "CreateTemp") || f.Is("io/ioutil", "TempFile") }

// IsMkdirTemp reports whether f is os.MkdirTemp or ioutil.TempDir.
func IsMkdirTemp(f Func) bool { return f.Is("os", "MkdirTemp") || f.Is("io/ioutil", "TempDir") }

// IsTestingTempDir reports whether f is (*testing.T|B|F|common).TempDir
// or testing.TB.TempDir.
func IsTestingTempDir(f Func) bool {
	return f.Pkg == "testing" && f.Name == "TempDir" && f.Recv != ""
}

// IsRemove reports whether f is os.Remove or os.RemoveAll.
func IsRemove(f Func) bool { return f.Is("os", "Remove") || f.Is("os", "RemoveAll") }

// CreatesPath describes a call that creates (or may create) the file or
// directory named by its argument PathArg.
type CreatesPath struct {
	PathArg int  // index of the path argument that is created
	ModeArg int  // index of the permission argument, or -1
	FlagArg int  // index of the open-flag argument, or -1 (os.OpenFile)
	Dir     bool // creates a directory
}

// Creators lists the standard calls that create a file system entry by name.
var Creators = map[Func]CreatesPath{
	{"os", "", "Create"}:           {PathArg: 0, ModeArg: -1, FlagArg: -1},
	{"os", "", "OpenFile"}:         {PathArg: 0, ModeArg: 2, FlagArg: 1},
	{"os", "", "WriteFile"}:        {PathArg: 0, ModeArg: 2, FlagArg: -1},
	{"io/ioutil", "", "WriteFile"}: {PathArg: 0, ModeArg: 2, FlagArg: -1},
	{"os", "", "Mkdir"}:            {PathArg: 0, ModeArg: 1, FlagArg: -1, Dir: true},
	{"os", "", "MkdirAll"}:         {PathArg: 0, ModeArg: 1, FlagArg: -1, Dir: true},
	{"os", "", "Symlink"}:          {PathArg: 1, ModeArg: -1, FlagArg: -1},
	{"os", "", "Link"}:             {PathArg: 1, ModeArg: -1, FlagArg: -1},
}

// Open flags as the os package defines them on every platform we model
// (values from syscall on Linux; only their identity matters here, so the
// flags are recognised by name, not by value, where possible).
const (
	flagCreate = "O_CREATE"
	flagExcl   = "O_EXCL"
)

// OpenFlags evaluates the flag argument of os.OpenFile (or syscall.Open):
// whether it is known, and whether it includes O_CREATE and O_EXCL. Flags
// are followed through constants, local variables and | expressions.
func (m *Model) OpenFlags(e ast.Expr) (known, create, excl bool) {
	tv, ok := m.pass.TypesInfo.Types[e]
	if ok && tv.Value != nil {
		v, exact := constant.Int64Val(constant.ToInt(tv.Value))
		if !exact {
			return false, false, false
		}
		c, x := m.flagValues()
		if c == 0 {
			return false, false, false
		}
		return true, v&c != 0, v&x != 0
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if e.Op.String() != "|" {
			return false, false, false
		}
		k1, c1, x1 := m.OpenFlags(e.X)
		k2, c2, x2 := m.OpenFlags(e.Y)
		return k1 && k2, c1 || c2, x1 || x2
	case *ast.Ident:
		v, ok := m.pass.TypesInfo.Uses[e].(*types.Var)
		if !ok {
			return false, false, false
		}
		defs := m.defs(v)
		if defs == nil || len(defs.exprs) == 0 || defs.opaque || defs.counter {
			return false, false, false
		}
		known, create, excl = true, true, true
		anyCreate := false
		for _, d := range defs.exprs {
			if d.index >= 0 {
				return false, false, false
			}
			k, c, x := m.OpenFlags(d.x)
			if !k {
				return false, false, false
			}
			anyCreate = anyCreate || c
			create = create && c
			excl = excl && x
		}
		// A flag variable that creates on some assignment and lacks O_EXCL
		// on some other is reported as "create without excl" only if every
		// assignment creates; otherwise we cannot tell.
		return known && create == anyCreate, create, excl
	}
	return false, false, false
}

// flagValues returns the values of os.O_CREATE and os.O_EXCL as seen by the
// package's type checker (they differ between platforms).
func (m *Model) flagValues() (create, excl int64) {
	if m.oCreate != 0 {
		return m.oCreate, m.oExcl
	}
	for _, imp := range m.pass.Pkg.Imports() {
		if imp.Path() != "os" && imp.Path() != "syscall" {
			continue
		}
		if c, ok := imp.Scope().Lookup(flagCreate).(*types.Const); ok {
			m.oCreate, _ = constant.Int64Val(c.Val())
		}
		if x, ok := imp.Scope().Lookup(flagExcl).(*types.Const); ok {
			m.oExcl, _ = constant.Int64Val(x.Val())
		}
		if m.oCreate != 0 {
			break
		}
	}
	return m.oCreate, m.oExcl
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
