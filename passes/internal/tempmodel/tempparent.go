package tempmodel

import (
	"go/ast"
	"go/types"
)

// MkdirTempParent reports whether e is a directory made by os.MkdirTemp
// (or ioutil.TempDir) on every assignment that reaches it: the call's
// result itself, or a variable assigned only such a result, possibly
// through variables assigned once. It returns the provenance of the
// directory the new one was made in: Loc is LocShared for MkdirTemp("",
// ...) and for a shared temp dir, LocPrivate under a private one, unknown
// for a caller's directory. The new directory itself is private (0700);
// the parent says whether other users can reach it.
func (m *Model) MkdirTempParent(e ast.Expr) (parent Prov, ok bool) {
	for range 4 {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			_, f := Callee(m.pass.TypesInfo, x)
			if !IsMkdirTemp(f) || len(x.Args) < 1 {
				return Prov{}, false
			}
			if s, ok := m.constString(x.Args[0]); ok && s == "" {
				return Prov{Loc: LocShared, TempFS: true, Dir: "os.TempDir()", Origin: OriginOSTempDir}, true
			}
			return m.Prov(x.Args[0]), true
		case *ast.Ident:
			v, ok := m.pass.TypesInfo.Uses[x].(*types.Var)
			if !ok {
				return Prov{}, false
			}
			d := m.defs(v)
			if d == nil || d.opaque || d.counter || len(d.exprs) != 1 || d.exprs[0].index > 0 {
				return Prov{}, false
			}
			e = d.exprs[0].x
		default:
			return Prov{}, false
		}
	}
	return Prov{}, false
}
