package tempmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// InWindowsBranch reports whether cur runs only on Windows by a runtime
// check: it is in the body of `if runtime.GOOS == "windows" {`, in the else
// branch of `if runtime.GOOS != "windows" {`, or in a `case "windows":` of
// `switch runtime.GOOS`. There the temp directory is per user.
func InWindowsBranch(info *types.Info, cur inspector.Cursor) bool {
	child := cur.Node()
	for c := range cur.Enclosing() {
		n := c.Node()
		switch n := n.(type) {
		case *ast.IfStmt:
			if child == n.Body && goosTest(info, n.Cond, token.EQL) ||
				n.Else != nil && child == n.Else && goosTest(info, n.Cond, token.NEQ) {
				return true
			}
		case *ast.CaseClause:
			if sw, ok := c.Parent().Parent().Node().(*ast.SwitchStmt); ok && sw.Tag != nil && isGOOS(info, sw.Tag) && len(n.List) > 0 {
				all := true
				for _, e := range n.List {
					if !isWindowsConst(info, e) {
						all = false
					}
				}
				if all {
					return true
				}
			}
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		}
		child = n
	}
	return false
}

// goosTest reports whether cond is runtime.GOOS op "windows" (either order).
func goosTest(info *types.Info, cond ast.Expr, op token.Token) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != op {
		return false
	}
	return isGOOS(info, b.X) && isWindowsConst(info, b.Y) || isGOOS(info, b.Y) && isWindowsConst(info, b.X)
}

func isGOOS(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	c, ok := info.Uses[sel.Sel].(*types.Const)
	return ok && c.Pkg() != nil && c.Pkg().Path() == "runtime" && c.Name() == "GOOS"
}

func isWindowsConst(info *types.Info, e ast.Expr) bool {
	if isGOOS(info, e) {
		return false
	}
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == "windows"
}
