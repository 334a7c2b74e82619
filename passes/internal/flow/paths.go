package flow

import (
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/cfg"
)

// ExitSearch describes a search for a path from a point to the function's
// normal exit (see [Graph.FeasibleExit]).
type ExitSearch struct {
	// Stop is true for the nodes that end a path (the path does not
	// leak past them: a cleanup, the start node met again in a loop).
	Stop func(ast.Node) bool
	// Cut are edges that no path takes (the success edge of a call that
	// hands the object over, whose failure edge still needs cleanup).
	Cut []Edge
	// Known says which variables are known, at the start, to be non-nil
	// (true) or nil (false): the err of the call that made the object is
	// nil on the path where it succeeded.
	Known map[*types.Var]bool
}

// maxPathStates bounds the (block, known facts) states a search visits;
// past it the search gives up and finds no exit.
const maxPathStates = 20000

// FeasibleExit returns a normal exit (a return statement or the end of the
// body) that some path from the node at from reaches without passing a
// node for which s.Stop is true and without taking an edge of s.Cut; ok
// is false when there is none, or the search gave up.
//
// The search is path-sensitive in one respect: it remembers which local
// variables the path has found nil or non-nil (a branch on `v == nil` or
// `v != nil`, or s.Known), and at a later nil test of the same variable
// follows only the consistent side, until a node assigns the variable.
// Chains such as `if werr == nil { werr = f() }` … `if werr != nil {
// cleanup; return }` then have no infeasible path. Variables whose value
// does not follow from the graph ([Graph.Unstable]) and package-level
// variables are not remembered unless s.Known says so.
func (g *Graph) FeasibleExit(info *types.Info, from Point, s ExitSearch) (exit Exit, ok bool) {
	if !from.Valid() {
		return Exit{}, false
	}
	ix := g.index(info)
	cut := func(b *cfg.Block, i int) bool {
		return slices.Contains(s.Cut, Edge{b, i})
	}
	seen := map[string]bool{}
	budget := maxPathStates
	var visit func(b *cfg.Block, start int, known nilFacts) bool
	visit = func(b *cfg.Block, start int, known nilFacts) bool {
		known = known.clone()
		for i := start; i < len(b.Nodes); i++ {
			n := b.Nodes[i]
			if s.Stop != nil && s.Stop(n) {
				return false
			}
			for v := range known {
				if ix.assignsIn(n, v) {
					delete(known, v)
				}
			}
		}
		if len(b.Succs) == 0 {
			if g.returns(b) {
				exit, ok = Exit{Return: b.Return(), Block: b}, true
				return true
			}
			return false
		}
		type next struct {
			i     int
			known nilFacts
		}
		var succs []next
		if v, nonNilIfTrue, isTest := g.nilBranch(info, ix, b, known); isTest {
			if k, has := known[v]; has {
				if k == nonNilIfTrue {
					succs = []next{{0, known}}
				} else {
					succs = []next{{1, known}}
				}
			} else {
				succs = []next{{0, known.with(v, nonNilIfTrue)}, {1, known.with(v, !nonNilIfTrue)}}
			}
		} else {
			for i := range b.Succs {
				succs = append(succs, next{i, known})
			}
		}
		for _, nx := range succs {
			if cut(b, nx.i) {
				continue
			}
			to := b.Succs[nx.i]
			k := nx.known.key(to)
			if seen[k] {
				continue
			}
			seen[k] = true
			if budget--; budget < 0 {
				return false
			}
			if visit(to, 0, nx.known) {
				return true
			}
		}
		return false
	}
	known := nilFacts{}
	for v, nonNil := range s.Known {
		known[v] = nonNil
	}
	if visit(from.Block, from.Index+1, known) && budget >= 0 {
		return exit, true
	}
	return Exit{}, false
}

// nilBranch returns the variable that the condition ending b tests against
// nil, and whether the condition is true when it is non-nil; isTest is
// false when b does not end in such a test of a variable the search may
// remember (a local, stable one, or one it already knows).
func (g *Graph) nilBranch(info *types.Info, ix *bodyIndex, b *cfg.Block, known nilFacts) (v *types.Var, nonNilIfTrue, isTest bool) {
	cond, _, _, ok := Cond(b)
	if !ok {
		return nil, false, false
	}
	v, nonNilIfTrue, ok = NilTest(info, cond)
	if !ok {
		return nil, false, false
	}
	if _, has := known[v]; has {
		return v, nonNilIfTrue, true
	}
	if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() || ix.unstable[v] {
		return nil, false, false
	}
	return v, nonNilIfTrue, true
}

// nilFacts records, along one path, which variables are known to be nil
// (false) or non-nil (true).
type nilFacts map[*types.Var]bool

func (fs nilFacts) clone() nilFacts {
	out := make(nilFacts, len(fs))
	for k, v := range fs {
		out[k] = v
	}
	return out
}

func (fs nilFacts) with(v *types.Var, nonNil bool) nilFacts {
	out := fs.clone()
	out[v] = nonNil
	return out
}

// key identifies the state of a path entering block b with facts fs.
func (fs nilFacts) key(b *cfg.Block) string {
	vars := make([]*types.Var, 0, len(fs))
	for v := range fs {
		vars = append(vars, v)
	}
	slices.SortFunc(vars, func(x, y *types.Var) int { return int(x.Pos() - y.Pos()) })
	var sb strings.Builder
	sb.WriteString(strconv.Itoa(int(b.Index)))
	for _, v := range vars {
		sb.WriteString(";" + strconv.Itoa(int(v.Pos())) + "=" + strconv.FormatBool(fs[v]))
	}
	return sb.String()
}
