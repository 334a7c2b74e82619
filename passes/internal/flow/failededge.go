package flow

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

// FailedEdge returns the successor of a block ending in cond (0: cond is
// true, 1: false) on which a call that set an object variable and an error
// variable certainly failed: the object is nil (isObj(v) for `v == nil`)
// or the error is non-nil (isErr(v) for `err != nil`, or a standard
// predicate true only for an error, such as os.IsExist(err) or
// errors.Is(err, ...)). !, && and || are looked through. It returns -1 if
// neither successor is certain.
func FailedEdge(info *types.Info, cond ast.Expr, isObj, isErr func(*types.Var) bool) int {
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			if e := FailedEdge(info, c.X, isObj, isErr); e >= 0 {
				return 1 - e
			}
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			if FailedEdge(info, c.X, isObj, isErr) == 0 || FailedEdge(info, c.Y, isObj, isErr) == 0 {
				return 0
			}
		case token.LOR:
			if FailedEdge(info, c.X, isObj, isErr) == 1 || FailedEdge(info, c.Y, isObj, isErr) == 1 {
				return 1
			}
		case token.NEQ, token.EQL:
			x, y := ast.Unparen(c.X), ast.Unparen(c.Y)
			if IsNilName(info, x) {
				x, y = y, x
			}
			if !IsNilName(info, y) {
				return -1
			}
			v := identVar(info, x)
			switch {
			case v == nil:
			case isObj(v):
				if c.Op == token.EQL {
					return 0
				}
				return 1
			case isErr(v):
				if c.Op == token.NEQ {
					return 0
				}
				return 1
			}
		}
	case *ast.CallExpr:
		// os.IsExist(err), errors.Is(err, fs.ErrExist), errors.As(err, &e)
		if len(c.Args) == 0 {
			return -1
		}
		if v := identVar(info, c.Args[0]); v == nil || !isErr(v) {
			return -1
		}
		if fn, f := fileapi.Callee(info, c); fn != nil && fileapi.TrueOnlyForError(f) {
			return 0
		}
	}
	return -1
}

// IsNilName reports whether e is the identifier nil of the universe.
func IsNilName(info *types.Info, e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

// identVar returns the variable the identifier e (parentheses looked
// through) uses or defines, or nil.
func identVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	obj := info.Uses[id]
	if obj == nil {
		obj = info.Defs[id]
	}
	v, _ := obj.(*types.Var)
	return v
}
