package tempmodel

import (
	"go/ast"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

// WalkUses calls fn for every identifier that refers to v in body, with
// its ancestors (from body down, the identifier excluded), the outermost
// function literal of body containing it, and whether that code runs at
// the end: the literal (or the use) is inside a defer statement, or the
// literal is the argument of t.Cleanup.
func (m *Model) WalkUses(body ast.Node, v *types.Var, fn func(id *ast.Ident, parents []ast.Node, inLit *ast.FuncLit, deferred bool)) {
	info := m.pass.TypesInfo
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, ok := n.(*ast.Ident); ok && (info.Uses[id] == v) {
			// The outermost function literal decides: a use inside it runs
			// at exit if the literal is (an argument of) a deferred call.
			var lit *ast.FuncLit
			at := len(stack)
			for i, x := range stack {
				if l, ok := x.(*ast.FuncLit); ok {
					lit, at = l, i
					break
				}
			}
			deferred := false
			for _, x := range stack[:at] {
				switch x.(type) {
				case *ast.DeferStmt:
					deferred = true
				case *ast.GoStmt:
					deferred = false
				}
			}
			if lit != nil && at > 0 {
				if c, ok := stack[at-1].(*ast.CallExpr); ok && IsCleanupCall(info, c) {
					deferred = true // t.Cleanup(func() {...}) runs at the end
				}
			}
			fn(id, stack, lit, deferred)
		}
		stack = append(stack, n)
		return true
	})
}

// IsCleanupCall reports whether call is t.Cleanup(f) (testing.T, B, F, TB).
func IsCleanupCall(info *types.Info, call *ast.CallExpr) bool {
	_, f := Callee(info, call)
	return fileapi.IsCleanup(f) && len(call.Args) == 1
}

// InspectShallow visits the nodes of body that are not inside function
// literals.
func InspectShallow(body ast.Node, fn func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		fn(n)
		return true
	})
}
