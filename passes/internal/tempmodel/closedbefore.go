package tempmodel

import (
	"go/ast"
	"go/types"
	"slices"
)

// ClosedBefore reports whether the variable v is closed in function fn (an
// *ast.FuncDecl or *ast.FuncLit) outside deferred code and function
// literals, by its io.Closer method or by a call that may close it
// (MayCloseArg), at a point from which the node at can be reached without
// passing a graph node that holds one of barrier (the calls that make v
// anew). A close inserted before at could then fail with "file already
// closed". Without a graph, every such close counts.
func (m *Model) ClosedBefore(fn ast.Node, v *types.Var, at ast.Node, barrier []*ast.CallExpr) bool {
	info := m.pass.TypesInfo
	found := false
	m.WalkUses(bodyOf(fn), v, func(id *ast.Ident, parents []ast.Node, inLit *ast.FuncLit, deferred bool) {
		if found || deferred || inLit != nil {
			return
		}
		n := len(parents)
		var call *ast.CallExpr
		if n >= 2 {
			if sel, ok := parents[n-1].(*ast.SelectorExpr); ok && CloserMethod(info, sel) {
				if c, ok := parents[n-2].(*ast.CallExpr); ok && c.Fun == sel {
					call = c
				}
			}
		}
		if call == nil && n >= 1 {
			if c, ok := parents[n-1].(*ast.CallExpr); ok {
				if i := slices.Index(c.Args, ast.Expr(id)); i >= 0 && m.MayCloseArg(c, i) {
					call = c
				}
			}
		}
		if call == nil || call == at {
			return
		}
		if g := m.Graph(fn); g == nil || g.ReachesPos(call, at.Pos(), barrier) {
			found = true
		}
	})
	return found
}
