package flow

// Syntactic flow questions that need no graph: loops around a position,
// nil tests in a condition.

import (
	"go/ast"
	"go/token"
	"go/types"
)

// LoopSeparates reports whether a for or range loop of fn (not of a
// function literal inside it) contains position b but not position a: code
// at a runs once for several runs of code at b.
func LoopSeparates(fn ast.Node, a, b token.Pos) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok && n != fn {
			return false
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			inside := func(p token.Pos) bool { return n.Pos() <= p && p < n.End() }
			if inside(b) && !inside(a) {
				found = true
			}
		}
		return !found
	})
	return found
}

// NilTestOf returns token.NEQ or token.EQL if cond compares the variable v
// with nil (alone or as an operand of && and ||, searched left first), or
// token.ILLEGAL.
func NilTestOf(info *types.Info, cond ast.Expr, v types.Object) token.Token {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return token.ILLEGAL
	}
	switch b.Op {
	case token.LAND, token.LOR:
		if op := NilTestOf(info, b.X, v); op != token.ILLEGAL {
			return op
		}
		return NilTestOf(info, b.Y, v)
	case token.EQL, token.NEQ:
		if w, _, ok := NilTest(info, b); ok && w == v {
			return b.Op
		}
	}
	return token.ILLEGAL
}
