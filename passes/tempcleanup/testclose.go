package tempcleanup

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tempguard/tempguard/passes/internal/flow"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// closeForTempDir returns the edit that adds `defer f.Close()` after the
// error check of a test's file creation when the file may still be open
// when the test function returns (nil when it is closed on every path or
// not held in a variable), and ok=false when it may be open and no close
// can be added safely (a deferred removal of it would then run first).
func (c *checker) closeForTempDir(cur, fnCur inspector.Cursor, call *ast.CallExpr, fd *finding) (*analysis.TextEdit, bool) {
	ek, _ := cur.ParentEdge()
	if ek != edge.AssignStmt_Rhs {
		return nil, true
	}
	stmtCur := cur.Parent()
	as := stmtCur.Node().(*ast.AssignStmt)
	if len(as.Rhs) != 1 || len(as.Lhs) != 2 {
		return nil, true
	}
	hid, ok := as.Lhs[0].(*ast.Ident)
	if !ok || hid.Name == "_" {
		return nil, true
	}
	v := c.varOf(hid)
	if v == nil {
		return nil, false
	}
	var errVar *types.Var
	if eid, ok := as.Lhs[1].(*ast.Ident); ok && eid.Name != "_" {
		errVar = c.varOf(eid)
	}
	fn := fnCur.Node()
	fl := c.m.Ownership(fn, v, tempmodel.KindFile, as)
	if fl.Quiet() {
		return nil, true // returned or kept: not this test's to close
	}
	if !c.openAtExit(fnCur, call, as, v, errVar) {
		return nil, true
	}
	for _, r := range fl.Removals {
		if r.Anchor > as.Pos() && r.Anchor != r.Call.Node().Pos() {
			return nil, false // a deferred removal registered after the new defer would run first
		}
	}
	ins, ok := c.afterCheck(fd, fnCur, stmtCur, hid, v, errVar, false)
	if !ok || len(ins.edits) > 0 {
		return nil, false
	}
	return &analysis.TextEdit{Pos: ins.pos, End: ins.pos, NewText: []byte("\n" + ins.indent + "defer " + hid.Name + ".Close()")}, true
}

// openAtExit reports whether the file v made by call (in the statement
// as) may still be open when fn returns: no close of it deferred or
// registered with t.Cleanup after the creation, and some feasible path
// from the creation to a return that passes no close of it (f.Close(), a
// callee whose summary closes it). When the graph cannot tell, it may.
func (c *checker) openAtExit(fnCur inspector.Cursor, call ast.Node, as ast.Node, v, errVar *types.Var) bool {
	var closes []token.Pos
	for _, u := range c.m.UsesOf(v) {
		cl := c.closeCall(u)
		if cl == nil {
			continue
		}
		if at, later := c.runsLater(u, fnCur); later {
			if at > as.Pos() {
				return false
			}
			continue
		}
		closes = append(closes, cl.Pos())
	}
	g := c.m.Graph(fnCur.Node())
	if g == nil {
		return true
	}
	at := g.Locate(call)
	if !at.Valid() {
		return true
	}
	s := flow.ExitSearch{Stop: func(n ast.Node) bool {
		for _, p := range closes {
			if n.Pos() <= p && p < n.End() {
				return true
			}
		}
		return false
	}}
	if errVar != nil {
		s.Known = map[*types.Var]bool{errVar: false}
	}
	_, open := g.FeasibleExit(c.info, at, s)
	return open
}

// closeCall returns the call that closes the file at use u: u.Close(), or
// u passed to a callee whose summary closes that parameter; else nil.
func (c *checker) closeCall(u inspector.Cursor) *ast.CallExpr {
	switch ek, idx := u.ParentEdge(); ek {
	case edge.SelectorExpr_X:
		if k, _ := u.Parent().ParentEdge(); k != edge.CallExpr_Fun {
			return nil
		}
		call := u.Parent().Parent().Node().(*ast.CallExpr)
		if _, f := tempmodel.Callee(c.info, call); f.IsMethod("os", "File", "Close") {
			return call
		}
	case edge.CallExpr_Args:
		call := u.Parent().Node().(*ast.CallExpr)
		fn, _ := tempmodel.Callee(c.info, call)
		if fn == nil {
			return nil
		}
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Variadic() && idx >= sig.Params().Len()-1 {
			idx = sig.Params().Len() - 1
		}
		if c.m.Summary(fn).Param(idx)&tempmodel.UseClose != 0 {
			return call
		}
	}
	return nil
}

// runsLater reports whether the use u runs after the function body: in a
// defer statement, or in a function literal that is deferred or
// registered with t.Cleanup; at is where the graph sees it registered.
func (c *checker) runsLater(u, fnCur inspector.Cursor) (token.Pos, bool) {
	for anc := u; anc.Valid() && anc != fnCur; anc = anc.Parent() {
		switch n := anc.Node().(type) {
		case *ast.DeferStmt:
			return n.Pos(), true
		case *ast.FuncLit:
			switch d, at := c.m.LitRuns(anc); d {
			case tempmodel.RunsDeferred, tempmodel.RunsAtCleanup:
				return at, true
			}
		}
	}
	return token.NoPos, false
}
