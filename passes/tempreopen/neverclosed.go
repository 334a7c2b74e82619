package tempreopen

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// reportNeverClosed reports a deferred removal (or a t.Cleanup that
// removes the file) registered while the file is open, on a path where
// nothing closes the file before the function returns: the removal runs
// on an open file, which fails on Windows, and the handle leaks. Not when
// the file is passed as a closable value (an *os.File, an io.Closer, any)
// or to a function that may close it on some paths (its summary says
// UseMayClose): it may be closed, or kept to be closed, elsewhere. As an
// io.Writer (bufio.NewWriter, log.New, fmt.Fprintf) it is not closed.
func (st *state) reportNeverClosed(fv *fileVar, dr *deferRemove) {
	mayClose := false
	st.m.WalkUses(st.body, fv.v, func(id *ast.Ident, parents []ast.Node, inLit *ast.FuncLit, deferred bool) {
		if n := len(parents); n > 0 {
			if call, ok := parents[n-1].(*ast.CallExpr); ok && containsExpr(call.Args, id) {
				i := indexOf(call.Args, id)
				if st.m.MayCloseArg(call, i) || tempmodel.Closable(st.m.ParamType(call, i)) {
					mayClose = true
				}
			}
		}
	})
	if mayClose {
		return
	}
	var stmt ast.Stmt
	what := "deferred " + st.calleeName(dr.call)
	if dr.stmt != nil {
		stmt = dr.stmt
	} else {
		what = "the t.Cleanup's " + st.calleeName(dr.call)
		path, _ := astutil.PathEnclosingInterval(st.file, dr.cleanup.Pos(), dr.cleanup.End())
		for _, n := range path {
			if es, ok := n.(*ast.ExprStmt); ok && es.X == ast.Expr(dr.cleanup) {
				stmt = es
				break
			}
		}
		if stmt == nil {
			return
		}
	}
	st.flag(fv)
	if !st.once(stmt.Pos()) {
		return
	}
	f := fv.v.Name()
	st.m.Report(st.pass, analysis.Diagnostic{
		Pos: stmt.Pos(), End: stmt.End(),
		Message: fmt.Sprintf("%s runs while %s is still open: nothing closes %s on some path before the function returns, so the handle leaks and the removal fails on Windows; defer %s.Close() after this, so that it runs first",
			what, f, f, f),
		SuggestedFixes: st.neverClosedFix(fv, stmt),
	})
}

// neverClosedFix inserts `defer f.Close()` on the line after the statement
// that registers the removal: registered later, it runs first (and before
// every t.Cleanup). Not in a loop, and only where stmt is alone on its
// lines in a statement list.
func (st *state) neverClosedFix(fv *fileVar, stmt ast.Stmt) []analysis.SuggestedFix {
	path, _ := astutil.PathEnclosingInterval(st.file, stmt.Pos(), stmt.End())
	si, _ := tempmodel.StmtInList(path)
	if si < 0 || path[si] != ast.Node(stmt) {
		return nil
	}
	for _, n := range path[si:] {
		if n == st.fn {
			break
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			return nil
		}
	}
	if !st.m.Visible(fv.v, stmt.End()) {
		return nil
	}
	edit, ok := st.m.LineAfterEdit(stmt, "defer "+fv.v.Name()+".Close()")
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   fmt.Sprintf("Defer %s.Close() after the removal", fv.v.Name()),
		TextEdits: []analysis.TextEdit{edit},
	}}
}
