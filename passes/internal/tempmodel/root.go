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
	dir := m.rootDir(ctx, sel.X)
	if dir.Loc == LocUnknown {
		return Unknown
	}
	return concat(dir, m.eval(ctx, arg))
}

// rootDir is the provenance of the directory an *os.Root value was opened
// on: os.OpenRoot(dir), or r.OpenRoot(name) of another root, through local
// variables with one definition.
func (m *Model) rootDir(ctx *evalCtx, x ast.Expr) Prov {
	base, names := m.rootChain(x)
	if base == nil {
		return Unknown
	}
	dir := m.eval(ctx, base)
	for _, n := range names {
		if dir.Loc == LocUnknown {
			return Unknown
		}
		dir = concat(dir, m.eval(ctx, n))
	}
	return dir
}

// RootBase returns the directory argument of the os.OpenRoot call that
// opened the *os.Root value x, or of its outermost parent root when x was
// opened by r.OpenRoot(name) (a root inside a directory is inside its
// parent's); nil when that cannot be seen.
func (m *Model) RootBase(x ast.Expr) ast.Expr {
	base, _ := m.rootChain(x)
	return base
}

// rootChain follows the *os.Root value x back to the os.OpenRoot call that
// opened it, through local variables with one definition and r.OpenRoot
// calls of parent roots: base is that call's directory argument, names the
// r.OpenRoot names from the outermost root in.
func (m *Model) rootChain(x ast.Expr) (base ast.Expr, names []ast.Expr) {
	for range maxDepth {
		switch e := ast.Unparen(x).(type) {
		case *ast.Ident:
			v, ok := m.pass.TypesInfo.Uses[e].(*types.Var)
			if !ok {
				return nil, nil
			}
			xs, idxs, complete := m.Defs(v)
			if !complete || len(xs) != 1 || idxs[0] > 0 {
				return nil, nil
			}
			x = xs[0]
		case *ast.CallExpr:
			fn, _ := Callee(m.pass.TypesInfo, e)
			a, ok := fileapi.Lookup(fn)
			if !ok || !a.Ops.Has(fileapi.OpOpenRoot) {
				return nil, nil
			}
			arg := fileapi.Arg(e, a.Path)
			if arg == nil {
				return nil, nil
			}
			if !a.InRoot {
				return arg, names
			}
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if !ok {
				return nil, nil
			}
			names = append([]ast.Expr{arg}, names...)
			x = sel.X
		default:
			return nil, nil
		}
	}
	return nil, nil
}
