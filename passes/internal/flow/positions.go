package flow

import (
	"go/ast"
	"go/token"
)

// RunsAfter returns a predicate for the positions inside graph nodes that
// may run after the node at: later in the graph node that holds it, or in
// a node some path from there reaches; nil if at is not in the graph.
func (g *Graph) RunsAfter(at ast.Node) func(token.Pos) bool {
	pt := g.Locate(at)
	if !pt.Valid() {
		return nil
	}
	end := pt.Node().End()
	return func(p token.Pos) bool {
		return p >= at.End() && p < end || g.Reaches(pt, holdsPos(p), nil)
	}
}

// ReachesPos reports whether pos can be reached from the end of the node
// from without passing a graph node that contains one of barrier. A from
// outside the graph counts as reaching everything.
func (g *Graph) ReachesPos(from ast.Node, pos token.Pos, barrier []*ast.CallExpr) bool {
	pt := g.Locate(from)
	if !pt.Valid() {
		return true
	}
	if pos >= from.End() && pos < pt.Node().End() {
		return true // later in the same statement
	}
	return g.Reaches(pt, holdsPos(pos), func(n ast.Node) bool {
		for _, c := range barrier {
			if n.Pos() <= c.Pos() && c.End() <= n.End() {
				return true
			}
		}
		return false
	})
}

// holdsPos returns a predicate true for graph nodes whose extent holds p.
func holdsPos(p token.Pos) func(ast.Node) bool {
	return func(n ast.Node) bool { return n.Pos() <= p && p < n.End() }
}
