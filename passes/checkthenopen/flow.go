package checkthenopen

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// flow answers control-flow questions about one function body: where a
// node sits in the CFG, which definitions of a variable reach a point, and
// which blocks an edge dominates.
type flow struct {
	g     *cfg.CFG
	preds map[*cfg.Block][]*cfg.Block
	// defs: positions of the identifiers that assign each variable inside
	// the function (including nested function literals).
	defs map[*types.Var][]token.Pos
	// unstable: variables whose address is taken or that a nested function
	// literal assigns; their value at a point cannot be followed.
	unstable map[*types.Var]bool
	// tagged: case expressions of tagged switches (their CFG node is one
	// half of a comparison, not a condition).
	tagged map[ast.Expr]bool
	// edge dominance cache: key {block, succ index} -> dominated blocks
	domCache map[edgeKey]map[*cfg.Block]bool
}

type edgeKey struct {
	b *cfg.Block
	i int
}

func newFlow(g *cfg.CFG, body *ast.BlockStmt, info *types.Info) *flow {
	fl := &flow{
		g:        g,
		preds:    map[*cfg.Block][]*cfg.Block{},
		defs:     map[*types.Var][]token.Pos{},
		unstable: map[*types.Var]bool{},
		tagged:   map[ast.Expr]bool{},
		domCache: map[edgeKey]map[*cfg.Block]bool{},
	}
	for _, b := range g.Blocks {
		if !b.Live {
			continue // unreachable code (after return) jumps on too
		}
		for _, s := range b.Succs {
			fl.preds[s] = append(fl.preds[s], b)
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
	var walk func(n ast.Node, nested bool)
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
						fl.unstable[v] = true
					}
				}
			case *ast.SwitchStmt:
				if n.Tag != nil {
					for _, cl := range n.Body.List {
						if cc, ok := cl.(*ast.CaseClause); ok {
							for _, x := range cc.List {
								fl.tagged[x] = true
							}
						}
					}
				}
			}
			for _, l := range lhs {
				if v := varOf(l); v != nil {
					fl.defs[v] = append(fl.defs[v], l.Pos())
					if nested {
						fl.unstable[v] = true
					}
				}
			}
			return true
		})
	}
	walk(body, false)
	return fl
}

// locate returns the live block and node index containing pos.
func (fl *flow) locate(pos token.Pos) (*cfg.Block, int) {
	for _, b := range fl.g.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			if n.Pos() <= pos && pos < n.End() {
				return b, i
			}
		}
	}
	return nil, -1
}

// defines reports whether node n assigns v.
func (fl *flow) defines(n ast.Node, v *types.Var) bool {
	for _, p := range fl.defs[v] {
		if n.Pos() <= p && p < n.End() {
			return true
		}
	}
	return false
}

// reaches reports whether, on every path that reaches pos, the last thing
// to happen before pos among {target, an assignment to v} is target: the
// value v has at pos is the one it had when target ran. Paths that reach
// the function entry without meeting target make the answer false. v may
// be nil (then only the arrival at target matters).
func (fl *flow) reaches(v *types.Var, pos token.Pos, target ast.Node) bool {
	if target == nil || v != nil && fl.unstable[v] {
		return false
	}
	b, i := fl.locate(pos)
	if b == nil {
		return false
	}
	tb, _ := fl.locate(target.Pos())
	if tb == nil {
		return false
	}
	// The target may be the very node containing pos (a check call inside
	// the condition that tests it).
	if b.Nodes[i] == target {
		return true
	}
	type item struct {
		b    *cfg.Block
		from int // scan nodes [0, from)
	}
	visited := map[*cfg.Block]bool{}
	work := []item{{b, i}}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		found := false
		for j := it.from - 1; j >= 0; j-- {
			n := it.b.Nodes[j]
			if n == target {
				found = true
				break
			}
			if v != nil && fl.defines(n, v) {
				return false
			}
		}
		if found {
			continue
		}
		if it.b == fl.g.Blocks[0] {
			return false // entry: target not met on this path
		}
		ps := fl.preds[it.b]
		if len(ps) == 0 {
			return false
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

// dominated returns the blocks that every path from the entry reaches only
// through the edge from b to b.Succs[i].
func (fl *flow) dominated(b *cfg.Block, i int) map[*cfg.Block]bool {
	k := edgeKey{b, i}
	if d, ok := fl.domCache[k]; ok {
		return d
	}
	reach := map[*cfg.Block]bool{}
	entry := fl.g.Blocks[0]
	work := []*cfg.Block{entry}
	reach[entry] = true
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		for j, s := range x.Succs {
			if x == b && j == i {
				continue
			}
			if !reach[s] {
				reach[s] = true
				work = append(work, s)
			}
		}
	}
	d := map[*cfg.Block]bool{}
	for _, x := range fl.g.Blocks {
		if x.Live && !reach[x] {
			d[x] = true
		}
	}
	fl.domCache[k] = d
	return d
}

// blockT is a CFG block.
type blockT = *cfg.Block

// canReach reports whether block to is reachable from block from.
func (fl *flow) canReach(from, to *cfg.Block) bool {
	seen := map[*cfg.Block]bool{from: true}
	work := []*cfg.Block{from}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == to {
			return true
		}
		for _, y := range x.Succs {
			if !seen[y] {
				seen[y] = true
				work = append(work, y)
			}
		}
	}
	return false
}
