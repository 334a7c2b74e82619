package tempmodel

import (
	"go/ast"
	"go/types"
)

// existSentinels are the existence sentinels, by package path and name;
// the object in a program must be that package-level variable or
// constant itself.
var existSentinels = []struct {
	pkg, name string
	notExist  bool
}{
	{"io/fs", "ErrNotExist", true}, {"os", "ErrNotExist", true},
	{"syscall", "ENOENT", true}, {"golang.org/x/sys/unix", "ENOENT", true},
	{"io/fs", "ErrExist", false}, {"os", "ErrExist", false},
	{"syscall", "EEXIST", false}, {"golang.org/x/sys/unix", "EEXIST", false},
}

// ExistSentinel reports whether e denotes an existence sentinel
// (fs.ErrNotExist, os.ErrExist, syscall.ENOENT...) by object identity, and
// whether it is a not-exist one.
func ExistSentinel(info *types.Info, e ast.Expr) (ok, notExist bool) {
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

// ExistTest recognizes a test of an error for existence:
// os.IsNotExist(err), os.IsExist(err) and errors.Is(err, sentinel) with an
// existence sentinel ([ExistSentinel]). It returns the tested error and
// whether the test is true for a missing path (a not-exist test).
func ExistTest(info *types.Info, call *ast.CallExpr) (errArg ast.Expr, notExist, ok bool) {
	_, f := Callee(info, call)
	switch {
	case (f.Is("os", "IsNotExist") || f.Is("os", "IsExist")) && len(call.Args) == 1:
		return call.Args[0], f.Name == "IsNotExist", true
	case f.Is("errors", "Is") && len(call.Args) == 2:
		if ok, notExist := ExistSentinel(info, call.Args[1]); ok {
			return call.Args[0], notExist, true
		}
	}
	return nil, false, false
}
