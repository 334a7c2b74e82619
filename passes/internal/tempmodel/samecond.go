package tempmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/flow"
)

// Same value at two points of one function: the stricter form of
// [Model.SameExpr] for a value read once (a check) and again later (a
// use) in the function fn. SameOperands compares the two expressions;
// Unchanged then asks the flow whether the variables they read are
// reassigned in between.

// SameOperands reports whether a and b are the same expression of
// function fn over the same variables: equal constants, the same
// variables, fields of them that fn never assigns (nor takes the address
// of), dereferences, string concatenations, conversions and calls of
// functions that give the same result for the same arguments
// ([SameResult]). vars collects the variables both read, for [Model.Unchanged].
func (m *Model) SameOperands(fn ast.Node, a, b ast.Expr, vars *[]*types.Var) bool {
	return m.sameOperands(fn, a, b, vars, 0)
}

func (m *Model) sameOperands(fn ast.Node, a, b ast.Expr, vars *[]*types.Var, depth int) bool {
	if depth > 8 || a == nil || b == nil {
		return false
	}
	info := m.pass.TypesInfo
	a, b = ast.Unparen(a), ast.Unparen(b)
	ta, oka := info.Types[a]
	tb, okb := info.Types[b]
	if oka && okb && ta.Value != nil && tb.Value != nil {
		return constant.Compare(ta.Value, token.EQL, tb.Value)
	}
	if oka && okb && (ta.Value != nil) != (tb.Value != nil) {
		return false
	}
	same := func(x, y ast.Expr) bool { return m.sameOperands(fn, x, y, vars, depth+1) }
	// variable: the same variable object, collected.
	variable := func(x, y *ast.Ident) bool {
		ox := info.Uses[x]
		v, ok := ox.(*types.Var)
		if !ok || ox != info.Uses[y] {
			return false
		}
		*vars = append(*vars, v)
		return true
	}
	switch x := a.(type) {
	case *ast.Ident:
		y, ok := b.(*ast.Ident)
		return ok && variable(x, y)
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
			return !fieldAssigned(info, fn, sel.Obj()) && same(x.X, y.X)
		}
		return variable(x.Sel, y.Sel) // package-qualified variable
	case *ast.StarExpr:
		y, ok := b.(*ast.StarExpr) // *flagValue
		return ok && same(x.X, y.X)
	case *ast.BinaryExpr:
		y, ok := b.(*ast.BinaryExpr)
		return ok && x.Op == y.Op && x.Op == token.ADD && same(x.X, y.X) && same(x.Y, y.Y)
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
			return same(x.Args[0], y.Args[0])
		}
		fx, f := Callee(info, x)
		fy, _ := Callee(info, y)
		if fx == nil || fx != fy || !SameResult(fx) {
			return false
		}
		if f.Recv != "" {
			sx, ok1 := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			sy, ok2 := ast.Unparen(y.Fun).(*ast.SelectorExpr)
			if !ok1 || !ok2 || !same(sx.X, sy.X) {
				return false
			}
		}
		for i := range x.Args {
			if !same(x.Args[i], y.Args[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// Unchanged reports whether every variable of vars holds at point at of
// graph g the value it had when the statement from ran: a variable of
// this package, not assigned on a path between (for a package-level
// variable, also with every definition in the package known, so no
// address is taken).
func (m *Model) Unchanged(g *flow.Graph, vars []*types.Var, from ast.Node, at flow.Point) bool {
	for _, v := range vars {
		if v.Pkg() != m.pass.Pkg {
			return false
		}
		if v.Parent() == v.Pkg().Scope() {
			if _, _, complete := m.Defs(v); !complete {
				return false
			}
		}
		if from == nil || !g.UnchangedSince(m.pass.TypesInfo, v, from, at) {
			return false
		}
	}
	return true
}

// fieldAssigned reports whether function fn assigns the field obj (on any
// variable), increments it or takes its address.
func fieldAssigned(info *types.Info, fn ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
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
				if ss := info.Selections[ls]; ss != nil && ss.Obj() == obj {
					found = true
				}
			}
		}
		return true
	})
	return found
}
