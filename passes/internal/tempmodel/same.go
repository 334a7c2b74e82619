package tempmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

// SameResult reports whether two calls of fn with the same arguments (and
// receiver) give the same value: the pure functions of the shared table
// (fileapi.PurityOf), and os.TempDir, whose $TMPDIR the passes that care
// watch for changes themselves.
func SameResult(fn *types.Func) bool {
	return fileapi.PurityOf(fn) == fileapi.Pure || FuncOf(fn).Is("os", "TempDir")
}

// SameExpr reports whether a and b are the same expression over the same
// objects: equal constants, the same variables, fields and pure calls
// ([PureFuncs]) of such expressions. It says nothing about time: vars
// collects the variables both mention, for the caller to check that none
// is reassigned between the two points (nil vars: not collected).
func (m *Model) SameExpr(a, b ast.Expr, vars *[]*types.Var) bool {
	return m.sameExpr(a, b, vars, 0)
}

func (m *Model) sameExpr(a, b ast.Expr, vars *[]*types.Var, depth int) bool {
	if depth > maxDepth {
		return false
	}
	info := m.pass.TypesInfo
	a, b = ast.Unparen(a), ast.Unparen(b)
	ta, oka := info.Types[a]
	tb, okb := info.Types[b]
	if oka && okb && ta.Value != nil && tb.Value != nil {
		return ta.Value.Kind() == tb.Value.Kind() && constant.Compare(ta.Value, token.EQL, tb.Value)
	}
	switch a := a.(type) {
	case *ast.Ident:
		b, ok := b.(*ast.Ident)
		if !ok {
			return false
		}
		oa, ob := info.ObjectOf(a), info.ObjectOf(b)
		if oa == nil || oa != ob {
			return false
		}
		if v, ok := oa.(*types.Var); ok && vars != nil {
			*vars = append(*vars, v)
		}
		return true
	case *ast.SelectorExpr:
		b, ok := b.(*ast.SelectorExpr)
		if !ok || info.ObjectOf(a.Sel) == nil || info.ObjectOf(a.Sel) != info.ObjectOf(b.Sel) {
			return false
		}
		if info.Selections[a] == nil { // qualified identifier
			return info.Selections[b] == nil
		}
		return m.sameExpr(a.X, b.X, vars, depth+1)
	case *ast.BinaryExpr:
		b, ok := b.(*ast.BinaryExpr)
		return ok && a.Op == b.Op && m.sameExpr(a.X, b.X, vars, depth+1) && m.sameExpr(a.Y, b.Y, vars, depth+1)
	case *ast.CallExpr:
		b, ok := b.(*ast.CallExpr)
		if !ok || len(a.Args) != len(b.Args) || a.Ellipsis.IsValid() != b.Ellipsis.IsValid() {
			return false
		}
		if tv, ok := info.Types[a.Fun]; ok && tv.IsType() { // conversion
			return types.Identical(tv.Type, info.TypeOf(b.Fun)) && m.sameExpr(a.Args[0], b.Args[0], vars, depth+1)
		}
		fa, _ := Callee(info, a)
		fb, _ := Callee(info, b)
		if fa == nil || fa != fb || !SameResult(fa) {
			return false
		}
		if sa, ok := ast.Unparen(a.Fun).(*ast.SelectorExpr); ok && info.Selections[sa] != nil {
			sb, ok := ast.Unparen(b.Fun).(*ast.SelectorExpr)
			if !ok || !m.sameExpr(sa.X, sb.X, vars, depth+1) {
				return false
			}
		}
		for i := range a.Args {
			if !m.sameExpr(a.Args[i], b.Args[i], vars, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}
