package checkthenopen

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// samePath reports whether the use's path expression x (at position at)
// denotes the same path as the check's: the same constant, or the same
// expression over variables not reassigned between the check and the use,
// combined by pure string functions; looked up in the same *os.Root (the
// same root variable), or both outside any root.
func (s *fnState) samePath(c *check, x, root ast.Expr, at token.Pos) bool {
	var vars []*types.Var
	if (c.root == nil) != (root == nil) {
		return false
	}
	if root != nil && !s.equiv(c.root, root, &vars, 0) {
		return false
	}
	if !s.equiv(c.path, x, &vars, 0) {
		return false
	}
	for _, v := range vars {
		if !s.stable(v, c, at) {
			return false
		}
	}
	return true
}

// stable reports whether v holds the same value at the use (at) as at the
// check.
func (s *fnState) stable(v *types.Var, c *check, at token.Pos) bool {
	if v.Pkg() != s.pass.Pkg {
		return false
	}
	if v.Parent() == v.Pkg().Scope() {
		// Package-level: no address taken in the package either.
		if _, _, complete := s.m.Defs(v); !complete {
			return false
		}
	}
	return c.stmt != nil && s.g.UnchangedSince(s.pass.TypesInfo, v, c.stmt, s.point(at))
}

// equiv compares two expressions structurally; vars collects the
// variables they depend on.
func (s *fnState) equiv(a, b ast.Expr, vars *[]*types.Var, depth int) bool {
	if depth > 8 || a == nil || b == nil {
		return false
	}
	info := s.pass.TypesInfo
	a, b = ast.Unparen(a), ast.Unparen(b)
	ta, oka := info.Types[a]
	tb, okb := info.Types[b]
	if oka && okb && ta.Value != nil && tb.Value != nil {
		return constant.Compare(ta.Value, token.EQL, tb.Value)
	}
	if oka && okb && (ta.Value != nil) != (tb.Value != nil) {
		return false
	}
	switch x := a.(type) {
	case *ast.Ident:
		y, ok := b.(*ast.Ident)
		if !ok {
			return false
		}
		ox, oy := info.Uses[x], info.Uses[y]
		if ox == nil || ox != oy {
			return false
		}
		v, ok := ox.(*types.Var)
		if !ok {
			return false
		}
		*vars = append(*vars, v)
		return true
	case *ast.SelectorExpr:
		y, ok := b.(*ast.SelectorExpr)
		if !ok || x.Sel.Name != y.Sel.Name {
			return false
		}
		if sel := info.Selections[x]; sel != nil {
			if sel.Kind() != types.FieldVal || info.Selections[y] == nil || info.Selections[y].Obj() != sel.Obj() {
				return false
			}
			// A field of a variable: no assignment to the field in the function.
			if s.fieldAssigned(x) {
				return false
			}
			return s.equiv(x.X, y.X, vars, depth+1)
		}
		// Package-qualified variable.
		ox := info.Uses[x.Sel]
		if ox == nil || ox != info.Uses[y.Sel] {
			return false
		}
		v, ok := ox.(*types.Var)
		if !ok {
			return false
		}
		*vars = append(*vars, v)
		return true
	case *ast.StarExpr:
		// *flagValue
		y, ok := b.(*ast.StarExpr)
		return ok && s.equiv(x.X, y.X, vars, depth+1)
	case *ast.BinaryExpr:
		y, ok := b.(*ast.BinaryExpr)
		if !ok || x.Op != y.Op || x.Op != token.ADD {
			return false
		}
		return s.equiv(x.X, y.X, vars, depth+1) && s.equiv(x.Y, y.Y, vars, depth+1)
	case *ast.CallExpr:
		y, ok := b.(*ast.CallExpr)
		if !ok || len(x.Args) != len(y.Args) || x.Ellipsis.IsValid() != y.Ellipsis.IsValid() {
			return false
		}
		// Conversions: string(b).
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			ty, ok := info.Types[y.Fun]
			if !ok || !ty.IsType() || !types.Identical(tv.Type, ty.Type) || len(x.Args) != 1 {
				return false
			}
			return s.equiv(x.Args[0], y.Args[0], vars, depth+1)
		}
		fx, f := tempmodel.Callee(info, x)
		fy, _ := tempmodel.Callee(info, y)
		if fx == nil || fx != fy || !tempmodel.SameResult(fx) {
			return false
		}
		if f.Recv != "" {
			sx, ok1 := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			sy, ok2 := ast.Unparen(y.Fun).(*ast.SelectorExpr)
			if !ok1 || !ok2 || !s.equiv(sx.X, sy.X, vars, depth+1) {
				return false
			}
		}
		for i := range x.Args {
			if !s.equiv(x.Args[i], y.Args[i], vars, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// fieldAssigned reports whether the function assigns the field selected
// by sel (on any variable).
func (s *fnState) fieldAssigned(sel *ast.SelectorExpr) bool {
	obj := s.pass.TypesInfo.Selections[sel].Obj()
	found := false
	ast.Inspect(s.fn, func(n ast.Node) bool {
		if found {
			return false
		}
		var lhs []ast.Expr
		switch x := n.(type) {
		case *ast.AssignStmt:
			lhs = x.Lhs
		case *ast.IncDecStmt:
			lhs = []ast.Expr{x.X}
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				lhs = []ast.Expr{x.X}
			}
		}
		for _, l := range lhs {
			if ls, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
				if ss := s.pass.TypesInfo.Selections[ls]; ss != nil && ss.Obj() == obj {
					found = true
				}
			}
		}
		return true
	})
	return found
}
