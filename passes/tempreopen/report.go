package tempreopen

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

func (st *state) once(pos token.Pos) bool {
	if st.reported[pos] {
		return false
	}
	st.reported[pos] = true
	return true
}

func (st *state) calleeName(call *ast.CallExpr) string {
	_, f := tempmodel.Callee(st.pass.TypesInfo, call)
	return f.String()
}

func (st *state) writerNames(ws []int) string {
	var names []string
	for _, w := range ws {
		wv := st.wList[w]
		names = append(names, wv.v.Name()+" ("+wv.Type+")")
	}
	return strings.Join(names, " and ")
}

func (st *state) reportRemove(fv *fileVar, call *ast.CallExpr, dirty []int) {
	if !st.once(call.Pos()) {
		return
	}
	f := fv.v.Name()
	what := st.calleeName(call)
	var msg string
	if what == "os.RemoveAll" && !st.argIsName(call, fv) {
		msg = fmt.Sprintf("os.RemoveAll of the directory holding %s while %s is still open: Windows cannot remove an open file, so the removal fails; close %s first", f, f, f)
	} else {
		verb := "remove"
		if what == "os.Rename" {
			verb = "rename"
		}
		msg = fmt.Sprintf("%s of %s's file while %s is still open: Windows cannot %s an open file; close %s first", what, f, f, verb, f)
	}
	st.add(analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(), Message: msg,
		SuggestedFixes: st.closeFix(fv, call, call, dirty, true),
	}, call, fv)
}

func (st *state) argIsName(call *ast.CallExpr, fv *fileVar) bool {
	return len(call.Args) > 0 && slices.Contains(fv.keys, st.k.Key(call.Args[0]))
}

func (st *state) reportReopen(fv *fileVar, call *ast.CallExpr, write bool, dirty []int) {
	if !st.once(call.Pos()) {
		return
	}
	f := fv.v.Name()
	what := st.calleeName(call)
	var msg string
	needClose := write
	if len(dirty) > 0 && !write {
		msg = fmt.Sprintf("%s reopens %s's file while data written through %s is not flushed yet: the reader misses it; flush before reopening", what, f, st.writerNames(dirty))
	} else if len(dirty) > 0 {
		msg = fmt.Sprintf("%s reopens %s's file for writing while %s is open and data written through %s is not flushed: the writes clobber each other; flush and close %s first", what, f, f, st.writerNames(dirty), f)
	} else {
		msg = fmt.Sprintf("%s reopens %s's file for writing while %s is still open with data written: the two handles truncate and overwrite each other; close %s first", what, f, f, f)
	}
	var fixes []analysis.SuggestedFix
	if needClose {
		fixes = st.closeFix(fv, call, call, dirty, true)
	} else {
		// Close too when nothing uses the file afterwards; else only flush.
		fixes = st.closeFix(fv, call, call, dirty, true)
		if fixes == nil {
			fixes = st.closeFix(fv, call, call, dirty, false)
		}
	}
	st.add(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msg, SuggestedFixes: fixes}, call, fv)
}

// runHit is a file that a command receives while open.
type runHit struct {
	fv     *fileVar
	u      execUse
	dirty  []int
	output bool // never written here: created for the program to fill
}

func (st *state) reportRun(hits []runHit) {
	cmd := hits[0].u.cmd
	if !st.once(cmd.Pos()) {
		return
	}
	what := st.calleeName(cmd)
	var names []string
	var targets []closeTarget
	argv0, output, dirty := false, false, []int(nil)
	for _, h := range hits {
		names = append(names, h.fv.v.Name())
		targets = append(targets, closeTarget{h.fv, h.dirty, true})
		argv0 = argv0 || h.u.argv0
		output = output || h.output
		dirty = append(dirty, h.dirty...)
	}
	f := strings.Join(names, " and ")
	fname := f + "'s name"
	if len(names) > 1 {
		fname = "the names of " + f
	}
	var msg string
	switch {
	case argv0:
		msg = fmt.Sprintf("%s runs %s's file while %s %s still open for writing: exec fails with \"text file busy\" on Linux and a sharing violation on Windows; close %s first", what, f, f, isAre(len(names)), f)
	case output && len(dirty) == 0:
		msg = fmt.Sprintf("%s passes %s as an output to a command while %s %s still open: on Windows the command cannot replace or remove an open file; close %s first", what, fname, f, isAre(len(names)), f)
	case len(dirty) > 0:
		msg = fmt.Sprintf("%s passes %s to a command while data written through %s is not flushed: the command reads a truncated file; flush and close %s first", what, fname, st.writerNames(dirty), f)
	default:
		msg = fmt.Sprintf("%s passes %s to a command while %s %s still open for writing: on Windows a program that opens it without write sharing fails; close %s first", what, fname, f, isAre(len(names)), f)
	}
	// the statement that runs the command decides how errors are handled
	var runCall *ast.CallExpr
	for rc, uses := range st.runs {
		for _, x := range uses {
			if x.cmd == cmd && (runCall == nil || rc.Pos() < runCall.Pos()) {
				runCall = rc
			}
		}
	}
	if runCall == nil {
		runCall = cmd
	}
	var fvs []*fileVar
	for _, h := range hits {
		fvs = append(fvs, h.fv)
	}
	st.add(analysis.Diagnostic{
		Pos: cmd.Pos(), End: cmd.End(), Message: msg,
		SuggestedFixes: st.closeFixMulti(targets, cmd, runCall),
	}, cmd, fvs...)
}

// pendingDiag is a finding of the current function whose close fix may
// have to be dropped (see flushPending).
type pendingDiag struct {
	d   analysis.Diagnostic
	at  ast.Node
	fvs []*fileVar
}

// add queues a use-while-open finding of the current function.
func (st *state) add(d analysis.Diagnostic, at ast.Node, fvs ...*fileVar) {
	st.pending = append(st.pending, pendingDiag{d, at, fvs})
	st.flag(fvs...)
}

// flag notes the files that a finding of the current function is about.
func (st *state) flag(fvs ...*fileVar) {
	if st.flaggedFiles == nil {
		st.flaggedFiles = map[*fileVar]bool{}
	}
	for _, fv := range fvs {
		st.flaggedFiles[fv] = true
	}
}

// flushPending reports the queued findings of the current function in
// source order. A finding that can be reached from an earlier one about the
// same file keeps no fix: the earlier fix already closes (and flushes) the
// file there, and a second inserted close or flush would fail at run time
// ("file already closed") once both fixes are applied. After the first fix
// the later use is no longer a finding, so -fix converges.
func (st *state) flushPending() {
	ps := st.pending
	st.pending = nil
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].d.Pos < ps[j].d.Pos })
	var fixed []pendingDiag
	for _, p := range ps {
		if len(p.d.SuggestedFixes) > 0 {
			for _, q := range fixed {
				if !sharesFile(p.fvs, q.fvs) {
					continue
				}
				if reach := st.reachableAfter(q.at); reach == nil || reach(p.at.Pos()) {
					p.d.SuggestedFixes = nil
					break
				}
			}
			if len(p.d.SuggestedFixes) > 0 {
				fixed = append(fixed, p)
			}
		}
		st.m.Report(st.pass, p.d)
	}
}

func sharesFile(a, b []*fileVar) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func (st *state) reportDefer(fv *fileVar, dr *deferRemove, beforeCleanup bool) {
	var pos, end token.Pos
	if dr.stmt != nil {
		pos, end = dr.stmt.Pos(), dr.stmt.End()
	} else {
		pos, end = dr.cleanup.Pos(), dr.cleanup.End()
	}
	st.flag(fv)
	if !st.once(pos) {
		return
	}
	f := fv.v.Name()
	var msg string
	var fixes []analysis.SuggestedFix
	switch {
	case dr.selfBad && dr.stmt != nil:
		msg = fmt.Sprintf("deferred function removes %s's file before closing it: the removal fails on Windows while the file is open; close %s first, then remove", f, f)
		fixes = st.swapInside(fv, dr)
	case dr.selfBad:
		msg = fmt.Sprintf("cleanup function removes %s's file before closing it: the removal fails on Windows while the file is open; close %s first, then remove", f, f)
	case beforeCleanup:
		msg = fmt.Sprintf("deferred %s runs before the t.Cleanup that closes %s (deferred calls run before cleanups): the file is still open, so the removal fails on Windows; close %s in a defer, or remove it in the same cleanup after closing", st.calleeName(dr.call), f, f)
	case dr.stmt == nil:
		msg = fmt.Sprintf("this cleanup's %s runs before the earlier t.Cleanup that closes %s (cleanups run last-in-first-out): the file is still open, so the removal fails on Windows; register the removal first, or close then remove in one cleanup", st.calleeName(dr.call), f)
	default:
		msg = fmt.Sprintf("deferred %s runs before the earlier deferred close of %s (defers run last-in-first-out): the file is still open, so the removal fails on Windows; defer the removal first, or close then remove in one deferred func", st.calleeName(dr.call), f)
		fixes = st.deferFix(fv, dr)
	}
	st.m.Report(st.pass, analysis.Diagnostic{Pos: pos, End: end, Message: msg, SuggestedFixes: fixes})
}

// closeTarget is one file to close (after flushing its dirty writers).
type closeTarget struct {
	fv    *fileVar
	dirty []int
	close bool
}

// closeFix inserts flushes of the dirty writers (outermost first) and, if
// close, a close of the file before the statement containing at. handler is
// the call whose error handling the inserted code imitates.
func (st *state) closeFix(fv *fileVar, at, handler *ast.CallExpr, dirty []int, close bool) []analysis.SuggestedFix {
	return st.closeFixMulti([]closeTarget{{fv, dirty, close}}, at, handler)
}

func (st *state) closeFixMulti(targets []closeTarget, at, handler *ast.CallExpr) []analysis.SuggestedFix {
	path, _ := astutil.PathEnclosingInterval(st.file, at.Pos(), at.End())
	if len(path) == 0 || path[0] != ast.Node(at) {
		return nil
	}
	s := tempmodel.InsertionPoint(path)
	if s == nil {
		return nil
	}
	after := st.reachableAfter(at)
	if after == nil {
		return nil
	}
	indent, ok := st.m.StmtIndent(s)
	if !ok {
		return nil
	}
	eh, ok := st.m.ErrHandlingAt(st.fn, st.file, handler)
	if !ok {
		return nil
	}
	var stmts []string
	anyFlush, anyClose := false, false
	for _, t := range targets {
		fv := t.fv
		// Not inside a loop that does not also create the file.
		for _, n := range path {
			if n == st.fn {
				break
			}
			switch n.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				for _, c := range fv.creates {
					if c.Pos() < n.Pos() || c.End() > n.End() {
						return nil
					}
				}
			}
		}
		if !st.m.Visible(fv.v, s.Pos()) {
			return nil
		}
		for _, w := range t.dirty {
			if !st.m.Visible(st.wList[w].v, s.Pos()) {
				return nil
			}
		}
		// Deferred closes must be plain (a second close is then harmless),
		// and nothing may use what we close afterwards.
		if t.close {
			if !st.safeToFinish(fv.v, after, true) {
				return nil
			}
			// closed on some path that leads here: an inserted
			// error-checked close would fail with "file already closed"
			if st.m.ClosedBefore(st.fn, fv.v, at, fv.creates) {
				return nil
			}
			for _, w := range fv.writers {
				if !st.safeToFinish(st.wList[w].v, after, true) {
					return nil
				}
			}
		}
		for _, w := range st.finishChain(t.fv, t.dirty) {
			wv := st.wList[w]
			if !st.m.Visible(wv.v, s.Pos()) {
				return nil
			}
			if !st.safeToFinish(wv.v, after, wv.Finish == "Close") {
				return nil
			}
			if wv.Finish == "Close" && st.m.ClosedBefore(st.fn, wv.v, at, fv.creates) {
				return nil
			}
			stmts = append(stmts, eh.Stmt(wv.v.Name()+"."+wv.Finish+"()", indent, wv.NoErr))
			anyFlush = true
		}
		if t.close {
			stmts = append(stmts, eh.Stmt(fv.v.Name()+".Close()", indent, false))
			anyClose = true
		}
	}
	if len(stmts) == 0 {
		return nil
	}
	text := strings.Join(stmts, "\n"+indent) + "\n" + indent
	var names []string
	for _, t := range targets {
		names = append(names, t.fv.v.Name())
	}
	list := strings.Join(names, " and ")
	msg := "Close " + list + " before reusing the name"
	if anyFlush && anyClose {
		msg = "Flush and close " + list + " before reusing the name"
	} else if anyFlush {
		msg = "Flush the buffered writes before reopening " + list + "'s file"
	}
	return []analysis.SuggestedFix{{
		Message:   msg,
		TextEdits: []analysis.TextEdit{{Pos: s.Pos(), End: s.Pos(), NewText: []byte(text)}},
	}}
}

// safeToFinish reports whether closing (finishing) v just before s keeps the
// program's behaviour: v is not used after s except through its name, and
// every deferred close or flush of it ignores the result.
func (st *state) safeToFinish(v *types.Var, after func(token.Pos) bool, finishing bool) bool {
	ok := true
	st.m.WalkUses(st.body, v, func(id *ast.Ident, parents []ast.Node, inLit *ast.FuncLit, deferred bool) {
		if !ok {
			return
		}
		var sel *ast.SelectorExpr
		var call *ast.CallExpr
		if n := len(parents); n >= 2 {
			sel, _ = parents[n-1].(*ast.SelectorExpr)
			call, _ = parents[n-2].(*ast.CallExpr)
			if call != nil && call.Fun != sel {
				call = nil
			}
		}
		if sel != nil && call != nil && st.method(sel).IsMethod("os", "File", "Name") {
			return
		}
		closing := sel != nil && call != nil && st.closingMethod(sel)
		plain := false
		if closing && len(parents) >= 3 {
			switch p := parents[len(parents)-3].(type) {
			case *ast.DeferStmt, *ast.ExprStmt:
				plain = true // defer f.Close(), or f.Close() as a statement
			case *ast.AssignStmt:
				plain = len(p.Lhs) == 1 && tempmodel.IsBlank(p.Lhs[0])
			}
		}
		if deferred {
			if !plain && finishing {
				ok = false
			}
			return
		}
		if !after(id.Pos()) || plain || !finishing {
			return
		}
		ok = false
	})
	return ok
}

// deferFix moves the deferred removal before the deferred close.
func (st *state) deferFix(fv *fileVar, dr *deferRemove) []analysis.SuggestedFix {
	path, _ := astutil.PathEnclosingInterval(st.file, dr.stmt.Pos(), dr.stmt.End())
	si, list := tempmodel.StmtInList(path)
	if si < 0 || path[si] != ast.Node(dr.stmt) {
		return nil
	}
	di := -1
	for i, x := range list {
		if x == dr.stmt {
			di = i
		}
	}
	ci := -1
	for i := di - 1; i >= 0; i-- {
		if ds, ok := list[i].(*ast.DeferStmt); ok {
			for _, ev := range st.events(ds) {
				if ev.kind == evDeferClose && ev.file == fv.idx {
					ci = i
				}
			}
			if ci >= 0 {
				break
			}
		}
	}
	if ci < 0 {
		return nil
	}
	c := list[ci]
	if ci == di-1 {
		edit, ok := st.m.SwapEdit(c, dr.stmt)
		if !ok {
			return nil
		}
		return []analysis.SuggestedFix{{Message: "Defer the removal before the close", TextEdits: []analysis.TextEdit{edit}}}
	}
	// Move the removal up: everything it refers to must exist already, and
	// the file must be the same one.
	for _, cr := range fv.creates {
		if cr.Pos() > c.Pos() && cr.Pos() < dr.stmt.Pos() {
			return nil
		}
	}
	bad := false
	ast.Inspect(dr.stmt, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := st.pass.TypesInfo.Uses[id]; obj != nil && obj.Pkg() == st.pass.Pkg && obj.Pos() > c.Pos() && obj.Pos() < dr.stmt.Pos() {
				bad = true
			}
		}
		return !bad
	})
	if bad {
		return nil
	}
	edits, ok := st.m.MoveBeforeEdits(dr.stmt, c)
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{{Message: "Defer the removal before the close", TextEdits: edits}}
}

// reachableAfter returns a predicate for positions inside CFG nodes that
// may run after the node containing at (later in that node, or in a node
// some path from it reaches), or nil if at is not in the graph.
func (st *state) reachableAfter(at ast.Node) func(token.Pos) bool {
	if g := st.m.Graph(st.fn); g != nil {
		return g.RunsAfter(at)
	}
	return nil
}

// swapInside swaps two adjacent statements of a deferred function literal:
// the one that removes the file and the close that follows it.
func (st *state) swapInside(fv *fileVar, dr *deferRemove) []analysis.SuggestedFix {
	if dr.stmt == nil {
		return nil
	}
	lit, ok := ast.Unparen(dr.stmt.Call.Fun).(*ast.FuncLit)
	if !ok {
		return nil
	}
	list := lit.Body.List
	for i := 0; i+1 < len(list); i++ {
		a, b := list[i], list[i+1]
		if !(a.Pos() <= dr.call.Pos() && dr.call.End() <= a.End()) {
			continue
		}
		closes := false
		var evs []event
		st.walk(b, &evs, true)
		for _, ev := range evs {
			if ev.kind == evClose && ev.file == fv.idx {
				closes = true
			}
		}
		if !closes {
			return nil
		}
		// b must not depend on a (no declarations in a)
		if as, ok := a.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
			return nil
		}
		if _, ok := a.(*ast.DeclStmt); ok {
			return nil
		}
		edit, ok := st.m.SwapEdit(a, b)
		if !ok {
			return nil
		}
		return []analysis.SuggestedFix{{Message: "Close " + fv.v.Name() + " before removing it", TextEdits: []analysis.TextEdit{edit}}}
	}
	return nil
}

// finishChain returns the dirty writers and the buffering writers beneath
// them (flushing bufio over gzip must also close the gzip.Writer), outermost
// first.
func (st *state) finishChain(fv *fileVar, dirty []int) []int {
	need := map[int]bool{}
	for _, w := range dirty {
		for p := w; p >= 0; p = st.wList[p].parent {
			if st.wList[p].Buffer {
				need[p] = true
			}
		}
	}
	var out []int
	for k := len(fv.writers) - 1; k >= 0; k-- {
		if w := fv.writers[k]; need[w] {
			out = append(out, w)
		}
	}
	return out
}

// reportOpenAtExit reports a file under t.TempDir() that is still open
// when the function returns: the test's cleanup then fails to remove it on
// Windows ("TempDir RemoveAll cleanup: ... being used by another process").
func (st *state) reportOpenAtExit(fv *fileVar) {
	if !slices.Contains(st.openAtExit, fv) {
		st.openAtExit = append(st.openAtExit, fv)
	}
}

// flushOpenAtExit reports the files of reportOpenAtExit that no other
// finding of the function is about (its fix closes the file already).
func (st *state) flushOpenAtExit() {
	xs := st.openAtExit
	st.openAtExit = nil
	for _, fv := range xs {
		if st.flaggedFiles[fv] {
			continue
		}
		st.emitOpenAtExit(fv)
	}
	st.flaggedFiles = nil
}

func (st *state) emitOpenAtExit(fv *fileVar) {
	call := fv.creates[0]
	if !st.once(call.Pos()) {
		return
	}
	f := fv.v.Name()
	st.m.Report(st.pass, analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("%s is still open when the function returns: the t.TempDir() cleanup cannot remove an open file on Windows and fails the test; close %s, or defer %s.Close()", f, f, f),
	})
}
