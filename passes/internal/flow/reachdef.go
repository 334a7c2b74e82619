package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"sync"

	"golang.org/x/tools/go/cfg"
)

// The variable queries: which assignment of a local variable reaches a
// point, whether a variable is unchanged between two points, and which
// block conditions are real conditions. They read an index of the body
// (assignments, address-taken variables, case values of tagged switches)
// built once per graph, on first use.

// bodyIndex is what the variable queries know about the body.
type bodyIndex struct {
	// preds are the live predecessors of each block, by block index.
	preds [][]*cfg.Block
	// assigns: positions of the identifiers that assign each variable in
	// the body, outside function literals.
	assigns map[*types.Var][]token.Pos
	// unstable: variables whose address is taken, or that a function
	// literal of the body assigns: their value at a point does not follow
	// from the graph.
	unstable map[*types.Var]bool
	// caseValues: case expressions of tagged switches (the block tests
	// tag == value, not the value).
	caseValues map[ast.Expr]bool
}

// lazyIndex is the Graph's index, built on first use.
type lazyIndex struct {
	once sync.Once
	ix   *bodyIndex
}

// index returns the body index. The graph's package type-checked info is
// the same for every caller.
func (g *Graph) index(info *types.Info) *bodyIndex {
	g.vars.once.Do(func() { g.vars.ix = buildIndex(g.CFG, info) })
	return g.vars.ix
}

func buildIndex(c *cfg.CFG, info *types.Info) *bodyIndex {
	ix := &bodyIndex{
		preds:      make([][]*cfg.Block, len(c.Blocks)),
		assigns:    map[*types.Var][]token.Pos{},
		unstable:   map[*types.Var]bool{},
		caseValues: map[ast.Expr]bool{},
	}
	for _, b := range c.Blocks {
		if !b.Live {
			continue // unreachable code jumps on too
		}
		for _, s := range b.Succs {
			ix.preds[s.Index] = append(ix.preds[s.Index], b)
		}
	}
	varOf := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		if v, ok := info.Defs[id].(*types.Var); ok {
			return v
		}
		v, _ := info.Uses[id].(*types.Var)
		return v
	}
	var walk func(root ast.Node, nested bool)
	walk = func(root ast.Node, nested bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			var lhs []ast.Expr
			switch n := n.(type) {
			case *ast.FuncLit:
				if n != root {
					walk(n.Body, true)
					return false
				}
			case *ast.AssignStmt:
				lhs = n.Lhs
			case *ast.IncDecStmt:
				lhs = []ast.Expr{n.X}
			case *ast.RangeStmt:
				if n.Key != nil {
					lhs = append(lhs, n.Key)
				}
				if n.Value != nil {
					lhs = append(lhs, n.Value)
				}
			case *ast.ValueSpec:
				for _, id := range n.Names {
					lhs = append(lhs, id)
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if v := varOf(n.X); v != nil {
						ix.unstable[v] = true
					}
				}
			case *ast.SwitchStmt:
				if n.Tag != nil {
					for _, cl := range n.Body.List {
						if cc, ok := cl.(*ast.CaseClause); ok {
							for _, x := range cc.List {
								ix.caseValues[x] = true
							}
						}
					}
				}
			}
			for _, l := range lhs {
				if v := varOf(l); v != nil {
					if nested {
						ix.unstable[v] = true
					} else {
						ix.assigns[v] = append(ix.assigns[v], l.Pos())
					}
				}
			}
			return true
		})
	}
	if len(c.Blocks) > 0 && c.Blocks[0].Stmt != nil {
		walk(c.Blocks[0].Stmt, false) // the entry block's statement is the body
	}
	return ix
}

// assigns reports whether graph node n assigns v.
func (ix *bodyIndex) assignsIn(n ast.Node, v *types.Var) bool {
	for _, p := range ix.assigns[v] {
		if n.Pos() <= p && p < n.End() {
			return true
		}
	}
	return false
}

// Assigns reports whether the graph node n assigns the variable v (=, :=,
// op=, ++, --, a range key or value, a var declaration), not counting
// function literals inside n.
func (g *Graph) Assigns(info *types.Info, n ast.Node, v *types.Var) bool {
	return n != nil && g.index(info).assignsIn(n, v)
}

// Unstable reports whether the value of v does not follow from the graph:
// its address is taken in the body, or a function literal of the body
// assigns it.
func (g *Graph) Unstable(info *types.Info, v *types.Var) bool {
	return g.index(info).unstable[v]
}

// backFrom calls stop for the nodes before the point at, walking every
// path backwards to the function's entry, until stop returns true on that
// path (the node ends the path). It returns false as soon as a path
// reaches the entry without such a node, or stop's node is rejected by
// accept.
func (g *Graph) backFrom(ix *bodyIndex, at Point, stop, accept func(ast.Node) bool) bool {
	type item struct {
		b    *cfg.Block
		from int // scan nodes [0, from)
	}
	entry := g.CFG.Blocks[0]
	visited := map[*cfg.Block]bool{}
	work := []item{{at.Block, at.Index}}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		found := false
		for j := it.from - 1; j >= 0; j-- {
			if n := it.b.Nodes[j]; stop(n) {
				if !accept(n) {
					return false
				}
				found = true
				break
			}
		}
		if found {
			continue
		}
		ps := ix.preds[it.b.Index]
		if it.b == entry || len(ps) == 0 {
			return false // the entry: no stop on this path
		}
		for _, p := range ps {
			if !visited[p] {
				visited[p] = true
				work = append(work, item{p, len(p.Nodes)})
			}
		}
	}
	return true
}

// ReachingDef returns the graph node that last assigns v before the point
// at on every path from the function's entry: the reaching definition of
// v there. ok is false when paths disagree (several assignments reach the
// point), when some path reaches it without assigning v in the body (v is
// a parameter or a variable of an enclosing function there), or when v is
// [Graph.Unstable]. The node at the point itself is not counted.
func (g *Graph) ReachingDef(info *types.Info, v *types.Var, at Point) (def ast.Node, ok bool) {
	if !at.Valid() || v == nil {
		return nil, false
	}
	ix := g.index(info)
	if ix.unstable[v] {
		return nil, false
	}
	all := g.backFrom(ix, at, func(n ast.Node) bool { return ix.assignsIn(n, v) }, func(n ast.Node) bool {
		if def == nil {
			def = n
		}
		return n == def
	})
	if !all || def == nil {
		return nil, false
	}
	return def, true
}

// UnchangedSince reports whether v holds at the point at the value it had
// when the graph node target ran: every path from the function's entry to
// at passes target after the last assignment to v (target may itself
// assign v). v may be nil: then every path to at must pass target. When
// the node at the point is target itself (a check inside the condition
// that tests it), the answer is true. A [Graph.Unstable] v is never
// unchanged.
func (g *Graph) UnchangedSince(info *types.Info, v *types.Var, target ast.Node, at Point) bool {
	if !at.Valid() || target == nil {
		return false
	}
	ix := g.index(info)
	if v != nil && ix.unstable[v] {
		return false
	}
	if at.Node() == target {
		return true
	}
	return g.backFrom(ix, at, func(n ast.Node) bool {
		return n == target || v != nil && ix.assignsIn(n, v)
	}, func(n ast.Node) bool { return n == target })
}

// BoolCond returns the boolean condition that ends block b: b.Succs[0] is
// taken when it is true, b.Succs[1] when it is false. Case values of
// tagged switches are not conditions (the block tests tag == value).
func (g *Graph) BoolCond(info *types.Info, b *cfg.Block) (ast.Expr, bool) {
	cond, _, _, ok := Cond(b)
	if !ok || !b.Live || g.index(info).caseValues[cond] {
		return nil, false
	}
	t := info.TypeOf(cond)
	if t == nil {
		return nil, false
	}
	basic, ok := t.Underlying().(*types.Basic)
	if !ok || basic.Info()&types.IsBoolean == 0 {
		return nil, false
	}
	return cond, true
}
