package flow

import (
	"iter"

	"golang.org/x/tools/go/cfg"
)

// An Edge is the edge of the graph from Block to Block.Succs[Succ]: for a
// block ending in a condition, Succ 0 is the branch taken when it is true
// and Succ 1 the branch taken when it is false.
type Edge struct {
	Block *cfg.Block
	Succ  int
}

// To returns the block the edge leads to.
func (e Edge) To() *cfg.Block { return e.Block.Succs[e.Succ] }

// BlockSet is a set of blocks of one graph.
type BlockSet struct {
	blocks []*cfg.Block
	in     []bool // by Block.Index
}

// Has reports whether b is in the set.
func (s BlockSet) Has(b *cfg.Block) bool {
	return b != nil && int(b.Index) < len(s.in) && s.in[b.Index] && s.blocks[b.Index] == b
}

// All yields the blocks of the set in graph order.
func (s BlockSet) All() iter.Seq[*cfg.Block] {
	return func(yield func(*cfg.Block) bool) {
		for i, in := range s.in {
			if in && !yield(s.blocks[i]) {
				return
			}
		}
	}
}

// OnlyThrough returns the blocks that every path from the function's entry
// reaches only through edge e: the blocks the edge dominates, such as the
// body of "if cond { ... }" for the true edge of cond (and, when that body
// returns, nothing after it). Blocks no path reaches are not in the set.
func (g *Graph) OnlyThrough(e Edge) BlockSet {
	reach := g.reachable(g.CFG.Blocks[0], e)
	s := BlockSet{blocks: g.CFG.Blocks, in: make([]bool, len(g.CFG.Blocks))}
	for _, b := range g.CFG.Blocks {
		if b.Live && !reach[b.Index] {
			s.in[b.Index] = true
		}
	}
	return s
}

// BlockReaches reports whether some path leads from block from to block to
// (from itself included: a block reaches itself) without taking an edge of
// cut.
func (g *Graph) BlockReaches(from, to *cfg.Block, cut ...Edge) bool {
	if from == nil || to == nil {
		return false
	}
	return g.reachable(from, cut...)[to.Index]
}

// reachable returns, by block index, the blocks some path from start
// reaches (start included) without taking an edge of cut.
func (g *Graph) reachable(start *cfg.Block, cut ...Edge) []bool {
	seen := make([]bool, len(g.CFG.Blocks))
	seen[start.Index] = true
	work := []*cfg.Block{start}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
	next:
		for i, y := range x.Succs {
			for _, c := range cut {
				if c.Block == x && c.Succ == i {
					continue next
				}
			}
			if !seen[y.Index] {
				seen[y.Index] = true
				work = append(work, y)
			}
		}
	}
	return seen
}
