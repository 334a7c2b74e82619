package checkthenopen

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// Exact API keys (package path, receiver type, name) that this pass
// recognises beyond the file API itself. Nothing here matches a substring
// of a path or a name: a package that merely looks like one of these is
// not one of them.

// requestSources are the calls whose result is user input from an HTTP
// request (the message says so).
var requestSources = map[tempmodel.Func]bool{
	{Pkg: "net/http", Recv: "Request", Name: "FormValue"}:                       true,
	{Pkg: "net/http", Recv: "Request", Name: "PostFormValue"}:                   true,
	{Pkg: "net/http", Recv: "Request", Name: "PathValue"}:                       true,
	{Pkg: "net/url", Recv: "Values", Name: "Get"}:                               true,
	{Pkg: "github.com/gin-gonic/gin", Recv: "Context", Name: "Param"}:           true,
	{Pkg: "github.com/gin-gonic/gin", Recv: "Context", Name: "Query"}:           true,
	{Pkg: "github.com/gin-gonic/gin", Recv: "Context", Name: "PostForm"}:        true,
	{Pkg: "github.com/gin-gonic/gin", Recv: "Context", Name: "DefaultQuery"}:    true,
	{Pkg: "github.com/gin-gonic/gin", Recv: "Context", Name: "DefaultPostForm"}: true,
	{Pkg: "github.com/labstack/echo/v4", Recv: "Context", Name: "Param"}:        true,
	{Pkg: "github.com/labstack/echo/v4", Recv: "Context", Name: "QueryParam"}:   true,
	{Pkg: "github.com/labstack/echo/v4", Recv: "Context", Name: "FormValue"}:    true,
	{Pkg: "github.com/gofiber/fiber/v2", Recv: "Ctx", Name: "Params"}:           true,
	{Pkg: "github.com/gofiber/fiber/v2", Recv: "Ctx", Name: "Query"}:            true,
	{Pkg: "github.com/gofiber/fiber/v2", Recv: "Ctx", Name: "FormValue"}:        true,
	{Pkg: "github.com/gorilla/mux", Name: "Vars"}:                               true,
}

// argSources are the calls whose result is a command-line argument.
var argSources = map[tempmodel.Func]bool{
	{Pkg: "flag", Name: "Arg"}:                   true,
	{Pkg: "flag", Name: "Args"}:                  true,
	{Pkg: "flag", Recv: "FlagSet", Name: "Arg"}:  true,
	{Pkg: "flag", Recv: "FlagSet", Name: "Args"}: true,
}

// flagStringFuncs return a *string set from the command line
// (p := flag.String(...)); flagStringVarFuncs set their first argument
// (flag.StringVar(&p, ...)).
var (
	flagStringFuncs = map[tempmodel.Func]bool{
		{Pkg: "flag", Name: "String"}:                  true,
		{Pkg: "flag", Recv: "FlagSet", Name: "String"}: true,
	}
	flagStringVarFuncs = map[tempmodel.Func]bool{
		{Pkg: "flag", Name: "StringVar"}:                  true,
		{Pkg: "flag", Recv: "FlagSet", Name: "StringVar"}: true,
	}
)

// lockCalls take an inter-process file lock: the lock methods of
// github.com/gofrs/flock (not flock.New, which only builds the value) and
// the functions of lockedfile (cmd/go's and its public copy in
// rogpeppe/go-internal), which open a file and lock it before returning.
var lockCalls = map[tempmodel.Func]bool{
	{Pkg: "github.com/gofrs/flock", Recv: "Flock", Name: "Lock"}:                     true,
	{Pkg: "github.com/gofrs/flock", Recv: "Flock", Name: "TryLock"}:                  true,
	{Pkg: "github.com/gofrs/flock", Recv: "Flock", Name: "RLock"}:                    true,
	{Pkg: "github.com/gofrs/flock", Recv: "Flock", Name: "TryRLock"}:                 true,
	{Pkg: "github.com/gofrs/flock", Recv: "Flock", Name: "TryLockContext"}:           true,
	{Pkg: "github.com/gofrs/flock", Recv: "Flock", Name: "TryRLockContext"}:          true,
	{Pkg: "github.com/rogpeppe/go-internal/lockedfile", Name: "Create"}:              true,
	{Pkg: "github.com/rogpeppe/go-internal/lockedfile", Name: "Edit"}:                true,
	{Pkg: "github.com/rogpeppe/go-internal/lockedfile", Name: "OpenFile"}:            true,
	{Pkg: "github.com/rogpeppe/go-internal/lockedfile", Name: "Write"}:               true,
	{Pkg: "github.com/rogpeppe/go-internal/lockedfile", Name: "Transform"}:           true,
	{Pkg: "github.com/rogpeppe/go-internal/lockedfile", Recv: "Mutex", Name: "Lock"}: true,
	{Pkg: "cmd/go/internal/lockedfile", Name: "Create"}:                              true,
	{Pkg: "cmd/go/internal/lockedfile", Name: "Edit"}:                                true,
	{Pkg: "cmd/go/internal/lockedfile", Name: "OpenFile"}:                            true,
	{Pkg: "cmd/go/internal/lockedfile", Name: "Write"}:                               true,
	{Pkg: "cmd/go/internal/lockedfile", Name: "Transform"}:                           true,
	{Pkg: "cmd/go/internal/lockedfile", Recv: "Mutex", Name: "Lock"}:                 true,
}

// sysPkgs are the packages whose Flock, FcntlFlock, Access and error
// numbers this pass knows.
func sysPkg(path string) bool { return path == "syscall" || path == "golang.org/x/sys/unix" }

// Existence sentinels, by package path and name; the object in a program
// must be that package-level variable or constant itself.
var existSentinels = []struct {
	pkg, name string
	notExist  bool
}{
	{"io/fs", "ErrNotExist", true}, {"os", "ErrNotExist", true},
	{"syscall", "ENOENT", true}, {"golang.org/x/sys/unix", "ENOENT", true},
	{"io/fs", "ErrExist", false}, {"os", "ErrExist", false},
	{"syscall", "EEXIST", false}, {"golang.org/x/sys/unix", "EEXIST", false},
}

// sentinelOf reports whether e denotes an existence sentinel
// (fs.ErrNotExist, os.ErrExist, syscall.ENOENT...), and which one.
func sentinelOf(info *types.Info, e ast.Expr) (ok, notExist bool) {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		id = x.Sel
	case *ast.Ident:
		id = x
	default:
		return false, false
	}
	obj := info.Uses[id]
	if obj == nil || obj.Pkg() == nil {
		return false, false
	}
	for _, s := range existSentinels {
		if obj.Pkg().Path() == s.pkg && obj.Pkg().Scope().Lookup(s.name) == obj {
			return true, s.notExist
		}
	}
	return false, false
}

// FileInfo and FileMode methods (io/fs; os.FileInfo and os.FileMode are
// aliases), by exact key.
var (
	fsIsDir        = tempmodel.Func{Pkg: "io/fs", Recv: "FileInfo", Name: "IsDir"}
	fsMode         = tempmodel.Func{Pkg: "io/fs", Recv: "FileInfo", Name: "Mode"}
	fsSys          = tempmodel.Func{Pkg: "io/fs", Recv: "FileInfo", Name: "Sys"}
	modeIsDir      = tempmodel.Func{Pkg: "io/fs", Recv: "FileMode", Name: "IsDir"}
	modeIsRegular  = tempmodel.Func{Pkg: "io/fs", Recv: "FileMode", Name: "IsRegular"}
	modeType       = tempmodel.Func{Pkg: "io/fs", Recv: "FileMode", Name: "Type"}
	modePerm       = tempmodel.Func{Pkg: "io/fs", Recv: "FileMode", Name: "Perm"}
	fileFd         = tempmodel.Func{Pkg: "os", Recv: "File", Name: "Fd"}
	fileModeConsts = map[string]outcome{
		"ModeSymlink": outSymlink,
		"ModeDir":     outType, "ModeType": outType, "ModeNamedPipe": outType, "ModeSocket": outType,
		"ModeDevice": outType, "ModeCharDevice": outType, "ModeIrregular": outType,
		"ModePerm": outPerm, "ModeSetuid": outPerm, "ModeSetgid": outPerm, "ModeSticky": outPerm,
	}
)

// methodOf returns the exact key of the method a selector calls, or the
// zero Func.
func methodOf(info *types.Info, sel *ast.SelectorExpr) tempmodel.Func {
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok {
		return tempmodel.Func{}
	}
	return tempmodel.FuncOf(fn)
}

// modeConst returns what a test of the io/fs (os) FileMode constant e
// concerns: outSymlink, outType, outPerm, or outNone.
func modeConst(info *types.Info, e *ast.SelectorExpr) outcome {
	obj, ok := info.Uses[e.Sel].(*types.Const)
	if !ok || obj.Pkg() == nil || obj.Pkg().Path() != "io/fs" && obj.Pkg().Path() != "os" {
		return outNone
	}
	for name, out := range fileModeConsts {
		if obj.Pkg().Scope().Lookup(name) == obj {
			return out
		}
	}
	return outNone
}

// statTOwnerField reports whether sel selects the Uid or Gid field of
// syscall.Stat_t or unix.Stat_t.
func statTOwnerField(info *types.Info, sel *ast.SelectorExpr) bool {
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return false
	}
	t := s.Recv()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !sysPkg(n.Obj().Pkg().Path()) || n.Obj().Pkg().Scope().Lookup("Stat_t") != n.Obj() {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if f == s.Obj() && (f.Name() == "Uid" || f.Name() == "Gid") {
			return true
		}
	}
	return false
}

// sysConst returns the value of the constant name declared by the
// package pkg (syscall or golang.org/x/sys/unix: the API's own
// definition), or false.
func sysConst(pkg *types.Package, name string) (int64, bool) {
	if pkg == nil {
		return 0, false
	}
	c, ok := pkg.Scope().Lookup(name).(*types.Const)
	if !ok {
		return 0, false
	}
	return constant.Int64Val(constant.ToInt(c.Val()))
}

// findPkg returns the package path imported, directly or not, by pkg.
func findPkg(pkg *types.Package, path string) *types.Package {
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package) *types.Package
	walk = func(p *types.Package) *types.Package {
		if p == nil || seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == path {
			return p
		}
		for _, q := range p.Imports() {
			if r := walk(q); r != nil {
				return r
			}
		}
		return nil
	}
	return walk(pkg)
}

// openBits holds the values of the open flags this pass reads, as the
// package's type checker sees them (they differ between platforms); 0 when
// unknown.
type openBits struct {
	trunc, nofollow int64
}

func openBitsOf(pkg *types.Package) openBits {
	var b openBits
	for _, imp := range pkg.Imports() {
		if imp.Path() == "os" {
			b.trunc, _ = sysConst(imp, "O_TRUNC")
		}
	}
	for _, path := range []string{"syscall", "golang.org/x/sys/unix"} {
		if b.nofollow != 0 {
			break
		}
		if p := findPkg(pkg, path); p != nil {
			b.nofollow, _ = sysConst(p, "O_NOFOLLOW")
			if b.trunc == 0 {
				b.trunc, _ = sysConst(p, "O_TRUNC")
			}
		}
	}
	return b
}

// flagBits returns the open-flag bits that e sets on every path, and
// whether e is entirely known (constants combined with |, through local
// variables whose every assignment is known).
func flagBits(m *tempmodel.Model, e ast.Expr, depth int) (set int64, complete bool) {
	if depth > 4 || e == nil {
		return 0, false
	}
	if v, ok := m.ConstInt(e); ok {
		return v, true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if x.Op.String() != "|" {
			return 0, false
		}
		a, ca := flagBits(m, x.X, depth+1)
		b, cb := flagBits(m, x.Y, depth+1)
		return a | b, ca && cb
	case *ast.Ident:
		v, ok := m.Pass().TypesInfo.Uses[x].(*types.Var)
		if !ok {
			return 0, false
		}
		xs, idx, all := m.Defs(v)
		if !all || len(xs) == 0 {
			return 0, false
		}
		set, complete = -1, true
		for i, d := range xs {
			if d == nil || idx[i] >= 0 {
				return 0, false
			}
			b, c := flagBits(m, d, depth+1)
			set &= b
			complete = complete && c
		}
		return set, complete
	}
	return 0, false
}

// hasFlag reports whether the open flags e certainly include bit.
func hasFlag(m *tempmodel.Model, e ast.Expr, bit int64) bool {
	if bit == 0 {
		return false
	}
	set, _ := flagBits(m, e, 0)
	return set&bit != 0
}

// mayHaveFlag reports whether the open flags e may include bit (unknown
// flags may).
func mayHaveFlag(m *tempmodel.Model, e ast.Expr, bit int64) bool {
	set, complete := flagBits(m, e, 0)
	return !complete || bit == 0 || set&bit != 0
}
