package checkthenopen

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// suggest returns a fix for the common shapes, or nil where no rewrite
// is safe.
func (s *fnState) suggest(u *use, g *guard) *analysis.SuggestedFix {
	if g.option {
		return nil // the option lets the use run on an existing path
	}
	// os.X(p, ...) or, in an *os.Root, root.X(name, ...): the same
	// rewrites.
	is := func(name string) bool { return u.f.Is("os", name) || u.f.IsMethod("os", "Root", name) }
	switch {
	case g.f.out == outMissing && is("Create"):
		if fix := s.fixCreateIf(u, g); fix != nil {
			return fix
		}
		return s.fixCreateCall(u)
	case g.f.out == outMissing && is("OpenFile") && g.arg.class == useCreate:
		return s.fixOpenFileExcl(u)
	case g.f.out == outMissing && is("MkdirAll"):
		if s.m.Prov(g.arg.expr).Loc == tempmodel.LocShared {
			return nil // dropping the check leaves the real problem: use os.MkdirTemp
		}
		return s.fixDropCheck(u, g, "Drop the racy existence check: "+u.f.String()+" succeeds if the directory exists")
	case g.f.out == outMissing && is("Mkdir") && g.arg.class == useMkdir:
		if s.m.Prov(g.arg.expr).Loc == tempmodel.LocShared {
			return nil
		}
		return s.fixDropCheck(u, g, "Drop the racy existence check and call "+u.f.String()+" alone")
	case g.f.out == outPresent && (is("Remove") || is("RemoveAll")) && g.arg.class == useRemove:
		return s.fixDropCheck(u, g, "Drop the racy existence check and call "+u.f.String()+" alone")
	case g.f.out == outSymlink && u.f.Is("os", "Open"):
		return s.fixSameFile(u, g)
	case g.f.out == outSymlink && u.f.Is("os", "OpenFile") && len(u.call.Args) >= 2:
		// Verifying after the open is too late when the open itself
		// truncates or creates through the swapped-in symlink.
		fn, _ := tempmodel.Callee(s.pass.TypesInfo, u.call)
		if _, may, ok := s.m.FlagSets(u.call.Args[1], fn); !ok || may.Has(fileapi.FlagCreate) || may.Has(fileapi.FlagTrunc) {
			return nil
		}
		return s.fixSameFile(u, g)
	}
	return nil
}

const exclFlags = "%s.O_RDWR|%s.O_CREATE|%s.O_EXCL"

// callNames returns, for a use at pos of file, the text that qualifies its
// replacement call (the os package name, or the root expression of an
// *os.Root method) and the name of package os for the flags, with the
// edits that import os if the file lacks it; "" when unsafe.
func (s *fnState) callNames(u *use, file *ast.File, pos token.Pos) (recv, osName string, edits []analysis.TextEdit) {
	if u.root == nil {
		osName = tempmodel.Qualifier(u.call)
		return osName, osName, nil
	}
	switch ast.Unparen(u.root).(type) {
	case *ast.Ident, *ast.SelectorExpr:
	default:
		return "", "", nil // a call would run twice or not at all
	}
	if file == nil {
		return "", "", nil
	}
	osName, edits = s.m.ImportName(file, pos, "os", "os")
	return s.m.Source(u.root), osName, edits
}

// fixCreateCall: os.Create(p) -> os.OpenFile(p, O_RDWR|O_CREATE|O_EXCL, 0o600)
// (root.Create(name) -> root.OpenFile(name, ...)).
func (s *fnState) fixCreateCall(u *use) *analysis.SuggestedFix {
	recv, osName, edits := s.callNames(u, s.m.File(u.call.Pos()), u.call.Pos())
	if recv == "" || osName == "" || len(u.call.Args) != 1 || u.call.Ellipsis.IsValid() {
		return nil
	}
	text := fmt.Sprintf("%s.OpenFile(%s, "+exclFlags+", 0o600)", recv, s.m.Source(u.call.Args[0]), osName, osName, osName)
	return &analysis.SuggestedFix{
		Message:   "Create the file exclusively (O_CREATE|O_EXCL, mode 0600)",
		TextEdits: append(edits, analysis.TextEdit{Pos: u.call.Pos(), End: u.call.End(), NewText: []byte(text)}),
	}
}

// fixOpenFileExcl adds O_EXCL to the flags of an os.OpenFile (or
// Root.OpenFile) that creates.
func (s *fnState) fixOpenFileExcl(u *use) *analysis.SuggestedFix {
	recv, osName, edits := s.callNames(u, s.m.File(u.call.Pos()), u.call.Pos())
	if recv == "" || osName == "" || len(u.call.Args) != 3 {
		return nil
	}
	fl := u.call.Args[1]
	text := s.m.Source(fl)
	if b, ok := ast.Unparen(fl).(*ast.BinaryExpr); ok && b.Op != token.OR {
		text = "(" + text + ")"
	}
	text += "|" + osName + ".O_EXCL"
	return &analysis.SuggestedFix{
		Message:   "Add O_EXCL so that the open fails if the file appeared after the check",
		TextEdits: append(edits, analysis.TextEdit{Pos: fl.Pos(), End: fl.End(), NewText: []byte(text)}),
	}
}

// enclosingIf returns the if statement whose Init holds the check and
// whose body directly contains the statement with the use.
func (s *fnState) ifOf(c *check) *ast.IfStmt {
	file := s.m.File(c.call.Pos())
	if file == nil {
		return nil
	}
	var out *ast.IfStmt
	ast.Inspect(file, func(n ast.Node) bool {
		if out != nil || n == nil || n.Pos() > c.call.Pos() || n.End() <= c.call.Pos() {
			return false
		}
		if is, ok := n.(*ast.IfStmt); ok {
			if c.assign != nil && is.Init == c.assign {
				out = is
				return false
			}
			if c.kind == kindHelper && is.Init == nil && is.Cond.Pos() <= c.call.Pos() && c.call.End() <= is.Cond.End() {
				out = is
				return false
			}
		}
		return true
	})
	return out
}

// missingCond reports whether cond is exactly a test, on the check's error,
// whose true branch means "missing" (or "present" if present is set).
func (s *fnState) condIs(is *ast.IfStmt, c *check, want outcome) bool {
	// A single test: no && or || that would carry other conditions.
	x := ast.Unparen(is.Cond)
	for {
		if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.NOT {
			x = ast.Unparen(u.X)
			continue
		}
		break
	}
	switch x := x.(type) {
	case *ast.CallExpr:
	case *ast.BinaryExpr:
		if x.Op != token.EQL && x.Op != token.NEQ {
			return false
		}
	default:
		return false
	}
	fs := s.facts(is.Cond, true, is.Cond.Pos(), 0)
	if len(fs) != 1 || fs[0].c != c || fs[0].out != want {
		return false
	}
	// The condition must have no effect besides the test.
	pure := true
	ast.Inspect(is.Cond, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && call != c.call {
			if _, f := tempmodel.Callee(s.pass.TypesInfo, call); f.Is("os", "IsNotExist") || f.Is("os", "IsExist") || f.Is("errors", "Is") {
				return true
			}
			pure = false
		}
		return pure
	})
	return pure
}

// fixCreateIf rewrites
//
//	if _, err := os.Stat(p); os.IsNotExist(err) { f, err := os.Create(p); REST } else { ELSE }
//
// into
//
//	if f, err := os.OpenFile(p, O_RDWR|O_CREATE|O_EXCL, 0o600); !errors.Is(err, fs.ErrExist) { REST } else { ELSE }
func (s *fnState) fixCreateIf(u *use, g *guard) *analysis.SuggestedFix {
	c := g.f.c
	if c.assign == nil || c.assign.Tok != token.DEFINE || c.errVar == nil || !tempmodel.IsBlank(c.assign.Lhs[0]) {
		return nil
	}
	is := s.ifOf(c)
	if is == nil || !s.condIs(is, c, outMissing) || len(is.Body.List) < 2 {
		return nil
	}
	as, ok := is.Body.List[0].(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 2 || len(as.Rhs) != 1 || as.Rhs[0] != u.call {
		return nil
	}
	fID, ok1 := as.Lhs[0].(*ast.Ident)
	eID, ok2 := as.Lhs[1].(*ast.Ident)
	if !ok1 || !ok2 || eID.Name == "_" {
		return nil
	}
	// The old error must not be used again, and the else branch must not
	// see the names the new header declares.
	for _, st := range is.Body.List[1:] {
		if tempmodel.Refers(s.pass.TypesInfo, st, c.errVar) {
			return nil
		}
		// x, err := g() at the top of the body would now declare a new
		// err instead of reusing the create's.
		if as, ok := st.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
			for _, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok && (id.Name == fID.Name || id.Name == eID.Name) {
					return nil
				}
			}
		}
	}
	if is.Else != nil {
		if _, ok := is.Else.(*ast.BlockStmt); !ok {
			return nil
		}
		if tempmodel.Refers(s.pass.TypesInfo, is.Else, c.errVar) || tempmodel.SpellsName(is.Else, fID.Name) || tempmodel.SpellsName(is.Else, eID.Name) {
			return nil
		}
	}
	file := s.m.File(is.Pos())
	recv, osName, osEdits := s.callNames(u, file, is.Pos())
	if file == nil || recv == "" || osName == "" || len(u.call.Args) != 1 {
		return nil
	}
	errorsName, edits := s.m.ImportName(file, is.Pos(), "errors", "errors")
	if errorsName == "" {
		return nil
	}
	edits = append(edits, osEdits...)
	sentinel := osName + ".ErrExist"
	if fsName, fsEdits := s.m.ImportName(file, is.Pos(), "io/fs", "fs"); fsName != "" {
		sentinel = fsName + ".ErrExist"
		edits = append(edits, fsEdits...)
	}
	header := fmt.Sprintf("%s, %s := %s.OpenFile(%s, "+exclFlags+", 0o600); !%s.Is(%s, %s)",
		fID.Name, eID.Name, recv, s.m.Source(u.call.Args[0]), osName, osName, osName, errorsName, eID.Name, sentinel)
	edits = append(tempmodel.MergeInserts(edits),
		analysis.TextEdit{Pos: is.Init.Pos(), End: is.Cond.End(), NewText: []byte(header)},
		analysis.TextEdit{Pos: as.Pos(), End: is.Body.List[1].Pos()},
	)
	return &analysis.SuggestedFix{
		Message:   "Create the file exclusively (O_CREATE|O_EXCL, mode 0600); fs.ErrExist takes the place of the existence check",
		TextEdits: edits,
	}
}

// fixDropCheck replaces
//
//	if _, err := os.Stat(p); os.IsNotExist(err) { os.MkdirAll(p, 0o755) }
//
// with the body's single statement, when the check has no other effect.
// For Remove/RemoveAll the body must ignore the error (a not-exist error
// then changes nothing).
func (s *fnState) fixDropCheck(u *use, g *guard, msg string) *analysis.SuggestedFix {
	c := g.f.c
	var is *ast.IfStmt
	switch {
	case c.kind == kindHelper:
		is = s.ifOf(c)
		if is == nil || is.Init != nil {
			return nil
		}
	case c.assign != nil && c.assign.Tok == token.DEFINE && c.errVar != nil && tempmodel.IsBlank(c.assign.Lhs[0]):
		is = s.ifOf(c)
	}
	if is == nil || is.Else != nil || len(is.Body.List) != 1 || !s.condIs(is, c, g.f.out) {
		return nil
	}
	st := is.Body.List[0]
	if c.errVar != nil && tempmodel.Refers(s.pass.TypesInfo, st, c.errVar) {
		return nil
	}
	switch st := st.(type) {
	case *ast.ExprStmt:
		if st.X != u.call {
			return nil
		}
	case *ast.AssignStmt:
		// err = os.MkdirAll(p, m): the error is kept
		if u.f.Name != "MkdirAll" || len(st.Rhs) != 1 || st.Rhs[0] != u.call || st.Tok != token.ASSIGN {
			return nil
		}
	case *ast.ReturnStmt:
		// if missing { return os.MkdirAll(p, m) }; return nil
		// becomes return os.MkdirAll(p, m): an existing directory makes
		// MkdirAll return nil, as the old early return did.
		if u.f.Name != "MkdirAll" || len(st.Results) != 1 || st.Results[0] != u.call {
			return nil
		}
		next, ok := tempmodel.NextStmt(s.fn, is).(*ast.ReturnStmt)
		if !ok || len(next.Results) != 1 {
			return nil
		}
		if tv, ok := s.pass.TypesInfo.Types[next.Results[0]]; !ok || !tv.IsNil() {
			return nil
		}
		if s.m.File(next.Pos()) == nil || tempmodel.HasComment(s.m.File(next.Pos()), is.End(), next.Pos()) {
			return nil
		}
		text := s.m.Source(st)
		if tempmodel.HasComment(s.m.File(next.Pos()), is.Body.Lbrace, is.Body.Rbrace) {
			inner, ok := s.m.Between(is.Body.Lbrace+1, is.Body.Rbrace)
			if !ok {
				return nil
			}
			text = tempmodel.Dedent(strings.TrimSpace(inner))
		}
		return &analysis.SuggestedFix{
			Message:   msg,
			TextEdits: []analysis.TextEdit{{Pos: is.Pos(), End: next.End(), NewText: []byte(text)}},
		}
	case *ast.IfStmt:
		// if err := os.MkdirAll(p, m); err != nil { ... }
		as, ok := st.Init.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || as.Rhs[0] != u.call {
			return nil
		}
		switch u.f.Name {
		case "Mkdir":
			// if err := os.Mkdir(p, m); err != nil { ... }: an existing
			// path must stay a success.
			return s.fixRemoveErr(u, is, st, as, msg, "ErrExist", "an existing directory is not an error")
		case "Remove", "RemoveAll":
			// if err := os.Remove(p); err != nil { ... }: a missing file
			// must stay a success.
			return s.fixRemoveErr(u, is, st, as, msg, "ErrNotExist", "a missing file is not an error")
		}
	default:
		return nil
	}
	text := tempmodel.Dedent(s.m.Source(st))
	if file := s.m.File(is.Pos()); file != nil && tempmodel.HasComment(file, is.Body.Lbrace, is.Body.Rbrace) {
		// Keep the comments of the body: take everything between the
		// braces.
		inner, ok := s.m.Between(is.Body.Lbrace+1, is.Body.Rbrace)
		if !ok {
			return nil
		}
		text = tempmodel.Dedent(strings.TrimSpace(inner))
	}
	return &analysis.SuggestedFix{
		Message:   msg,
		TextEdits: []analysis.TextEdit{{Pos: is.Pos(), End: is.End(), NewText: []byte(text)}},
	}
}

// fixSameFile inserts, after f, err := os.Open(p), a check that the
// opened file is the one the earlier Lstat saw:
//
//	if err == nil {
//		if fi2, serr := f.Stat(); serr != nil || !os.SameFile(fi, fi2) {
//			f.Close()
//			f, err = nil, fmt.Errorf("%s: file changed after it was checked", p)
//		}
//	}
func (s *fnState) fixSameFile(u *use, g *guard) *analysis.SuggestedFix {
	c := g.f.c
	if c.fiVar == nil || c.fiVar.Name() == "_" || !s.g.UnchangedSince(s.pass.TypesInfo, c.fiVar, c.stmt, s.point(u.call.Pos())) {
		return nil
	}
	// The use must be the statement f, err := os.Open(p) in a block,
	// followed by a check of err.
	file := s.m.File(u.call.Pos())
	if file == nil {
		return nil
	}
	in := inspector.New([]*ast.File{file})
	cur, ok := in.Root().FindNode(u.call)
	if !ok {
		return nil
	}
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return nil
	}
	blk, ok := cur.Parent().Parent().Node().(*ast.BlockStmt)
	if !ok {
		return nil
	}
	fID, ok1 := as.Lhs[0].(*ast.Ident)
	eID, ok2 := as.Lhs[1].(*ast.Ident)
	if !ok1 || !ok2 || fID.Name == "_" || eID.Name == "_" {
		return nil
	}
	next := -1
	for i, st := range blk.List {
		if st == as && i+1 < len(blk.List) {
			next = i + 1
		}
	}
	if next < 0 {
		return nil
	}
	nif, ok := blk.List[next].(*ast.IfStmt)
	// The next statement tests the open's error variable (the object, not
	// its spelling).
	errObj := s.pass.TypesInfo.Defs[eID]
	if errObj == nil {
		errObj = s.pass.TypesInfo.Uses[eID]
	}
	if !ok || nif.Init != nil || !tempmodel.Refers(s.pass.TypesInfo, nif.Cond, errObj) {
		return nil
	}
	osName := tempmodel.Qualifier(u.call)
	fmtName, edits := s.m.ImportName(file, as.Pos(), "fmt", "fmt")
	if osName == "" || fmtName == "" || len(u.call.Args) == 0 {
		return nil
	}
	pathSrc := s.m.Source(u.call.Args[0])
	taken := func(name string) bool {
		return name == fID.Name || name == eID.Name || name == c.fiVar.Name() || name == osName || name == fmtName || tempmodel.SpellsName(u.call.Args[0], name)
	}
	pick := func(cands ...string) string {
		for _, n := range cands {
			if !taken(n) {
				return n
			}
		}
		return ""
	}
	fi2, serr := pick("fi2", "opened", "handleInfo"), pick("serr", "statErr", "err2")
	if fi2 == "" || serr == "" {
		return nil
	}
	ind := s.m.LineIndent(as.Pos())
	var b strings.Builder
	fmt.Fprintf(&b, "\n%sif %s == nil {\n", ind, eID.Name)
	fmt.Fprintf(&b, "%s\tif %s, %s := %s.Stat(); %s != nil || !%s.SameFile(%s, %s) {\n", ind, fi2, serr, fID.Name, serr, osName, c.fiVar.Name(), fi2)
	fmt.Fprintf(&b, "%s\t\t%s.Close()\n", ind, fID.Name)
	fmt.Fprintf(&b, "%s\t\t%s, %s = nil, %s.Errorf(\"%%s: file changed after it was checked\", %s)\n", ind, fID.Name, eID.Name, fmtName, pathSrc)
	fmt.Fprintf(&b, "%s\t}\n%s}", ind, ind)
	// Insert at the end of the line, after any comment.
	at := s.m.LineEnd(as.End())
	edits = append(edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte(b.String())})
	return &analysis.SuggestedFix{
		Message:   "Verify after opening that the file is the one that was checked (os.SameFile)",
		TextEdits: edits,
	}
}

// fixRemoveErr replaces
//
//	if _, err := os.Stat(p); err == nil { if err := os.Remove(p); err != nil { ... } }
//
// with
//
//	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) { ... }
func (s *fnState) fixRemoveErr(u *use, outer, inner *ast.IfStmt, as *ast.AssignStmt, msg, errName, why string) *analysis.SuggestedFix {
	if as.Tok != token.DEFINE || len(as.Lhs) != 1 {
		return nil
	}
	eID, ok := as.Lhs[0].(*ast.Ident)
	if !ok || eID.Name == "_" {
		return nil
	}
	bin, ok := ast.Unparen(inner.Cond).(*ast.BinaryExpr)
	if !ok || bin.Op != token.NEQ {
		return nil
	}
	if x, ok := ast.Unparen(bin.X).(*ast.Ident); !ok || x.Name != eID.Name {
		return nil
	}
	if tv, ok := s.pass.TypesInfo.Types[bin.Y]; !ok || !tv.IsNil() {
		return nil
	}
	file := s.m.File(outer.Pos())
	if file == nil {
		return nil
	}
	if tempmodel.HasComment(file, outer.Body.Lbrace, inner.Pos()) || tempmodel.HasComment(file, inner.End(), outer.Body.Rbrace) {
		return nil // the rewrite keeps only the inner if: comments around it would be lost
	}
	if u.f.Name == "RemoveAll" {
		// RemoveAll already returns nil for a missing path.
		return &analysis.SuggestedFix{
			Message:   msg + "; it returns nil if the path is missing",
			TextEdits: []analysis.TextEdit{{Pos: outer.Pos(), End: outer.End(), NewText: []byte(tempmodel.Dedent(s.m.Source(inner)))}},
		}
	}
	errorsName, edits := s.m.ImportName(file, outer.Pos(), "errors", "errors")
	_, osName, osEdits := s.callNames(u, file, outer.Pos())
	if errorsName == "" || osName == "" {
		return nil
	}
	edits = append(edits, osEdits...)
	sentinel := osName + "." + errName
	if fsName, fsEdits := s.m.ImportName(file, outer.Pos(), "io/fs", "fs"); fsName != "" {
		sentinel = fsName + "." + errName
		edits = append(edits, fsEdits...)
	}
	src := s.m.Source(inner)
	cs, ce := int(inner.Cond.Pos()-inner.Pos()), int(inner.Cond.End()-inner.Pos())
	if cs < 0 || ce > len(src) || cs > ce {
		return nil
	}
	text := src[:cs] + fmt.Sprintf("%s != nil && !%s.Is(%s, %s)", eID.Name, errorsName, eID.Name, sentinel) + src[ce:]
	edits = append(tempmodel.MergeInserts(edits), analysis.TextEdit{Pos: outer.Pos(), End: outer.End(), NewText: []byte(tempmodel.Dedent(text))})
	return &analysis.SuggestedFix{Message: msg + "; " + why, TextEdits: edits}
}
