package tempcleanup

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/flow"
	"github.com/tempguard/tempguard/passes/internal/severity"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// finding is a diagnostic held back until every finding of the package is
// known, so that fixes which delete the last use of an import can delete
// the import too.
type finding struct {
	diag    analysis.Diagnostic
	fixMsg  string
	edits   []analysis.TextEdit
	removed [][2]token.Pos // source ranges the fix deletes or replaces
	file    *ast.File
	// keepsErr is the err variable the fix keeps declared with
	// `var err error` because later code uses it.
	keepsErr *types.Var
}

// enclosingFunc returns the innermost FuncDecl or FuncLit around cur.
func enclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return e, true
	}
	return inspector.Cursor{}, false
}

// checkCreation checks one call of os.CreateTemp, os.MkdirTemp,
// ioutil.TempFile or ioutil.TempDir.
func (c *checker) checkCreation(cur inspector.Cursor, call *ast.CallExpr, isDir bool, f tempmodel.Func) {
	fnCur, ok := enclosingFunc(cur)
	if !ok || c.dirOf(call) == nil {
		return
	}
	fn := fnCur.Node()
	body := funcBody(fn)
	if body == nil {
		return
	}
	// The test rule covers creations in the shared temp dir only: a test
	// that picks another base ("testdata", "/tmp" for short paths, the
	// destination's filesystem) or needs a short path for a unix socket
	// (t.TempDir() names can exceed the 104/108-byte sun_path limit) has a
	// reason; those get the leak check below like any other code.
	if c.m.InTestFile(call.Pos()) && !c.sharedResult(cur) && c.sharedTempArg(c.dirOf(call)) && !c.needsSharedDir(fn, call) {
		if tv := c.testingVar(cur, call.Pos()); tv != nil {
			n := len(c.pending)
			if isDir {
				c.reportTestDir(cur, call, f, tv, fn)
			} else {
				c.reportTestFile(cur, fnCur, call, f, tv)
			}
			// t.TempDir() is advice (a note, off by default) for a test
			// that removes the object on every path, a finding for one
			// that leaks it.
			cat := severity.TestTempDir
			if c.leak(cur, call, isDir, f, fnCur, fn, body) != nil {
				cat = severity.TestLeak
			}
			for _, fd := range c.pending[n:] {
				fd.diag.Category = cat
			}
			return
		}
	}
	if fd := c.leak(cur, call, isDir, f, fnCur, fn, body); fd != nil {
		c.pending = append(c.pending, fd)
	}
}

// leak returns the finding for a temp file or dir from call that is not
// removed on some path out of fn, or nil.
func (c *checker) leak(cur inspector.Cursor, call *ast.CallExpr, isDir bool, f tempmodel.Func, fnCur inspector.Cursor, fn ast.Node, body *ast.BlockStmt) *finding {
	switch loc := c.m.Prov(c.dirOf(call)).Loc; {
	case loc == tempmodel.LocPrivate:
		return nil // created in a private temp dir (t.TempDir()...): removing the dir removes it
	case loc == tempmodel.LocUnknown && c.m.InTestFile(call.Pos()):
		return nil // a test helper's dir parameter or field: usually the caller's t.TempDir()
	}
	// The creation must be `x, err := call` (or = / var).
	site := cur
	ek, _ := site.ParentEdge()
	for ek == edge.ParenExpr_X {
		site = site.Parent()
		ek, _ = site.ParentEdge()
	}
	stmtCur := site.Parent()
	var lhs []ast.Expr
	switch ek {
	case edge.AssignStmt_Rhs:
		as := stmtCur.Node().(*ast.AssignStmt)
		if len(as.Rhs) != 1 || len(as.Lhs) != 2 {
			return nil
		}
		lhs = as.Lhs
	case edge.ValueSpec_Values:
		vs := stmtCur.Node().(*ast.ValueSpec)
		if len(vs.Values) != 1 || len(vs.Names) != 2 {
			return nil
		}
		lhs = []ast.Expr{vs.Names[0], vs.Names[1]}
	default:
		return nil
	}
	hid, ok := lhs[0].(*ast.Ident)
	if !ok || hid.Name == "_" {
		return nil
	}
	v := c.varOf(hid)
	if v == nil || v.Pos() < body.Lbrace || v.Pos() > body.Rbrace {
		return nil // a named result, a global or an outer variable: ownership leaves
	}
	var errVar *types.Var
	if eid, ok := lhs[1].(*ast.Ident); ok && eid.Name != "_" {
		errVar = c.varOf(eid)
		if errVar == nil {
			return nil
		}
	} else if !ok {
		return nil
	}
	k := tempmodel.KindName
	if !isDir {
		k = tempmodel.KindFile
	}
	// Ownership leaves only on the paths through a transfer (a return of
	// the object, a store, a keeping callee): the paths that return
	// before it still own the object.
	fl := c.m.OwnershipPaths(fn, v, k, stmtCur.Node())
	if fl.Unknown {
		return nil
	}
	if fl.Shown && len(fl.Removals) == 0 {
		return nil // never removed and its path shown to the user: an artifact kept on purpose
	}
	if c.removalByChoice(fn, fl.Removals) || c.deferredBefore(call, fl.Removals) {
		return nil
	}
	for _, t := range fl.Transfers {
		if t.Anchor < call.Pos() {
			return nil // handed over by code before the creation (a defer, a loop): do not guess
		}
		if c.loopWithout(fnCur, t.Anchor, call) {
			// Handed over in a loop the creation is not in: the path
			// that skips the loop may be impossible (a table of test
			// cases always runs), which the graph cannot tell.
			return nil
		}
	}
	g := c.m.Graph(fn)
	if g == nil {
		return nil
	}
	ret := c.leakPath(g, call, fl.Removals, fl.Transfers, errVar)
	if ret == nil {
		return nil
	}
	what, remove := "directory", fmt.Sprintf("defer os.RemoveAll(%s)", hid.Name)
	if !isDir {
		what, remove = "file", fmt.Sprintf("defer os.Remove(%s.Name())", hid.Name)
	}
	line := c.pass.Fset.Position(ret.Pos()).Line
	where := fmt.Sprintf("the return on line %d", line)
	if ret.Return == body.Rbrace {
		where = fmt.Sprintf("the end of the function on line %d", line)
	}
	fd := &finding{
		file: c.m.File(call.Pos()),
		diag: analysis.Diagnostic{
			Pos:     call.Pos(),
			End:     call.End(),
			Message: fmt.Sprintf("temporary %s from %s is not removed on every path (it leaks at %s); %s after the error check", what, f, where, remove),
			Related: []analysis.RelatedInformation{{
				Pos:     ret.Pos(),
				Message: fmt.Sprintf("the temporary %s leaks when the function returns here", what),
			}},
		},
	}
	if len(fl.Transfers) == 0 {
		c.leakFix(fd, fnCur, stmtCur, hid, v, errVar, isDir)
		return fd
	}
	// Handed over on some paths only: removing it on every path would
	// take it from its new owner; it must go on the paths that fail. A
	// hand-over inside a return statement (a wrapper or a closure built
	// in the return) is a return.
	var rets []*ast.ReturnStmt
	for _, t := range fl.Transfers {
		r := t.Return
		if r == nil {
			r, _ = g.LocatePos(t.Anchor, t.Anchor).Node().(*ast.ReturnStmt)
		}
		if r == nil {
			rets = nil
			break
		}
		rets = append(rets, r)
	}
	var lines []string
	seenLine := map[int]bool{}
	for _, t := range fl.Transfers {
		l := c.pass.Fset.Position(t.Anchor).Line
		if !seenLine[l] {
			seenLine[l] = true
			lines = append(lines, strconv.Itoa(l))
		}
		fd.diag.Related = append(fd.diag.Related, analysis.RelatedInformation{
			Pos:     t.Anchor,
			Message: fmt.Sprintf("the temporary %s is handed over here", what),
		})
	}
	if len(lines) > 3 {
		lines = append(lines[:3], "...")
	}
	if rets == nil {
		fd.diag.Message = fmt.Sprintf("temporary %s from %s is handed over only on line %s and leaks at %s, which does not pass there; remove it on the paths that return without handing it over",
			what, f, strings.Join(lines, ", "), where)
		return fd
	}
	fd.diag.Message = fmt.Sprintf("temporary %s from %s is returned to the caller only at line %s and leaks at %s; remove it on the other returns, e.g. in a defer guarded by the returned error",
		what, f, strings.Join(lines, ", "), where)
	c.failureFix(fd, fnCur, stmtCur, hid, v, errVar, isDir, rets)
	return fd
}

// loopWithout reports whether the node at pos is inside a for or range
// loop of fn that does not contain call.
func (c *checker) loopWithout(fnCur inspector.Cursor, pos token.Pos, call *ast.CallExpr) bool {
	cur, ok := fnCur.FindByPos(pos, pos+1)
	if !ok {
		return false
	}
	for e := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if e == fnCur {
			break
		}
		switch n := e.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if call.Pos() < n.Pos() || call.End() > n.End() {
				return true
			}
		}
	}
	return false
}

// dirOf returns the directory argument of a temp creation call (by its
// row of the file-API table), or nil.
func (c *checker) dirOf(call *ast.CallExpr) ast.Expr {
	a, ok := fileapi.CallAPI(c.info, call)
	if !ok {
		return nil
	}
	return fileapi.Arg(call, a.DirArg)
}

func (c *checker) varOf(id *ast.Ident) *types.Var {
	if v, ok := c.info.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := c.info.Uses[id].(*types.Var)
	return v
}

// leakPath returns the return statement (or the end of the body) that
// some path from the creation reaches without passing a removal of the
// object, or nil. The shared flow query follows only feasible branches of
// nil tests (see flow.Graph.FeasibleExit); here it is told where paths
// end (a removal, the creation met again in a loop), which edges a rename
// hands the object over on, and that err is nil where the creation
// succeeded.
func (c *checker) leakPath(g *flow.Graph, call *ast.CallExpr, events []tempmodel.Removal, transfers []tempmodel.Transfer, errVar *types.Var) *ast.ReturnStmt {
	at := g.Locate(call)
	if !at.Valid() {
		return nil
	}
	creation := at.Node()
	var s flow.ExitSearch
	var stops []token.Pos
	for _, ev := range events {
		if ev.Rename != nil {
			// The rename's failure branch still needs cleanup: only its
			// success edge hands the object over.
			if p := g.LocatePos(ev.Anchor, ev.Anchor); p.Valid() && c.renameChecked(p, ev.Rename) {
				s.Cut = append(s.Cut, flow.Edge{Block: p.Block, Succ: 1})
				continue
			}
		}
		stops = append(stops, ev.Anchor)
	}
	for _, t := range transfers {
		stops = append(stops, t.Anchor) // the object is someone else's on this path
	}
	s.Stop = func(n ast.Node) bool {
		if n == creation {
			return true // back at the creation (a loop)
		}
		for _, p := range stops {
			if n.Pos() <= p && p < n.End() {
				return true
			}
		}
		return false
	}
	if errVar != nil {
		b := at.Block
		if cond, _, _, ok := flow.Cond(b); ok && len(b.Nodes)-1 > at.Index && c.nilTestOf(cond, errVar) {
			s.Known = map[*types.Var]bool{errVar: false}
		} else if c.usedInCond(errVar) {
			// An error check we do not understand: only a return before
			// the end of the creation's block counts.
			for i := range b.Succs {
				s.Cut = append(s.Cut, flow.Edge{Block: b, Succ: i})
			}
		}
	}
	exit, ok := g.FeasibleExit(c.info, at, s)
	if !ok {
		return nil
	}
	return exit.Return
}

// nilTestOf reports whether cond tests v against nil.
func (c *checker) nilTestOf(cond ast.Expr, v *types.Var) bool {
	w, _, ok := flow.NilTest(c.info, cond)
	return ok && w == v
}

// errNonNil reports whether cond is true exactly when v is non-nil
// (`v != nil`).
func (c *checker) errNonNil(cond ast.Expr, v *types.Var) bool {
	w, nonNil, ok := flow.NilTest(c.info, cond)
	return ok && w == v && nonNil
}

// usedInCond reports whether v appears in a condition: an if or for
// condition, a switch tag or case, or a comparison.
func (c *checker) usedInCond(v *types.Var) bool {
	for _, u := range c.m.UsesOf(v) {
		for anc := u; anc.Valid(); anc = anc.Parent() {
			if _, ok := anc.Node().(ast.Stmt); ok {
				break
			}
			switch ek, _ := anc.ParentEdge(); ek {
			case edge.BinaryExpr_X, edge.BinaryExpr_Y, edge.SwitchStmt_Tag, edge.CaseClause_List, edge.IfStmt_Cond, edge.ForStmt_Cond:
				return true
			}
		}
	}
	return false
}

// renameChecked reports whether the block of the node at p, an os.Rename
// call or its assignment, ends in `if err != nil` on the rename's result:
// its true branch (Succs[0]) is the failure path, which still needs
// cleanup, and its false branch the hand-off.
func (c *checker) renameChecked(p flow.Point, rename *ast.CallExpr) bool {
	cond, _, _, ok := flow.Cond(p.Block)
	if !ok {
		return false
	}
	switch n := p.Node().(type) {
	case *ast.AssignStmt: // err := os.Rename(...); if err != nil
		if len(n.Lhs) != 1 || len(n.Rhs) != 1 || ast.Unparen(n.Rhs[0]) != rename {
			return false
		}
		id, ok := n.Lhs[0].(*ast.Ident)
		return ok && c.errNonNil(cond, c.varOf(id))
	case ast.Expr: // if os.Rename(...) != nil
		be, ok := ast.Unparen(n).(*ast.BinaryExpr)
		return ok && n == cond && be.Op == token.NEQ &&
			(ast.Unparen(be.X) == rename && c.isNil(be.Y) || ast.Unparen(be.Y) == rename && c.isNil(be.X))
	}
	return false
}

func (c *checker) isNil(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	return ok && tv.IsNil()
}

// leakFix adds the `defer os.Remove...` fix to fd where it is safe.
func (c *checker) leakFix(fd *finding, fnCur, stmtCur inspector.Cursor, hid *ast.Ident, v, errVar *types.Var, isDir bool) {
	at, ok := c.afterCheck(fd, fnCur, stmtCur, hid, v, errVar, isDir)
	if !ok {
		return
	}
	text := fmt.Sprintf("defer %s.RemoveAll(%s)", at.os, hid.Name)
	if !isDir {
		text = fmt.Sprintf("defer %s.Remove(%s.Name())", at.os, hid.Name)
		if !c.closes(v) || c.openAtExit(fnCur, stmtCur.Node().(*ast.AssignStmt).Rhs[0], stmtCur.Node(), v, errVar) {
			// Nothing closes the file on some path: close it first
			// (Windows cannot remove an open file; tempreopen would
			// report the deferred removal).
			text = fmt.Sprintf("defer func() {\n%[3]s\t%[2]s.Close()\n%[3]s\t%[1]s.Remove(%[2]s.Name())\n%[3]s}()", at.os, hid.Name, at.indent)
		}
	}
	fd.fixMsg = "Add " + text
	fd.edits = append(at.edits, analysis.TextEdit{Pos: at.pos, End: at.pos, NewText: []byte("\n" + at.indent + text)})
}

// failureFix adds, for an object that the function returns on some paths
// only, a deferred removal that runs when the function does not hand it
// over. With a named error result, and every return that hands it over
// returning a nil error (the constant), the removal is guarded by that
// result:
//
//	defer func() {
//		if err != nil {
//			f.Close()
//			os.Remove(f.Name())
//		}
//	}()
//
// Otherwise by a success flag, declared false with the defer and set just
// before each return that hands the object over (each alone on its line
// in a statement list).
func (c *checker) failureFix(fd *finding, fnCur, stmtCur inspector.Cursor, hid *ast.Ident, v, errVar *types.Var, isDir bool, rets []*ast.ReturnStmt) {
	at, ok := c.afterCheck(fd, fnCur, stmtCur, hid, v, errVar, isDir)
	if !ok {
		return
	}
	body := fmt.Sprintf("%s.RemoveAll(%s)", at.os, hid.Name)
	if !isDir {
		body = fmt.Sprintf("%[2]s.Close()\n%[3]s\t\t%[1]s.Remove(%[2]s.Name())", at.os, hid.Name, at.indent)
	}
	what := "file"
	if isDir {
		what = "directory"
	}
	if res := c.namedErr(fnCur, rets, at.pos); res != "" {
		text := fmt.Sprintf("defer func() {\n%[1]s\tif %[2]s != nil {\n%[1]s\t\t%[3]s\n%[1]s\t}\n%[1]s}()", at.indent, res, body)
		fd.fixMsg = fmt.Sprintf("Remove the %s when the function returns an error", what)
		fd.edits = append(at.edits, analysis.TextEdit{Pos: at.pos, End: at.pos, NewText: []byte("\n" + at.indent + text)})
		return
	}
	flag := c.freeName(at.pos, rets, "keep", "keepTemp", "handedOver")
	if flag == "" {
		return
	}
	edits := at.edits
	for _, r := range rets {
		rc, ok := fnCur.FindNode(r)
		if !ok {
			return
		}
		switch ek, _ := rc.ParentEdge(); ek {
		case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
		default:
			return
		}
		ind, ok := c.indentOf(r.Pos())
		if !ok {
			return
		}
		edits = append(edits, analysis.TextEdit{Pos: r.Pos(), End: r.Pos(), NewText: []byte(flag + " = true\n" + ind)})
	}
	text := fmt.Sprintf("%[2]s := false\n%[1]sdefer func() {\n%[1]s\tif !%[2]s {\n%[1]s\t\t%[3]s\n%[1]s\t}\n%[1]s}()", at.indent, flag, body)
	fd.fixMsg = fmt.Sprintf("Remove the %s unless the function hands it over", what)
	fd.edits = append(edits, analysis.TextEdit{Pos: at.pos, End: at.pos, NewText: []byte("\n" + at.indent + text)})
}

// namedErr returns the name of fn's named error result, if it is its last
// result, visible at pos, and every return of rets returns the constant
// nil as that result; else "".
func (c *checker) namedErr(fnCur inspector.Cursor, rets []*ast.ReturnStmt, pos token.Pos) string {
	var ft *ast.FuncType
	switch fn := fnCur.Node().(type) {
	case *ast.FuncDecl:
		ft = fn.Type
	case *ast.FuncLit:
		ft = fn.Type
	}
	if ft == nil || ft.Results == nil || len(ft.Results.List) == 0 {
		return ""
	}
	last := ft.Results.List[len(ft.Results.List)-1]
	if len(last.Names) == 0 {
		return ""
	}
	rid := last.Names[len(last.Names)-1]
	res, _ := c.info.Defs[rid].(*types.Var)
	if res == nil || rid.Name == "_" || !types.Identical(res.Type(), types.Universe.Lookup("error").Type()) {
		return ""
	}
	nres := 0
	for _, f := range ft.Results.List {
		nres += len(f.Names)
	}
	for _, r := range rets {
		if len(r.Results) != nres || !c.isNil(r.Results[nres-1]) {
			return ""
		}
	}
	if sc := c.pass.Pkg.Scope().Innermost(pos); sc == nil {
		return ""
	} else if _, obj := sc.LookupParent(rid.Name, pos); obj != res {
		return "" // the named result is shadowed there
	}
	return rid.Name
}

// freeName returns the first of names that nothing declares where a fix
// declares it (at) or uses it (before each return of rets), or "" (also
// when a return is outside the scope of the declaration).
func (c *checker) freeName(at token.Pos, rets []*ast.ReturnStmt, names ...string) string {
	decl := c.pass.Pkg.Scope().Innermost(at)
	if decl == nil {
		return ""
	}
	for _, r := range rets {
		if !decl.Contains(r.Pos()) {
			return ""
		}
	}
	free := func(name string, pos token.Pos) bool {
		sc := c.pass.Pkg.Scope().Innermost(pos)
		if sc == nil {
			return false
		}
		_, obj := sc.LookupParent(name, pos)
		return obj == nil
	}
next:
	for _, name := range names {
		if !free(name, at) {
			continue
		}
		for _, r := range rets {
			if !free(name, r.Pos()) {
				continue next
			}
		}
		return name
	}
	return ""
}

// insertion is where a fix inserts a deferred cleanup after a creation.
type insertion struct {
	pos    token.Pos
	indent string
	os     string // the name of package os in the file
	edits  []analysis.TextEdit
}

// afterCheck returns where a deferred cleanup of the object goes: after
// the `if err != nil { return ... }` that follows the creation (or after
// the creation of a directory whose error is ignored), at the end of that
// line; ok is false where a defer would be wrong or unsafe.
func (c *checker) afterCheck(fd *finding, fnCur, stmtCur inspector.Cursor, hid *ast.Ident, v, errVar *types.Var, isDir bool) (insertion, bool) {
	as, ok := stmtCur.Node().(*ast.AssignStmt)
	if !ok || fd.file == nil {
		return insertion{}, false
	}
	switch ek, _ := stmtCur.ParentEdge(); ek {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
	default:
		return insertion{}, false
	}
	for e := range stmtCur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if e == fnCur {
			break
		}
		switch e.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return insertion{}, false // a defer in a loop would hold every file until the function returns
		}
	}
	// A defer that uses the file registered before the creation would run
	// after the new defer: Remove before Close. No fix then.
	for _, u := range c.m.UsesOf(v) {
		if u.Node().Pos() >= as.Pos() {
			continue
		}
		for anc := u; anc.Valid() && anc != fnCur; anc = anc.Parent() {
			if _, ok := anc.Node().(*ast.DeferStmt); ok {
				return insertion{}, false
			}
		}
	}
	insertAt := as.End()
	if errVar != nil {
		next, ok := stmtCur.NextSibling()
		if !ok {
			return insertion{}, false
		}
		ifs, ok := next.Node().(*ast.IfStmt)
		if !ok || ifs.Init != nil || ifs.Else != nil || !c.errNonNil(ifs.Cond, errVar) || !c.terminates(ifs.Body) {
			return insertion{}, false
		}
		insertAt = ifs.End()
	} else if !isDir {
		return insertion{}, false // f would be nil if the creation failed
	}
	if sc := c.pass.Pkg.Scope().Innermost(insertAt); sc != nil {
		if _, obj := sc.LookupParent(hid.Name, insertAt); obj != v {
			return insertion{}, false
		}
	}
	osName, edits := c.m.ImportName(fd.file, insertAt, "os", "os")
	if osName == "" {
		return insertion{}, false
	}
	indent, ok := c.indentOf(as.Pos())
	if !ok {
		return insertion{}, false
	}
	// Insert at the end of the line, after any trailing comment.
	tf, data, ok := c.content(insertAt)
	if !ok {
		return insertion{}, false
	}
	off := tf.Offset(insertAt)
	end := off
	for end < len(data) && data[end] != '\n' {
		end++
	}
	if rest := strings.TrimSpace(string(data[off:end])); rest != "" && !strings.HasPrefix(rest, "//") {
		return insertion{}, false
	}
	return insertion{pos: tf.Pos(end), indent: indent, os: osName, edits: edits}, true
}

// terminates reports whether a block ends in a statement that leaves it.
func (c *checker) terminates(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			return !c.m.MayReturn(call)
		}
	}
	return false
}

func (c *checker) content(pos token.Pos) (*token.File, []byte, bool) {
	tf := c.pass.Fset.File(pos)
	if tf == nil {
		return nil, nil, false
	}
	data, err := c.pass.ReadFile(tf.Name())
	if err != nil || len(data) != tf.Size() {
		return nil, nil, false
	}
	return tf, data, true
}

// indentOf returns the leading white space of the line of pos.
func (c *checker) indentOf(pos token.Pos) (string, bool) {
	tf, data, ok := c.content(pos)
	if !ok {
		return "", false
	}
	off := tf.Offset(pos)
	start := off
	for start > 0 && data[start-1] != '\n' {
		start--
	}
	ind := data[start:off]
	if strings.Trim(string(ind), " \t") != "" {
		return "", false
	}
	return string(ind), true
}

// deleteStmt returns the edit that deletes the whole lines of n, if n is
// alone on them.
func (c *checker) deleteStmt(n ast.Node) (analysis.TextEdit, bool) {
	tf, data, ok := c.content(n.Pos())
	if !ok {
		return analysis.TextEdit{}, false
	}
	start, end := tf.Offset(n.Pos()), tf.Offset(n.End())
	for start > 0 && (data[start-1] == ' ' || data[start-1] == '\t') {
		start--
	}
	if start > 0 && data[start-1] != '\n' {
		return analysis.TextEdit{}, false
	}
	for end < len(data) && (data[end] == ' ' || data[end] == '\t' || data[end] == '\r') {
		end++
	}
	if end < len(data) {
		if data[end] != '\n' {
			return analysis.TextEdit{}, false
		}
		end++
	}
	return analysis.TextEdit{Pos: tf.Pos(start), End: tf.Pos(end)}, true
}

// testingVar returns the *testing.T, *testing.B, *testing.F or testing.TB
// parameter of the innermost enclosing function that has one, if it is in
// scope at pos.
func (c *checker) testingVar(cur inspector.Cursor, pos token.Pos) *types.Var {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ft *ast.FuncType
		switch n := e.Node().(type) {
		case *ast.FuncDecl:
			ft = n.Type
		case *ast.FuncLit:
			ft = n.Type
		}
		if ft == nil || ft.Params == nil {
			continue
		}
		for _, field := range ft.Params.List {
			for _, name := range field.Names {
				v, _ := c.info.Defs[name].(*types.Var)
				if v == nil || name.Name == "_" || !isTestingTB(v.Type()) {
					continue
				}
				if sc := c.pass.Pkg.Scope().Innermost(pos); sc != nil {
					if _, obj := sc.LookupParent(v.Name(), pos); obj == v {
						return v
					}
				}
				return nil
			}
		}
	}
	return nil
}

func isTestingTB(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "testing" {
		return false
	}
	switch n.Obj().Name() {
	case "T", "B", "F", "TB":
		return true
	}
	return false
}

// isOSTempDirCall reports whether e is a call of os.TempDir().
func (c *checker) isOSTempDirCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	_, f := tempmodel.Callee(c.info, call)
	return f.Is("os", "TempDir")
}

// sharedTempArg reports whether the dir argument of a creation is the
// shared temp dir: "" or os.TempDir().
func (c *checker) sharedTempArg(e ast.Expr) bool {
	if s, ok := c.m.ConstString(e); ok && s == "" {
		return true
	}
	if c.isOSTempDirCall(e) {
		return true
	}
	p := c.m.Prov(e)
	return p.Loc == tempmodel.LocShared && p.Name == tempmodel.NameNone && p.Origin == tempmodel.OriginOSTempDir
}

// directShared reports whether the dir argument can be replaced as is.
func (c *checker) directShared(e ast.Expr) bool {
	if lit, ok := ast.Unparen(e).(*ast.BasicLit); ok && lit.Kind == token.STRING {
		s, err := strconv.Unquote(lit.Value)
		return err == nil && s == ""
	}
	return c.isOSTempDirCall(e)
}

// reportTestFile reports os.CreateTemp("", ...) in a test.
func (c *checker) reportTestFile(cur, fnCur inspector.Cursor, call *ast.CallExpr, f tempmodel.Func, tv *types.Var) {
	fd := &finding{
		file: c.m.File(call.Pos()),
		diag: analysis.Diagnostic{
			Pos: call.Pos(),
			End: call.End(),
			Message: fmt.Sprintf("%s in the shared temp dir in a test: use %s(%s.TempDir(), ...), which the testing package removes after the test",
				f, f, tv.Name()),
		},
	}
	c.pending = append(c.pending, fd)
	dir := c.dirOf(call)
	if !c.directShared(dir) {
		return
	}
	edits := []analysis.TextEdit{{Pos: dir.Pos(), End: dir.End(), NewText: []byte(tv.Name() + ".TempDir()")}}
	msg := fmt.Sprintf("Create the file in %s.TempDir()", tv.Name())
	// Under t.TempDir() a file still open when the test returns makes
	// its cleanup fail on Windows (tempreopen reports it): the fix closes
	// the file too, or is not offered.
	if close, ok := c.closeForTempDir(cur, fnCur, call, fd); !ok {
		return
	} else if close != nil {
		edits = append(edits, *close)
		msg += " and close it"
	}
	fd.fixMsg = msg
	fd.edits = edits
	fd.removed = [][2]token.Pos{{dir.Pos(), dir.End()}}
}

// checkTestTempDirBase reports files a test creates under os.TempDir().
func (c *checker) checkTestTempDirBase(cur inspector.Cursor, call *ast.CallExpr) {
	_, f := tempmodel.Callee(c.info, call)
	cp, ok := tempmodel.Creators[f]
	if !ok || cp.PathArg >= len(call.Args) {
		return
	}
	tv := c.testingVar(cur, call.Pos())
	if tv == nil {
		return
	}
	arg := call.Args[cp.PathArg]
	p := c.m.Prov(arg)
	if p.Loc != tempmodel.LocShared || p.Origin != tempmodel.OriginOSTempDir || p.Name == tempmodel.NameNone {
		return
	}
	what := "a file"
	if cp.Dir {
		what = "a directory"
	}
	fd := &finding{
		file: c.m.File(call.Pos()),
		diag: analysis.Diagnostic{
			Pos:     call.Pos(),
			End:     call.End(),
			Message: fmt.Sprintf("test creates %s under os.TempDir(): build the path on %s.TempDir(), which is private to the test and removed after it", what, tv.Name()),
		},
	}
	// The fix replaces os.TempDir() in the prefix position of the path.
	var base ast.Expr
	switch x := ast.Unparen(arg).(type) {
	case *ast.CallExpr:
		if _, jf := tempmodel.Callee(c.info, x); (jf.Is("path/filepath", "Join") || jf.Is("path", "Join")) && len(x.Args) > 1 && x.Ellipsis == token.NoPos {
			base = x.Args[0]
		}
	case *ast.BinaryExpr:
		for x.Op == token.ADD {
			if l, ok := ast.Unparen(x.X).(*ast.BinaryExpr); ok {
				x = l
				continue
			}
			base = x.X
			break
		}
	}
	if base != nil && c.isOSTempDirCall(base) {
		fd.fixMsg = fmt.Sprintf("Use %s.TempDir()", tv.Name())
		fd.edits = []analysis.TextEdit{{Pos: base.Pos(), End: base.End(), NewText: []byte(tv.Name() + ".TempDir()")}}
		fd.removed = [][2]token.Pos{{base.Pos(), base.End()}}
	}
	c.pending = append(c.pending, fd)
}

// reportTestDir reports os.MkdirTemp in a test, with the t.TempDir() fix.
func (c *checker) reportTestDir(cur inspector.Cursor, call *ast.CallExpr, f tempmodel.Func, tv *types.Var, fn ast.Node) {
	fd := &finding{
		file: c.m.File(call.Pos()),
		diag: analysis.Diagnostic{
			Pos:     call.Pos(),
			End:     call.End(),
			Message: fmt.Sprintf("%s in a test: use %s.TempDir(), which the testing package removes after the test", f, tv.Name()),
		},
	}
	c.pending = append(c.pending, fd)
	if !c.directShared(c.dirOf(call)) {
		return
	}
	ek, _ := cur.ParentEdge()
	if ek != edge.AssignStmt_Rhs {
		return
	}
	stmtCur := cur.Parent()
	as := stmtCur.Node().(*ast.AssignStmt)
	if len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return
	}
	switch sk, _ := stmtCur.ParentEdge(); sk {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
	default:
		return
	}
	did, ok := as.Lhs[0].(*ast.Ident)
	eid, ok2 := as.Lhs[1].(*ast.Ident)
	if !ok || !ok2 || did.Name == "_" {
		return
	}
	dirVar := c.varOf(did)
	if dirVar == nil {
		return
	}
	tok := "="
	if as.Tok == token.DEFINE && c.info.Defs[did] != nil {
		tok = ":="
	} else if as.Tok != token.DEFINE && as.Tok != token.ASSIGN {
		return
	}
	edits := []analysis.TextEdit{{Pos: as.Pos(), End: as.End(), NewText: []byte(fmt.Sprintf("%s %s %s.TempDir()", did.Name, tok, tv.Name()))}}
	removed := [][2]token.Pos{{as.Pos(), as.End()}}
	inRemoved := func(p token.Pos) bool {
		for _, r := range removed {
			if r[0] <= p && p < r[1] {
				return true
			}
		}
		return false
	}
	if eid.Name != "_" {
		errVar := c.varOf(eid)
		if errVar == nil {
			return
		}
		if next, ok := stmtCur.NextSibling(); ok && c.isErrCheck(next.Node(), errVar) {
			e, ok := c.deleteStmt(next.Node())
			if !ok {
				return
			}
			edits = append(edits, e)
			removed = append(removed, [2]token.Pos{next.Node().Pos(), next.Node().End()})
		}
		if as.Tok == token.DEFINE && c.info.Defs[eid] != nil {
			for _, u := range c.m.UsesOf(errVar) {
				if !inRemoved(u.Node().Pos()) {
					// err is used later: keep it declared.
					indent, ok := c.indentOf(as.Pos())
					if !ok {
						return
					}
					edits[0].NewText = append(edits[0].NewText, []byte("\n"+indent+"var "+eid.Name+" error")...)
					fd.keepsErr = errVar
					break
				}
			}
		}
	}
	// Drop `defer os.RemoveAll(dir)` and `t.Cleanup(func() { os.RemoveAll(dir) })`.
	for _, u := range c.m.UsesOf(dirVar) {
		if u.Node().Pos() < fn.Pos() || u.Node().Pos() >= fn.End() {
			continue
		}
		if stmt := c.removalStmt(u, fn); stmt != nil && !inRemoved(stmt.Pos()) {
			if e, ok := c.deleteStmt(stmt); ok {
				edits = append(edits, e)
				removed = append(removed, [2]token.Pos{stmt.Pos(), stmt.End()})
			}
		}
	}
	// The dir must still be used once its removal is gone, or the fixed
	// code would not compile (declared and not used).
	used := false
	for _, u := range c.m.UsesOf(dirVar) {
		if !inRemoved(u.Node().Pos()) {
			used = true
			break
		}
	}
	if !used {
		return
	}
	fd.fixMsg = fmt.Sprintf("Use %s.TempDir()", tv.Name())
	fd.edits = edits
	fd.removed = removed
}

// isErrCheck reports whether n is `if err != nil { ... }` (no init, no
// else) or a call statement that can do nothing but examine err: a
// function outside the standard library (a helper of the program, an
// assertion library's require.NoError) called with err, the test's
// testing.TB values and constants only, whose results are unused. With
// the MkdirTemp gone, err is nil there.
func (c *checker) isErrCheck(n ast.Node, errVar *types.Var) bool {
	switch n := n.(type) {
	case *ast.IfStmt:
		return n.Init == nil && n.Else == nil && c.errNonNil(n.Cond, errVar)
	case *ast.ExprStmt:
		call, ok := ast.Unparen(n.X).(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() {
			return false
		}
		switch fun := ast.Unparen(call.Fun).(type) {
		case *ast.Ident:
		case *ast.SelectorExpr:
			if _, ok := ast.Unparen(fun.X).(*ast.Ident); !ok {
				return false // the receiver expression may do more
			}
		default:
			return false
		}
		fn, _ := tempmodel.Callee(c.info, call)
		if fn == nil || fn.Pkg() == nil || c.m.InStd(fn.Pkg()) {
			return false
		}
		found := false
		for _, a := range call.Args {
			if tv, ok := c.info.Types[a]; ok && tv.Value != nil {
				continue
			}
			id, ok := ast.Unparen(a).(*ast.Ident)
			if !ok {
				return false
			}
			switch obj := c.info.Uses[id]; {
			case obj == errVar:
				found = true
			case obj != nil && isTestingTB(obj.Type()):
			default:
				return false
			}
		}
		return found
	}
	return false
}

// removalStmt returns the statement to drop for a use u of a test's temp
// dir in `defer os.RemoveAll(dir)`, `defer func() { os.RemoveAll(dir) }()`
// or `t.Cleanup(func() { os.RemoveAll(dir) })`, else nil.
func (c *checker) removalStmt(u inspector.Cursor, fn ast.Node) ast.Node {
	ek, idx := u.ParentEdge()
	if ek != edge.CallExpr_Args || idx != 0 {
		return nil
	}
	callCur := u.Parent()
	call := callCur.Node().(*ast.CallExpr)
	if a, ok := fileapi.CallAPI(c.info, call); !ok || !a.Ops.Has(fileapi.OpRemove) || a.InRoot || a.Path != 0 || len(call.Args) != 1 {
		return nil
	}
	sk, _ := callCur.ParentEdge()
	stmtCur := callCur.Parent()
	switch sk {
	case edge.DeferStmt_Call:
		return stmtCur.Node()
	case edge.ExprStmt_X:
	case edge.AssignStmt_Rhs:
		as := stmtCur.Node().(*ast.AssignStmt)
		if len(as.Lhs) != 1 {
			return nil
		}
		if id, ok := as.Lhs[0].(*ast.Ident); !ok || id.Name != "_" {
			return nil
		}
	default:
		return nil
	}
	// A statement alone in the body of a deferred or Cleanup closure.
	bk, _ := stmtCur.ParentEdge()
	if bk != edge.BlockStmt_List {
		return nil
	}
	blk := stmtCur.Parent()
	if len(blk.Node().(*ast.BlockStmt).List) != 1 {
		return nil
	}
	if lk, _ := blk.ParentEdge(); lk != edge.FuncLit_Body {
		return nil
	}
	lit := blk.Parent()
	d, _ := c.m.LitRuns(lit)
	switch d {
	case tempmodel.RunsDeferred, tempmodel.RunsAtCleanup:
	default:
		return nil
	}
	// The statement holding the closure: defer ... or t.Cleanup(...).
	for s := lit.Parent(); s.Valid(); s = s.Parent() {
		if s.Node() == fn {
			return nil
		}
		switch s.Node().(type) {
		case *ast.DeferStmt, *ast.ExprStmt:
			if pk, _ := s.ParentEdge(); pk == edge.BlockStmt_List {
				return s.Node()
			}
			return nil
		}
	}
	return nil
}

// finish decides the import edits of the held-back fixes and reports.
func (c *checker) finish() {
	byFile := map[*ast.File][]*finding{}
	for _, fd := range c.pending {
		if fd.file != nil && len(fd.removed) > 0 && len(fd.edits) > 0 {
			byFile[fd.file] = append(byFile[fd.file], fd)
		}
	}
	for file, fds := range byFile {
		c.dropErrConflicts(fds)
		c.fixImports(file, fds)
	}
	for _, fd := range c.pending {
		if len(fd.edits) > 0 {
			fd.diag.SuggestedFixes = []analysis.SuggestedFix{{Message: fd.fixMsg, TextEdits: fd.edits}}
		}
		c.m.Report(c.pass, fd.diag)
	}
}

// fixImports deletes the imports that the fixes of a file leave unused,
// or drops fixes whose combination would need more care.
func (c *checker) fixImports(file *ast.File, fds []*finding) {
	in := func(p token.Pos, fd *finding) bool {
		for _, r := range fd.removed {
			if r[0] <= p && p < r[1] {
				return true
			}
		}
		return false
	}
	for _, spec := range file.Imports {
		var pn *types.PkgName
		if spec.Name != nil {
			pn, _ = c.info.Defs[spec.Name].(*types.PkgName)
		} else {
			pn, _ = c.info.Implicits[spec].(*types.PkgName)
		}
		if pn == nil {
			continue
		}
		remaining := 0
		var touching []*finding
		seen := map[*finding]bool{}
		ast.Inspect(file, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || c.info.Uses[id] != pn {
				return true
			}
			hit := false
			for _, fd := range fds {
				if len(fd.edits) > 0 && in(id.Pos(), fd) {
					hit = true
					if !seen[fd] {
						seen[fd] = true
						touching = append(touching, fd)
					}
				}
			}
			if !hit {
				remaining++
			}
			return true
		})
		if remaining > 0 || len(touching) == 0 {
			continue
		}
		if len(touching) > 1 {
			// Fixed together, they would orphan the import; fixed one by
			// one, none may delete it. Leave one finding unfixed so the
			// import stays used; the next run fixes it and deletes it.
			touching[len(touching)-1].edits = nil
			continue
		}
		fd := touching[0]
		del, ok := c.deleteImport(file, spec)
		if !ok {
			fd.edits = nil
			continue
		}
		fd.edits = append(fd.edits, del)
	}
}

// deleteImport returns the edit that deletes an import spec.
func (c *checker) deleteImport(file *ast.File, spec *ast.ImportSpec) (analysis.TextEdit, bool) {
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, s := range gd.Specs {
			if s != spec {
				continue
			}
			if !gd.Lparen.IsValid() {
				return c.deleteStmt(gd)
			}
			if spec.Doc != nil || spec.Comment != nil {
				return analysis.TextEdit{}, false
			}
			return c.deleteStmt(spec)
		}
	}
	return analysis.TextEdit{}, false
}

// removalByChoice reports whether a removal sits in a branch that the
// program takes by choice, not on error: `if !keep { defer os.RemoveAll(dir) }`.
// Keeping the object on the other branch is then deliberate.
func (c *checker) removalByChoice(fn ast.Node, events []tempmodel.Removal) bool {
	for _, ev := range events {
		for anc := ev.Call; anc.Valid() && anc.Node() != fn; anc = anc.Parent() {
			ek, _ := anc.ParentEdge()
			if ek == edge.CaseClause_Body {
				cc := anc.Parent().Node().(*ast.CaseClause)
				sw, ok := anc.Parent().Parent().Parent().Node().(*ast.SwitchStmt)
				if !ok || sw.Tag != nil && c.mentionsError(sw.Tag) || sw.Init != nil && c.mentionsError(sw.Init) {
					break
				}
				errCase := false
				for _, x := range cc.List {
					errCase = errCase || c.mentionsError(x)
				}
				if errCase || len(cc.Body) > 0 && c.terminates(&ast.BlockStmt{List: cc.Body}) {
					break
				}
				return true
			}
			if ek != edge.IfStmt_Body && ek != edge.IfStmt_Else {
				continue
			}
			ifs := anc.Parent().Node().(*ast.IfStmt)
			if c.mentionsError(ifs.Cond) || ifs.Init != nil && c.mentionsError(ifs.Init) {
				break
			}
			if blk, ok := anc.Node().(*ast.BlockStmt); ok && c.terminates(blk) {
				break
			}
			return true
		}
	}
	return false
}

// mentionsError reports whether n contains an expression of type error.
func (c *checker) mentionsError(n ast.Node) bool {
	errType := types.Universe.Lookup("error").Type()
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		if e, ok := n.(ast.Expr); ok {
			if t := c.info.TypeOf(e); t != nil && types.Identical(t, errType) {
				found = true
			}
		}
		return true
	})
	return found
}

// deferredBefore reports whether a deferred removal (defer or t.Cleanup)
// is registered before the creation, in a block that contains it, so that
// it is registered on every path that reaches the creation.
func (c *checker) deferredBefore(call *ast.CallExpr, events []tempmodel.Removal) bool {
	for _, ev := range events {
		if ev.Anchor >= call.Pos() {
			continue
		}
		for anc := ev.Call; anc.Valid(); anc = anc.Parent() {
			if anc.Node().Pos() != ev.Anchor {
				continue
			}
			stmt := anc
			if _, ok := stmt.Node().(*ast.CallExpr); ok { // t.Cleanup(...)
				if ek, _ := stmt.ParentEdge(); ek != edge.ExprStmt_X {
					break
				}
				stmt = stmt.Parent()
			} else if _, ok := stmt.Node().(*ast.DeferStmt); !ok {
				break
			}
			if ek, _ := stmt.ParentEdge(); ek != edge.BlockStmt_List {
				break
			}
			blk := stmt.Parent().Node()
			if blk.Pos() <= call.Pos() && call.End() <= blk.End() {
				return true
			}
			break
		}
	}
	return false
}

// sharedResult reports whether the result of a creation is stored in a
// package-level variable or a field (a fixture shared beyond one test, for
// which t.TempDir() would be wrong).
func (c *checker) sharedResult(cur inspector.Cursor) bool {
	ek, _ := cur.ParentEdge()
	for ek == edge.ParenExpr_X {
		cur = cur.Parent()
		ek, _ = cur.ParentEdge()
	}
	var lhs ast.Expr
	switch ek {
	case edge.AssignStmt_Rhs:
		as := cur.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) == 0 {
			return false
		}
		lhs = as.Lhs[0]
	case edge.ValueSpec_Values:
		vs := cur.Parent().Node().(*ast.ValueSpec)
		if len(vs.Names) == 0 {
			return false
		}
		lhs = vs.Names[0]
	default:
		return false
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return true // a field, an element, a pointer target
	}
	v := c.varOf(id)
	return v != nil && v.Parent() == c.pass.Pkg.Scope()
}

// closes reports whether the function calls (*os.File).Close on v
// (directly or deferred) anywhere.
func (c *checker) closes(v *types.Var) bool {
	for _, u := range c.m.UsesOf(v) {
		if ek, _ := u.ParentEdge(); ek != edge.SelectorExpr_X {
			continue
		}
		if ek, _ := u.Parent().ParentEdge(); ek != edge.CallExpr_Fun {
			continue
		}
		if _, f := tempmodel.Callee(c.info, u.Parent().Parent().Node().(*ast.CallExpr)); f.IsMethod("os", "File", "Close") {
			return true
		}
	}
	return false
}

// dropErrConflicts drops a fix that keeps `var err error` when every later
// use of err is deleted by other fixes of the file: applied together they
// would leave err declared and not used.
func (c *checker) dropErrConflicts(fds []*finding) {
	in := func(p token.Pos, fd *finding) bool {
		for _, r := range fd.removed {
			if r[0] <= p && p < r[1] {
				return true
			}
		}
		return false
	}
	for _, fd := range fds {
		if fd.keepsErr == nil {
			continue
		}
		survives := false
		for _, u := range c.m.UsesOf(fd.keepsErr) {
			p := u.Node().Pos()
			if in(p, fd) {
				continue
			}
			other := false
			for _, o := range fds {
				if o != fd && len(o.edits) > 0 && in(p, o) {
					other = true
					break
				}
			}
			if !other {
				survives = true
				break
			}
		}
		if !survives {
			fd.edits = nil
		}
	}
}

// needsSharedDir reports whether a test's temp object belongs in the
// shared temp dir, by what the function does: it uses a unix socket (a
// net call with a "unix" network, a socket(2) call in AF_UNIX, a unix
// socket address: t.TempDir() paths, which contain the test's name, are
// often too long for the 104/108-byte socket path), or it is about the
// temp dir itself (it reads or sets $TMPDIR, $TMP or $TEMP, or calls
// os.TempDir() other than in a message).
func (c *checker) needsSharedDir(fn ast.Node, call *ast.CallExpr) bool {
	found := false
	message := map[ast.Node]bool{} // arguments of t.Errorf, fmt.Sprintf, log.Printf...
	ast.Inspect(fn, func(n ast.Node) bool {
		if found {
			return false
		}
		if e, ok := n.(ast.Expr); ok {
			if t := c.info.TypeOf(e); t != nil && fileapi.IsUnixSocketType(t) {
				found = true
				return false
			}
		}
		cl, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		callee, f := tempmodel.Callee(c.info, cl)
		if sig, ok := c.info.TypeOf(cl.Fun).(*types.Signature); ok && callee != nil && c.m.InStd(callee.Pkg()) {
			// Arguments formatted into a message: passed as an interface
			// value (t.Logf, fmt.Errorf, log.Printf take ...any).
			for i, a := range cl.Args {
				if pt := paramType(sig, i); pt != nil && types.IsInterface(pt) {
					message[ast.Unparen(a)] = true
				}
			}
		}
		switch {
		case isUnixSocket(c.info, cl):
			found = true
		case isEnv(f) && len(cl.Args) > envKey(f):
			if k, ok := c.m.ConstString(cl.Args[envKey(f)]); ok && (k == "TMPDIR" || k == "TMP" || k == "TEMP") {
				found = true
			}
		case cl != c.dirOf(call) && !message[cl] && c.isOSTempDirCall(cl):
			found = true // the test looks in os.TempDir(): the object must be there
		}
		return !found
	})
	return found
}

// paramType returns the type of the parameter that argument i of a call
// of sig is passed to (the element type for the variadic tail).
func paramType(sig *types.Signature, i int) types.Type {
	n := sig.Params().Len()
	switch {
	case i < n-1 || i < n && !sig.Variadic():
		return sig.Params().At(i).Type()
	case sig.Variadic() && n > 0:
		if sl, ok := sig.Params().At(n - 1).Type().(*types.Slice); ok {
			return sl.Elem()
		}
	}
	return nil
}

// isUnixSocket reports whether call opens, dials, listens on or resolves a
// Unix socket (fileapi.UnixSocket).
func isUnixSocket(info *types.Info, call *ast.CallExpr) bool {
	_, ok := fileapi.UnixSocket(info, call)
	return ok
}

func isEnv(f tempmodel.Func) bool { _, ok := fileapi.Env(f); return ok }

func envKey(f tempmodel.Func) int { e, _ := fileapi.Env(f); return e.Key }
