package tempmodel

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// InnermostFunc returns the innermost function declaration or literal
// enclosing cur (cur itself if it is one), or nil.
func InnermostFunc(cur inspector.Cursor) ast.Node {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fc.Node()
	}
	return nil
}

// OutermostFunc returns the outermost function declaration or literal
// enclosing cur, or nil.
func OutermostFunc(cur inspector.Cursor) ast.Node {
	var fn ast.Node
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = fc.Node()
	}
	return fn
}

// ResultVar returns the variable that receives the first result of the
// call at cur when it is the only right-hand side of an assignment
// (f in f, err := os.Create(p)), or nil (also for the blank identifier).
func ResultVar(info *types.Info, cur inspector.Cursor) *types.Var {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || ast.Node(as.Rhs[0]) != cur.Node() || len(as.Lhs) == 0 {
		return nil
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	return v
}
