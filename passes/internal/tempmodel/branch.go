package tempmodel

import (
	"go/ast"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/flow"
)

// What the blocks a condition edge alone leads to do: end in an error,
// do nothing of their own, or stop a test. And what a variable holds at
// a point.

// ErrorExit reports whether the blocks only edge e of g leads to end in
// an error: a return of a non-nil error, or a call that does not return
// (panic, log.Fatal, os.Exit, t.Fatal); and none carries on (continue,
// break, goto, a return without an error).
func (m *Model) ErrorExit(g *flow.Graph, e flow.Edge) bool {
	info := m.pass.TypesInfo
	errType := types.Universe.Lookup("error").Type()
	failure, success := false, false
	for blk := range g.OnlyThrough(e).All() {
		for _, n := range blk.Nodes {
			ast.Inspect(n, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.BranchStmt:
					success = true // continue, break, goto: carries on
				case *ast.ReturnStmt:
					bad := false
					for _, r := range x.Results {
						tv, ok := info.Types[r]
						if ok && !tv.IsNil() && tv.Type != nil && types.Identical(tv.Type, errType) {
							bad = true
						}
					}
					if bad {
						failure = true
					} else {
						success = true
					}
				case *ast.CallExpr:
					if !m.MayReturn(x) {
						failure = true
					}
				}
				return true
			})
		}
	}
	return failure && !success
}

// Passive reports whether the blocks only edge e of g leads to do nothing
// of their own: there are none, or they only return constants and nil,
// or continue or break a loop.
func (m *Model) Passive(g *flow.Graph, e flow.Edge) bool {
	info := m.pass.TypesInfo
	for blk := range g.OnlyThrough(e).All() {
		for _, n := range blk.Nodes {
			switch x := n.(type) {
			case *ast.BranchStmt:
			case *ast.ReturnStmt:
				for _, r := range x.Results {
					if tv, ok := info.Types[r]; !ok || tv.Value == nil && !tv.IsNil() {
						return false
					}
				}
			default:
				return false
			}
		}
	}
	return true
}

// StopsTest reports whether the blocks only edge e of g leads to stop a
// test: a method of the testing package that does not return (t.Fatal,
// t.FailNow, t.Skip...).
func (m *Model) StopsTest(g *flow.Graph, e flow.Edge) bool {
	found := false
	for blk := range g.OnlyThrough(e).All() {
		for _, n := range blk.Nodes {
			ast.Inspect(n, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if _, f := Callee(m.pass.TypesInfo, call); f.Pkg == "testing" && f.Recv != "" && !m.MayReturn(call) {
						found = true
					}
				}
				return !found
			})
		}
	}
	return found
}

// TestHelper reports whether function fn (a FuncDecl or FuncLit) takes a
// parameter whose type implements testing.TB (*testing.T, B, F or a
// testing.TB): a test helper that runs only under go test.
func (m *Model) TestHelper(fn ast.Node) bool {
	var ft *ast.FuncType
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		ft = fn.Type
	case *ast.FuncLit:
		ft = fn.Type
	}
	if ft == nil || ft.Params == nil {
		return false
	}
	for _, fld := range ft.Params.List {
		if t := m.pass.TypesInfo.TypeOf(fld.Type); t != nil && fileapi.ImplementsTB(t) {
			return true
		}
	}
	return false
}

// DefAt returns the value the reaching assignment gives v at point at of
// g: the expression (index -1), or a multi-value call and the index of
// v's result; ok is false when no single assignment of the function
// reaches the point on every path.
func (m *Model) DefAt(g *flow.Graph, v *types.Var, at flow.Point) (x ast.Expr, index int, ok bool) {
	node, ok := g.ReachingDef(m.pass.TypesInfo, v, at)
	if !ok {
		return nil, 0, false
	}
	xs, idx, complete := m.Defs(v)
	if !complete {
		return nil, 0, false
	}
	for i, d := range xs {
		if d != nil && node.Pos() <= d.Pos() && d.End() <= node.End() {
			if x != nil {
				return nil, 0, false // x, y = a, a
			}
			x, index = d, idx[i]
		}
	}
	return x, index, x != nil
}
