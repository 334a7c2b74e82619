package tempmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
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
	return fileapi.IsGOOS(info.Uses[sel.Sel])
}

func isWindowsConst(info *types.Info, e ast.Expr) bool {
	if isGOOS(info, e) {
		return false
	}
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == "windows"
}

// NotWindowsWhen reports whether the branch condition cond (a node of a
// function's control-flow graph) evaluating to outcome proves that the
// program does not run on Windows: runtime.GOOS compared with a constant,
// under !, && and ||, or a case value of `switch runtime.GOOS` (a case
// expression is the condition of its CFG block: true when the tag equals
// it).
func (m *Model) NotWindowsWhen(cond ast.Expr, outcome bool) bool {
	info := m.pass.TypesInfo
	m.shared.goosOnce.Do(func() {
		m.shared.goosCases = map[ast.Expr]bool{}
		for cur := range m.Inspector.Root().Preorder((*ast.SwitchStmt)(nil)) {
			sw := cur.Node().(*ast.SwitchStmt)
			if sw.Tag == nil || !isGOOS(info, sw.Tag) {
				continue
			}
			for _, c := range sw.Body.List {
				for _, e := range c.(*ast.CaseClause).List {
					m.shared.goosCases[e] = true
				}
			}
		}
	})
	return m.notWindows(cond, outcome)
}

func (m *Model) notWindows(cond ast.Expr, outcome bool) bool {
	info := m.pass.TypesInfo
	if m.shared.goosCases[cond] {
		// case "linux": the tag equals the case value on the true edge,
		// differs from it on the false edge
		v, ok := m.ConstString(cond)
		return ok && (v != "windows") == outcome
	}
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			return m.notWindows(c.X, !outcome)
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			if outcome {
				return m.notWindows(c.X, true) || m.notWindows(c.Y, true)
			}
			return m.notWindows(c.X, false) && m.notWindows(c.Y, false)
		case token.LOR:
			if outcome {
				return m.notWindows(c.X, true) && m.notWindows(c.Y, true)
			}
			return m.notWindows(c.X, false) || m.notWindows(c.Y, false)
		case token.EQL, token.NEQ:
			x, y := c.X, c.Y
			if !isGOOS(info, x) {
				x, y = y, x
			}
			if !isGOOS(info, x) || isGOOS(info, y) {
				return false
			}
			v, ok := m.ConstString(y)
			if !ok {
				return false
			}
			if equal := (c.Op == token.EQL) == outcome; equal {
				return v != "windows"
			}
			return v == "windows"
		}
	}
	return false
}
