package tempmodel

import (
	"go/ast"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

// PathProv returns the provenance of the path that a call of a table API
// acts on (argument a.Path): the argument itself, or, for a method of
// *os.Root, the root's directory joined with the argument, so that
// root.Create("app.log") on os.OpenRoot(os.TempDir()) is a predictable path
// in a shared temp dir (the root stops symlinks from escaping it, not
// another user from creating the name first). withCallers also resolves
// parameters from the package's call sites ([Model.ProvWithCallers]).
func (m *Model) PathProv(call *ast.CallExpr, pathArg int, inRoot, withCallers bool) Prov {
	ctx := &evalCtx{callers: withCallers}
	if a, ok := fileapi.CallAPI(m.pass.TypesInfo, call); ok && a.UnderTempDir && a.Path == pathArg {
		return concat(osTempDirProv(), m.argProv(ctx, call, pathArg))
	}
	if !inRoot {
		// Also f(g()): the path is one of g's results.
		return m.argProv(ctx, call, pathArg)
	}
	arg := fileapi.Arg(call, pathArg)
	if arg == nil {
		return Unknown
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return Unknown
	}
	dir := m.rootDir(ctx, sel.X, 0)
	if dir.Loc == LocUnknown {
		return Unknown
	}
	return concat(dir, m.eval(ctx, arg))
}

// rootDir is the provenance of the directory an *os.Root value was opened
// on: os.OpenRoot(dir), or r.OpenRoot(name) of another root, through local
// variables with one definition.
func (m *Model) rootDir(ctx *evalCtx, x ast.Expr, depth int) Prov {
	if depth > maxDepth {
		return Unknown
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		v, ok := m.pass.TypesInfo.Uses[x].(*types.Var)
		if !ok {
			return Unknown
		}
		xs, idxs, complete := m.Defs(v)
		if !complete || len(xs) != 1 || idxs[0] > 0 {
			return Unknown
		}
		return m.rootDir(ctx, xs[0], depth+1)
	case *ast.CallExpr:
		fn, _ := Callee(m.pass.TypesInfo, x)
		a, ok := fileapi.Lookup(fn)
		if !ok || !a.Ops.Has(fileapi.OpOpenRoot) {
			return Unknown
		}
		arg := fileapi.Arg(x, a.Path)
		if arg == nil {
			return Unknown
		}
		if !a.InRoot {
			return m.eval(ctx, arg)
		}
		sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
		if !ok {
			return Unknown
		}
		parent := m.rootDir(ctx, sel.X, depth+1)
		if parent.Loc == LocUnknown {
			return Unknown
		}
		return concat(parent, m.eval(ctx, arg))
	}
	return Unknown
}
