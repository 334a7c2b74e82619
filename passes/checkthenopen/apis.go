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

// sentinelOf reports whether e denotes an existence sentinel
// (fs.ErrNotExist, os.ErrExist, syscall.ENOENT...), and which one.
func sentinelOf(info *types.Info, e ast.Expr) (ok, notExist bool) {
	return tempmodel.ExistSentinel(info, e)
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
