// Package flow answers control-flow questions about one function body for
// every tempguard pass: where a node is in the graph, whether one point
// reaches another (avoiding some nodes), whether a point reaches the
// function's exit without passing some node (also along feasible paths
// only, see paths.go), and which branch of a condition is the error
// branch.
//
// A [Graph] wraps a golang.org/x/tools/go/cfg graph whose no-return calls
// (panic, os.Exit, log.Fatal, t.Fatal, functions whose summary says they do
// not return) end their block. The model builds one Graph per function body
// per package run and every pass shares it; passes never build graphs.
package flow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// Graph is the control-flow graph of one function body with position
// queries. It is immutable once built and safe for concurrent use.
type Graph struct {
	CFG *cfg.CFG
	// noReturn holds the calls that end their block because they never
	// return, as mayReturn said while the graph was built (so queries never
	// call back into the builder's state).
	noReturn map[*ast.CallExpr]bool
	// vars is the index of the variable queries (reachdef.go).
	vars lazyIndex
}

// New builds the graph of body; mayReturn says whether a call may return.
func New(body *ast.BlockStmt, mayReturn func(*ast.CallExpr) bool) *Graph {
	g := &Graph{noReturn: map[*ast.CallExpr]bool{}}
	g.CFG = cfg.New(body, func(call *ast.CallExpr) bool {
		if mayReturn(call) {
			return true
		}
		g.noReturn[call] = true
		return false
	})
	return g
}

// A Point is a position in the graph: node Index of Block (Index ==
// len(Block.Nodes) is the block's end).
type Point struct {
	Block *cfg.Block
	Index int
}

// Valid reports whether p is in the graph.
func (p Point) Valid() bool { return p.Block != nil }

// Locate returns the point of the graph node that contains n (a statement
// or expression of the body, not inside a function literal), or an invalid
// Point if n is not in a live block.
func (g *Graph) Locate(n ast.Node) Point {
	return g.LocatePos(n.Pos(), n.End())
}

// LocatePos returns the point of the graph node that spans [pos, end).
func (g *Graph) LocatePos(pos, end token.Pos) Point {
	var best Point
	var bestSize token.Pos = -1
	for _, b := range g.CFG.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			if n.Pos() <= pos && end <= n.End() {
				if size := n.End() - n.Pos(); bestSize < 0 || size < bestSize {
					best, bestSize = Point{b, i}, size
				}
			}
		}
	}
	return best
}

// Node returns the node at p, or nil at a block's end.
func (p Point) Node() ast.Node {
	if p.Block == nil || p.Index >= len(p.Block.Nodes) {
		return nil
	}
	return p.Block.Nodes[p.Index]
}

// visit calls fn for every node on some path after from (exclusive),
// following successors; fn returns false to stop that path there. It
// calls atEnd for every block end the search reaches (a block whose nodes
// were all passed), with the block.
func (g *Graph) visit(from Point, fn func(b *cfg.Block, i int) bool, atEnd func(b *cfg.Block)) {
	seen := map[*cfg.Block]bool{}
	var walk func(b *cfg.Block, start int)
	walk = func(b *cfg.Block, start int) {
		for i := start; i < len(b.Nodes); i++ {
			if !fn(b, i) {
				return
			}
		}
		if atEnd != nil {
			atEnd(b)
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				walk(s, 0)
			}
		}
	}
	walk(from.Block, from.Index+1)
}

// Reaches reports whether some path leads from the node at from to a node
// for which match is true, without passing a node for which avoid is true
// (avoid may be nil). The node at from itself is not visited.
func (g *Graph) Reaches(from Point, match, avoid func(ast.Node) bool) bool {
	if !from.Valid() {
		return false
	}
	found := false
	g.visit(from, func(b *cfg.Block, i int) bool {
		if found {
			return false
		}
		n := b.Nodes[i]
		if match(n) {
			found = true
			return false
		}
		return avoid == nil || !avoid(n)
	}, nil)
	return found
}

// Contains returns a predicate true for graph nodes that contain x.
func Contains(x ast.Node) func(ast.Node) bool {
	return func(n ast.Node) bool { return n.Pos() <= x.Pos() && x.End() <= n.End() }
}

// Exit is where a path leaves the function normally: a return statement,
// or the end of the body (Return nil, Pos the closing brace's position).
type Exit struct {
	Return *ast.ReturnStmt
	Block  *cfg.Block
}

// ExitAvoiding returns an exit that some path from the node at from reaches
// without passing a node for which stop is true, or ok=false when every
// path from there passes such a node first (or never returns normally:
// panics, exits, loops forever). "On every path from A to the exit, B
// comes first" is !ok with stop matching B.
func (g *Graph) ExitAvoiding(from Point, stop func(ast.Node) bool) (exit Exit, ok bool) {
	if !from.Valid() {
		return Exit{}, false
	}
	g.visit(from, func(b *cfg.Block, i int) bool {
		return !ok && !stop(b.Nodes[i])
	}, func(b *cfg.Block) {
		if ok || len(b.Succs) > 0 || !g.returns(b) {
			return
		}
		exit, ok = Exit{Return: b.Return(), Block: b}, true
	})
	return exit, ok
}

// returns reports whether a block without successors leaves the function
// normally: it ends in a return statement or falls off the body's end,
// rather than ending in a call that does not return.
func (g *Graph) returns(b *cfg.Block) bool {
	if b.Return() != nil || len(b.Nodes) == 0 {
		return true
	}
	last := b.Nodes[len(b.Nodes)-1]
	if es, ok := last.(*ast.ExprStmt); ok {
		last = es.X
	}
	if e, ok := last.(ast.Expr); ok {
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
			return !g.noReturn[call]
		}
	}
	return true
}

// Cond returns the condition that ends block b and its true and false
// successors, or ok=false if b does not end in a two-way branch.
func Cond(b *cfg.Block) (cond ast.Expr, yes, no *cfg.Block, ok bool) {
	if b == nil || len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return nil, nil, nil, false
	}
	cond, ok = b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok {
		return nil, nil, nil, false
	}
	return cond, b.Succs[0], b.Succs[1], true
}

// NilTest reports whether cond compares a variable with nil: v, and
// whether cond is true when v is non-nil ("v != nil"). Parentheses and !
// are looked through.
func NilTest(info *types.Info, cond ast.Expr) (v *types.Var, trueIfNonNil bool, ok bool) {
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			v, t, ok := NilTest(info, c.X)
			return v, !t, ok
		}
	case *ast.BinaryExpr:
		if c.Op != token.EQL && c.Op != token.NEQ {
			return nil, false, false
		}
		x := c.X
		if isNil(info, c.X) {
			x = c.Y
		} else if !isNil(info, c.Y) {
			return nil, false, false
		}
		id, isID := ast.Unparen(x).(*ast.Ident)
		if !isID {
			return nil, false, false
		}
		v, _ := info.Uses[id].(*types.Var)
		if v == nil {
			return nil, false, false
		}
		return v, c.Op == token.NEQ, true
	}
	return nil, false, false
}

// NilOperand matches a comparison with nil (x == nil, nil != x...) and
// returns the other operand.
func NilOperand(info *types.Info, b *ast.BinaryExpr) (ast.Expr, bool) {
	switch {
	case isNil(info, b.Y):
		return b.X, true
	case isNil(info, b.X):
		return b.Y, true
	}
	return nil, false
}

// IsBool reports whether t's underlying type is a boolean.
func IsBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// ErrorBranch returns, for a block ending in "err != nil" (or "err ==
// nil") where err has type error, the successor taken when err is non-nil.
func ErrorBranch(info *types.Info, b *cfg.Block) (err *types.Var, onErr *cfg.Block, ok bool) {
	cond, yes, no, ok := Cond(b)
	if !ok {
		return nil, nil, false
	}
	v, nonNil, ok := NilTest(info, cond)
	if !ok || !types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
		return nil, nil, false
	}
	if nonNil {
		return v, yes, true
	}
	return v, no, true
}
