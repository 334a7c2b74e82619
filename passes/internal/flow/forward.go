package flow

import "golang.org/x/tools/go/cfg"

// Bits is a set of small integers, the state of a bit-vector data-flow
// problem (Forward). Its length is fixed when it is made.
type Bits []uint64

// NewBits returns an empty set that can hold 0..n-1.
func NewBits(n int) Bits { return make(Bits, (n+63)/64) }

// Has reports whether i is in b.
func (b Bits) Has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }

// Set adds i to b.
func (b Bits) Set(i int) { b[i/64] |= 1 << (i % 64) }

// Clear removes i from b.
func (b Bits) Clear(i int) { b[i/64] &^= 1 << (i % 64) }

// Clone returns a copy of b.
func (b Bits) Clone() Bits { return append(Bits(nil), b...) }

// Union adds c's members to b and reports whether b changed.
func (b Bits) Union(c Bits) bool {
	changed := false
	for i := range b {
		if n := b[i] | c[i]; n != b[i] {
			b[i], changed = n, true
		}
	}
	return changed
}

// Forward solves a forward "may" bit-vector data-flow problem over the
// live blocks of g: entry is the state at the function's entry, transfer
// updates a state in place across the nodes of a block, and edge (if not
// nil) returns the state on the k-th out edge of a block given the state at
// its end (s itself, or a modified copy: the condition that ends the block
// can refine it, as "err != nil" does). States meet by union. Forward
// returns the state at the start of each block (indexed by Block.Index;
// nil for blocks that no path from the entry reaches).
func (g *Graph) Forward(entry Bits, transfer func(b *cfg.Block, s Bits), edge func(b *cfg.Block, k int, s Bits) Bits) []Bits {
	blocks := g.CFG.Blocks
	in := make([]Bits, len(blocks))
	if len(blocks) == 0 {
		return in
	}
	in[0] = entry.Clone()
	work := []*cfg.Block{blocks[0]}
	queued := make([]bool, len(blocks))
	queued[0] = true
	for len(work) > 0 {
		b := work[0]
		work = work[1:]
		queued[b.Index] = false
		s := in[b.Index].Clone()
		transfer(b, s)
		for k, succ := range b.Succs {
			out := s
			if edge != nil {
				out = edge(b, k, s)
			}
			changed := false
			if in[succ.Index] == nil {
				in[succ.Index] = out.Clone()
				changed = true
			} else {
				changed = in[succ.Index].Union(out)
			}
			if changed && !queued[succ.Index] {
				queued[succ.Index] = true
				work = append(work, succ)
			}
		}
	}
	return in
}
