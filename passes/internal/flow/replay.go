package flow

import (
	"go/ast"

	"golang.org/x/tools/go/cfg"
)

// ForwardNodes solves a forward "may" problem whose transfer applies one
// graph node at a time (see [Graph.Forward]), then visits every node of
// every live block that a path from the entry reaches once more, in block
// order, with the state that holds before it at the fixed point: apply
// gets final=false while solving and final=true on that last visit (the
// time to report).
func (g *Graph) ForwardNodes(entry Bits, apply func(n ast.Node, s Bits, final bool), edge func(b *cfg.Block, k int, s Bits) Bits) {
	transfer := func(b *cfg.Block, s Bits) {
		for _, n := range b.Nodes {
			apply(n, s, false)
		}
	}
	in := g.Forward(entry, transfer, edge)
	for _, b := range g.CFG.Blocks {
		if !b.Live || in[b.Index] == nil {
			continue
		}
		s := in[b.Index].Clone()
		for _, n := range b.Nodes {
			apply(n, s, true)
		}
	}
}
