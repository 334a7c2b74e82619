// Package temppattern is the tempguard pass of the same name (see doc.go).
package temppattern

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/severity"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// Analyzer is the temppattern pass.
var Analyzer = &analysis.Analyzer{
	Name:     "temppattern",
	Doc:      docText,
	URL:      "https://github.com/tempguard/tempguard#temppattern",
	Requires: []*analysis.Analyzer{tempmodel.Analyzer},
	Run:      run,
}

// finding collects the problems of one CreateTemp/MkdirTemp call and the
// edits that fix them; one diagnostic is reported per call.
type finding struct {
	msgs  []string
	cats  []string // the category of each problem (package severity)
	short []string // the same problems in a few words, for "also: ..."
	edits []analysis.TextEdit
	noFix bool // some problem has no safe fix: offer none
}

func (f *finding) add(cat, msg, short string, fixable bool, edits ...analysis.TextEdit) {
	f.msgs = append(f.msgs, msg)
	f.cats = append(f.cats, cat)
	f.short = append(f.short, short)
	if !fixable {
		f.noFix = true
	}
	f.edits = append(f.edits, edits...)
}

type checker struct {
	pass *analysis.Pass
	m    *tempmodel.Model
}

func run(pass *analysis.Pass) (any, error) {
	m := tempmodel.Get(pass)
	if !m.Relevant {
		return nil, nil
	}
	c := &checker{pass: pass, m: m}
	for cur := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		_, f := tempmodel.Callee(pass.TypesInfo, call)
		if !tempmodel.IsCreateTemp(f) && !tempmodel.IsMkdirTemp(f) {
			continue
		}
		if len(call.Args) != 2 || call.Ellipsis.IsValid() {
			continue
		}
		c.check(cur, call, f)
	}
	return nil, nil
}

func (c *checker) check(cur inspector.Cursor, call *ast.CallExpr, f tempmodel.Func) {
	dirArg, patArg := call.Args[0], call.Args[1]
	name := f.String()
	file := tempmodel.IsCreateTemp(f)
	var fd finding

	dirS, dirConst := c.m.ConstString(dirArg)
	hardTmp := dirConst && isHardTmp(dirS) && !c.deliberateTmp(cur, call)
	// The directory the new dir argument starts from, as source text:
	// "" for the default temp dir.
	baseDir := c.m.Source(dirArg)
	if dirConst && dirS == "" || hardTmp {
		baseDir = ""
	}
	newDir := "" // replacement text for dirArg, "" = unchanged
	var dirEdits []analysis.TextEdit
	dirFixable := true

	patS, patConst := c.m.ConstString(patArg)
	lit, isLit := ast.Unparen(patArg).(*ast.BasicLit)
	isLit = isLit && lit.Kind == token.STRING
	newPat, patChanged := patS, false

	switch {
	case patConst && strings.Contains(patS, "/"):
		// Rule 1: a path separator in the pattern: always an error.
		i := strings.LastIndex(patS, "/")
		dirPart, base := patS[:i], patS[i+1:]
		newPat, patChanged = base, true
		fixable := isLit
		if clean := path.Clean(dirPart); dirPart != "" && clean != "." && clean != "/" {
			switch {
			case path.IsAbs(clean) && dirConst && dirS == "":
				newDir = strconv.Quote(clean) // "" + "/var/lib/app/x-*": the absolute dir was meant
			case path.IsAbs(clean) && hardTmp:
				fixable = false // "/tmp" + "/abs/x": no telling which was meant
			default:
				d, edits, ok := c.joinDir(call, baseDir, clean)
				newDir, dirEdits, fixable = d, edits, fixable && ok
			}
		}
		fd.add(severity.PatternSeparator, fmt.Sprintf("%s pattern %s contains a path separator, an error at run time; put the directory in the dir argument", name, strconv.Quote(patS)), "the pattern contains a path separator", fixable)
	case !patConst:
		if tn := c.subtestName(cur, patArg); tn != nil {
			// Rule 1b: t.Name() of a subtest contains "/".
			edits, ok := c.replaceSlashes(call, tn)
			fd.add(severity.PatternSeparator, fmt.Sprintf("%s pattern uses %s, which contains \"/\" in a subtest: an error at run time; replace the slashes, e.g. strings.ReplaceAll(%s, \"/\", \"_\")", name, c.m.Source(tn), c.m.Source(tn)), c.m.Source(tn)+" contains \"/\" in a subtest", ok, edits...)
		} else if p := c.m.Prov(patArg); (p.Loc == tempmodel.LocShared || p.Loc == tempmodel.LocPrivate) && absOrigin[p.Origin] && c.pathShaped(patArg, 0) {
			// Rule 1c: the pattern is a whole path under a temp dir.
			d, pat, edits, ok := c.splitPathPattern(call, patArg, baseDir, dirConst && dirS == "" || hardTmp)
			if ok {
				newDir, newPat, dirEdits = d, pat, edits
				fd.edits = append(fd.edits, analysis.TextEdit{Pos: patArg.Pos(), End: patArg.End(), NewText: []byte(strconv.Quote(pat))})
			}
			fd.add(severity.PatternSeparator, fmt.Sprintf("%s pattern is a path under %s, which contains a path separator: an error at run time; pass the directory as dir and only a name pattern", name, p.Dir), "the pattern is a path", ok)
			patConst = false
		}
	}

	if hardTmp {
		fd.add(severity.PatternHardTmp, fmt.Sprintf("%s dir %s ignores $TMPDIR and does not exist on Windows; use \"\" for the default temp dir", name, strconv.Quote(dirS)), "dir "+strconv.Quote(dirS)+" ignores $TMPDIR", true)
		if newDir == "" {
			newDir = `""`
		}
	}

	// Rule 3: a file extension after which the random part is appended.
	if file {
		if ext := c.lostExtension(cur, call, patArg, patConst, newPat); ext != "" {
			switch {
			case patConst:
				i := len(newPat) - len(ext)
				fixed := newPat[:i] + "*" + newPat[i:]
				fd.add(severity.PatternExtension, fmt.Sprintf("%s pattern %s has no \"*\": the random part goes after the %s extension; use %s", name, strconv.Quote(patS), ext, strconv.Quote(fixed)), "the random part hides the "+ext+" extension", isLit)
				newPat, patChanged = fixed, true
			default:
				// A runtime pattern ending in a literal extension.
				edit, ok := insertStarBeforeExt(patArg, ext)
				var edits []analysis.TextEdit
				if ok {
					edits = append(edits, edit)
				}
				fd.add(severity.PatternExtension, fmt.Sprintf("%s pattern has no \"*\": the random part goes after the %s extension; insert \"*\" before it", name, ext), "the random part hides the "+ext+" extension", ok, edits...)
			}
		}
	}

	if len(fd.msgs) == 0 {
		return
	}
	if patChanged && isLit {
		fd.edits = append(fd.edits, analysis.TextEdit{Pos: lit.Pos(), End: lit.End(), NewText: []byte(tempmodel.QuoteLike(lit.Value, newPat))})
	}
	if newDir != "" {
		fd.edits = append(fd.edits, analysis.TextEdit{Pos: dirArg.Pos(), End: dirArg.End(), NewText: []byte(newDir)})
		fd.edits = append(fd.edits, dirEdits...)
	}
	if !dirFixable {
		fd.noFix = true
	}
	msg := fd.msgs[0]
	if len(fd.msgs) > 1 {
		msg += "; also: " + strings.Join(fd.short[1:], ", ")
	}
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msg, Category: worst(fd.cats)}
	if !fd.noFix && len(fd.edits) > 0 {
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Fix the " + name + " arguments", TextEdits: tempmodel.DedupEdits(fd.edits)}}
	}
	c.m.Report(c.pass, d)
}

func isHardTmp(s string) bool {
	switch s {
	case "/tmp", "/tmp/", "/var/tmp", "/var/tmp/":
		return true
	}
	return false
}

// pathShaped reports whether e is built as a path that starts with its
// directory: filepath.Join/path.Join, +, fmt.Sprintf, or a call that
// returns a temp dir, possibly through local variables assigned once. Other
// string functions (strings.TrimPrefix...) may remove the directory.
func (c *checker) pathShaped(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		return x.Op == token.ADD && c.pathShaped(x.X, depth+1)
	case *ast.CallExpr:
		_, f := tempmodel.Callee(c.pass.TypesInfo, x)
		switch {
		case f.Is("path/filepath", "Join") || f.Is("path", "Join"):
			return len(x.Args) > 0 && !x.Ellipsis.IsValid() && c.pathShaped(x.Args[0], depth+1)
		case f.Is("fmt", "Sprintf"):
			if len(x.Args) < 2 || x.Ellipsis.IsValid() {
				return false
			}
			format, ok := c.m.ConstString(x.Args[0])
			return ok && strings.HasPrefix(format, "%s") && c.pathShaped(x.Args[1], depth+1)
		case f.Is("os", "TempDir") || tempmodel.IsTestingTempDir(f):
			return true
		}
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		def, idx, ok := c.m.SingleDef(v)
		if !ok {
			return false
		}
		if idx >= 0 {
			// dir, err := os.MkdirTemp(...)
			call, ok := ast.Unparen(def).(*ast.CallExpr)
			if !ok || idx != 0 {
				return false
			}
			_, f := tempmodel.Callee(c.pass.TypesInfo, call)
			return tempmodel.IsMkdirTemp(f)
		}
		return c.pathShaped(def, depth+1)
	}
	return false
}

// absOrigin are the temp directories a pattern can be a whole path under
// (os.TempDir(), a t.TempDir(), an os.MkdirTemp directory), by how the
// model says the directory was named.
var absOrigin = map[tempmodel.Origin]bool{
	tempmodel.OriginOSTempDir: true, tempmodel.OriginTestTempDir: true, tempmodel.OriginMkdirTemp: true,
}

// joinDir returns the new dir argument filepath.Join(<base>, "<part>")
// (base "" means os.TempDir()) and the import edits it needs.
func (c *checker) joinDir(call *ast.CallExpr, base, part string) (string, []analysis.TextEdit, bool) {
	file := c.m.File(call.Pos())
	if file == nil {
		return "", nil, false
	}
	var edits []analysis.TextEdit
	fp, e1 := c.m.ImportName(file, call.Pos(), "path/filepath", "filepath")
	if fp == "" {
		return "", nil, false
	}
	edits = append(edits, e1...)
	if base == "" {
		osName, e2 := c.m.ImportName(file, call.Pos(), "os", "os")
		if osName == "" {
			return "", nil, false
		}
		edits = append(edits, e2...)
		base = osName + ".TempDir()"
	}
	return fmt.Sprintf("%s.Join(%s, %s)", fp, base, strconv.Quote(part)), edits, true
}

// deliberateTmp reports whether a hard-coded /tmp is provably deliberate:
// the file builds only for systems whose temp dir /tmp is (neither Windows
// nor macOS), or the outermost enclosing function branches on runtime.GOOS,
// makes or dials a Unix socket (net.UnixAddr, the Unix-socket functions of
// net, or a net call whose network argument is the constant "unix",
// "unixgram" or "unixpacket": macOS's $TMPDIR is too long for a socket
// path; also a call handed the constant network name "unix"), fills a
// container's bind mounts (the Binds and Mounts fields of Docker's
// HostConfig: Docker Desktop on macOS shares /tmp, not $TMPDIR), or hands
// the new directory to a program it runs (docker run -v dir:/data).
// Names, comments and the words of strings are not read.
func (c *checker) deliberateTmp(cur inspector.Cursor, call *ast.CallExpr) bool {
	if file := c.m.File(call.Pos()); file != nil {
		if tf := c.pass.Fset.File(file.Pos()); tf != nil &&
			!tempmodel.BuildableFor(tf.Name(), file, "windows") && !tempmodel.BuildableFor(tf.Name(), file, "darwin") {
			return true
		}
	}
	fn := tempmodel.OutermostFunc(cur)
	if fn == nil {
		return false
	}
	info := c.pass.TypesInfo
	dir := tempmodel.ResultVar(info, cur)
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if fileapi.IsGOOS(info.Uses[n]) {
				found = true // platform-specific code
			}
			if t := info.TypeOf(n); t != nil && fileapi.IsUnixSocketType(t) {
				found = true // a Unix socket address, listener or connection
			}
		case *ast.SelectorExpr:
			if s := info.Selections[n]; s != nil && s.Kind() == types.FieldVal {
				if fileapi.BindMountField(info.TypeOf(n.X), s.Obj()) {
					found = true
				}
			}
		case *ast.CompositeLit:
			if t := info.TypeOf(n); t != nil {
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok && fileapi.BindMountField(t, info.Uses[id]) {
							found = true
						}
					}
				}
			}
		case *ast.CallExpr:
			if _, unix := fileapi.UnixSocket(info, n); unix {
				found = true
			}
			for _, a := range n.Args {
				if v, ok := c.m.ConstString(a); ok && fileapi.UnixNetwork(v) {
					found = true // a Unix-socket network name handed to a call
				}
			}
			if dir != nil && c.execArgMentions(n, dir) {
				found = true
			}
		}
		return !found
	})
	return found
}

// execArgMentions reports whether call runs a program (by the file-API
// table) with an argument that mentions v: the directory is handed to
// another program (a container run with a bind mount, a VM, a remote
// helper), which sees paths in its own environment, not this process's
// $TMPDIR.
func (c *checker) execArgMentions(call *ast.CallExpr, v *types.Var) bool {
	fn, _ := tempmodel.Callee(c.pass.TypesInfo, call)
	a, ok := fileapi.Lookup(fn)
	if !ok || !a.Ops.Has(fileapi.OpExec) || a.ArgsFrom < 0 {
		return false
	}
	for _, arg := range call.Args[min(a.ArgsFrom, len(call.Args)):] {
		mentions := false
		ast.Inspect(arg, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
				mentions = true
			}
			return !mentions
		})
		if mentions {
			return true
		}
	}
	return false
}

// subtestName returns the t.Name() call in a runtime pattern when t is
// certainly a subtest (the parameter of a function literal passed to
// t.Run or b.Run, or of a helper that the package calls with one).
func (c *checker) subtestName(cur inspector.Cursor, pat ast.Expr) *ast.CallExpr {
	for _, part := range c.parts(pat, 0) {
		call, ok := part.(*ast.CallExpr)
		if !ok {
			continue
		}
		_, f := tempmodel.Callee(c.pass.TypesInfo, call)
		if f.Pkg != "testing" || f.Name != "Name" || f.Recv == "" || len(call.Args) != 0 {
			continue
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if c.suiteSubtest(cur, sel.X) {
			return call
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok {
			continue
		}
		if c.isSubtest(cur, v) || c.helperOfSubtest(cur, v) {
			return call
		}
	}
	return nil
}

// suiteSubtest reports whether x is s.T() of a testify suite in a method
// that testify runs with one test's T ([fileapi.SuitePerTest]: a test
// method or a per-test hook): a subtest, named "TestSuite/TestMethod".
func (c *checker) suiteSubtest(cur inspector.Cursor, x ast.Expr) bool {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	t, f := tempmodel.Callee(c.pass.TypesInfo, call)
	if f.Recv != "Suite" || f.Name != "T" {
		return false
	}
	var decl *ast.FuncDecl
	for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl = e.Node().(*ast.FuncDecl)
	}
	if decl == nil || decl.Recv == nil {
		return false
	}
	m, _ := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	return fileapi.SuitePerTest(m, t.Pkg())
}

// parts returns the operands of a pattern built with + or fmt.Sprint*,
// following local variables assigned once.
func (c *checker) parts(e ast.Expr, depth int) []ast.Expr {
	if depth > 8 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return append(c.parts(x.X, depth+1), c.parts(x.Y, depth+1)...)
		}
	case *ast.Ident:
		if v, ok := c.pass.TypesInfo.Uses[x].(*types.Var); ok {
			if def, idx, ok := c.m.SingleDef(v); ok && idx < 0 {
				return c.parts(def, depth+1)
			}
		}
	case *ast.CallExpr:
		_, f := tempmodel.Callee(c.pass.TypesInfo, x)
		if f.Is("fmt", "Sprintf") && len(x.Args) > 1 && !x.Ellipsis.IsValid() {
			if format, ok := c.m.ConstString(x.Args[0]); ok && simpleFormat(format) {
				var out []ast.Expr
				for _, a := range x.Args[1:] {
					out = append(out, c.parts(a, depth+1)...)
				}
				return out
			}
		}
		if f.Is("fmt", "Sprint") && !x.Ellipsis.IsValid() {
			var out []ast.Expr
			for _, a := range x.Args {
				out = append(out, c.parts(a, depth+1)...)
			}
			return out
		}
	}
	return []ast.Expr{e}
}

// simpleFormat reports whether format uses only %s and %v verbs without
// flags, which print a string unchanged.
func simpleFormat(format string) bool {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i >= len(format) {
			return false
		}
		switch format[i] {
		case 's', 'v', '%', 'd':
		default:
			return false
		}
	}
	return true
}

// isSubtest reports whether v is the parameter of a function literal that
// encloses cur and is passed to (*testing.T).Run or (*testing.B).Run, or
// to (*testing.F).Fuzz (every fuzz input runs as a subtest).
func (c *checker) isSubtest(cur inspector.Cursor, v *types.Var) bool {
	for e := range cur.Enclosing((*ast.FuncLit)(nil)) {
		lit := e.Node().(*ast.FuncLit)
		if !declares(c.pass, lit.Type, v) {
			continue
		}
		parent := e.Parent()
		call, ok := parent.Node().(*ast.CallExpr)
		if !ok {
			return false
		}
		_, f := tempmodel.Callee(c.pass.TypesInfo, call)
		// f.Fuzz(func(t *testing.T, ...)): t.Name() is "FuzzX/seed#0"
		if f.Pkg == "testing" && f.Name == "Fuzz" && f.Recv == "F" && len(call.Args) == 1 && ast.Unparen(call.Args[0]) == lit {
			return true
		}
		if len(call.Args) != 2 || ast.Unparen(call.Args[1]) != lit {
			return false
		}
		return f.Pkg == "testing" && f.Name == "Run" && (f.Recv == "T" || f.Recv == "B")
	}
	return false
}

func declares(pass *analysis.Pass, ft *ast.FuncType, v *types.Var) bool {
	if ft == nil || ft.Params == nil {
		return false
	}
	for _, field := range ft.Params.List {
		for _, n := range field.Names {
			if pass.TypesInfo.Defs[n] == v {
				return true
			}
		}
	}
	return false
}

// helperOfSubtest reports whether v is a parameter of the function
// declaration enclosing cur (not a TestXxx function itself), and the
// package calls that function with a subtest's t for it.
func (c *checker) helperOfSubtest(cur inspector.Cursor, v *types.Var) bool {
	var decl *ast.FuncDecl
	for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl = e.Node().(*ast.FuncDecl)
	}
	if decl == nil || decl.Recv != nil || !declares(c.pass, decl.Type, v) {
		return false
	}
	fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	idx := -1
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == v {
			idx = i
		}
	}
	if idx < 0 || sig.Variadic() && idx == sig.Params().Len()-1 {
		return false
	}
	for callCur := range c.m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := callCur.Node().(*ast.CallExpr)
		callee, cf := tempmodel.Callee(c.pass.TypesInfo, call)
		// t.Run("name", testCase): the function itself is the subtest.
		if cf.Pkg == "testing" && cf.Name == "Run" && (cf.Recv == "T" || cf.Recv == "B") && len(call.Args) == 2 && idx == 0 && sig.Params().Len() == 1 {
			if id, ok := ast.Unparen(call.Args[1]).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == fn {
				return true
			}
		}
		if callee != fn || idx >= len(call.Args) {
			continue
		}
		id, ok := ast.Unparen(call.Args[idx]).(*ast.Ident)
		if !ok {
			continue
		}
		if tv, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok && c.isSubtest(callCur, tv) {
			return true
		}
	}
	return false
}

// replaceSlashes wraps the t.Name() call in strings.ReplaceAll(..., "/", "_").
func (c *checker) replaceSlashes(call, name *ast.CallExpr) ([]analysis.TextEdit, bool) {
	file := c.m.File(call.Pos())
	if file == nil {
		return nil, false
	}
	s, edits := c.m.ImportName(file, call.Pos(), "strings", "strings")
	if s == "" {
		return nil, false
	}
	return append(edits,
		analysis.TextEdit{Pos: name.Pos(), End: name.Pos(), NewText: []byte(s + ".ReplaceAll(")},
		analysis.TextEdit{Pos: name.End(), End: name.End(), NewText: []byte(`, "/", "_")`)},
	), true
}

// splitPathPattern handles a pattern that is a path:
// filepath.Join(dir, "name") or dir + "/name" with a literal name, when
// the dir argument is the default temp dir. It returns the new dir text,
// the new pattern, and import edits.
func (c *checker) splitPathPattern(call *ast.CallExpr, pat ast.Expr, baseDir string, defaultDir bool) (string, string, []analysis.TextEdit, bool) {
	if !defaultDir {
		return "", "", nil, false
	}
	var dirExpr ast.Expr
	var name string
	switch x := ast.Unparen(pat).(type) {
	case *ast.CallExpr:
		_, f := tempmodel.Callee(c.pass.TypesInfo, x)
		if !(f.Is("path/filepath", "Join") || f.Is("path", "Join")) || len(x.Args) != 2 || x.Ellipsis.IsValid() {
			return "", "", nil, false
		}
		s, ok := c.m.ConstString(x.Args[1])
		if !ok {
			return "", "", nil, false
		}
		dirExpr, name = x.Args[0], strings.TrimLeft(s, "/")
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", "", nil, false
		}
		s, ok := c.m.ConstString(x.Y)
		if !ok || !strings.HasPrefix(s, "/") {
			return "", "", nil, false
		}
		dirExpr, name = x.X, strings.TrimLeft(s, "/")
	default:
		return "", "", nil, false
	}
	if name == "" || strings.Contains(name, "/") {
		return "", "", nil, false
	}
	if call, ok := ast.Unparen(pat).(*ast.CallExpr); ok && !c.pkgUsedElsewhere(call) {
		return "", "", nil, false // the fix would orphan the import
	}
	// os.TempDir() as the directory is what "" already means.
	if inner, ok := ast.Unparen(dirExpr).(*ast.CallExpr); ok {
		if _, f := tempmodel.Callee(c.pass.TypesInfo, inner); f.Is("os", "TempDir") {
			return `""`, name, nil, true
		}
	}
	if hasSideEffects(c.pass.TypesInfo, dirExpr) {
		return "", "", nil, false
	}
	return c.m.Source(dirExpr), name, nil, true
}

// hasSideEffects is conservative: only identifiers, selectors and calls
// of os.TempDir() and testing's TempDir() (by their types) may be moved.
func hasSideEffects(info *types.Info, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return false
	case *ast.SelectorExpr:
		return hasSideEffects(info, x.X)
	case *ast.CallExpr:
		if _, f := tempmodel.Callee(info, x); len(x.Args) == 0 && (f.Is("os", "TempDir") || f.Pkg == "testing" && f.Recv != "" && f.Name == "TempDir") {
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return hasSideEffects(info, sel.X)
			}
			return false
		}
	}
	return true
}

// extensions are the file extensions that tools and programs go by.
var extensions = map[string]bool{}

func init() {
	for _, e := range strings.Fields(`json yaml yml toml xml ini conf cfg properties csv tsv txt md rst html htm css js mjs ts tsx jsx
		go c h cc cpp hpp java kt py rb rs php pl lua sh bash zsh ps1 bat cmd sql proto graphql tf hcl tmpl tpl
		pdf png jpg jpeg gif svg webp bmp ico tif tiff mp3 mp4 wav ogg webm mov avi mkv flac
		zip tar gz tgz bz2 xz zst 7z rar jar war whl deb rpm apk iso img qcow2 vmdk dmg
		exe dll so dylib wasm pem crt cer key der p12 pfx pub asc gpg sig
		log db sqlite sqlite3 parquet avro ndjson jsonl xlsx xls docx doc pptx odt rtf epub patch diff`) {
		extensions["."+e] = true
	}
}

// compound extensions, checked before the single ones.
var compound = []string{".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst"}

// extOf returns the known extension that name ends with, or "".
func extOf(name string) string {
	lower := strings.ToLower(name)
	for _, c := range compound {
		if strings.HasSuffix(lower, c) {
			return name[len(name)-len(c):]
		}
	}
	i := strings.LastIndex(name, ".")
	if i < 0 || !extensions[lower[i:]] {
		return ""
	}
	return name[i:]
}

// lostExtension returns the extension that the random suffix would hide,
// or "" (a "*" is present, no known extension, or the file is renamed).
func (c *checker) lostExtension(cur inspector.Cursor, call *ast.CallExpr, pat ast.Expr, patConst bool, s string) string {
	if patConst {
		if strings.Contains(s, "*") {
			return ""
		}
	} else {
		// A runtime pattern: its last operand must be a literal with the
		// extension, and no literal part may hold a "*".
		ps := c.parts(pat, 0)
		if len(ps) < 2 {
			return ""
		}
		for _, p := range ps {
			if v, ok := c.m.ConstString(p); ok && strings.Contains(v, "*") {
				return ""
			}
		}
		lit, ok := ast.Unparen(ps[len(ps)-1]).(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return ""
		}
		s, _ = strconv.Unquote(lit.Value)
		if lit != ast.Unparen(lastOperand(pat)) {
			return "" // the literal is not written at the call: no edit
		}
	}
	ext := extOf(s)
	if ext == "" {
		return ""
	}
	if c.renamedLater(cur, call) {
		return ""
	}
	return ext
}

func lastOperand(e ast.Expr) ast.Expr {
	for {
		b, ok := ast.Unparen(e).(*ast.BinaryExpr)
		if !ok || b.Op != token.ADD {
			return e
		}
		e = b.Y
	}
}

// insertStarBeforeExt edits the last literal of a runtime pattern.
func insertStarBeforeExt(pat ast.Expr, ext string) (analysis.TextEdit, bool) {
	lit, ok := ast.Unparen(lastOperand(pat)).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return analysis.TextEdit{}, false
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil || !strings.HasSuffix(s, ext) {
		return analysis.TextEdit{}, false
	}
	fixed := s[:len(s)-len(ext)] + "*" + ext
	return analysis.TextEdit{Pos: lit.Pos(), End: lit.End(), NewText: []byte(tempmodel.QuoteLike(lit.Value, fixed))}, true
}

// renamedLater reports whether the file created by call is renamed (its
// Name() is the source of os.Rename) in the enclosing function: its
// extension then does not matter.
func (c *checker) renamedLater(cur inspector.Cursor, call *ast.CallExpr) bool {
	v := tempmodel.ResultVar(c.pass.TypesInfo, cur)
	fn := tempmodel.OutermostFunc(cur)
	if v == nil || fn == nil {
		return false
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		ce, ok := n.(*ast.CallExpr)
		if found || !ok || len(ce.Args) != 2 {
			return !found
		}
		if _, f := tempmodel.Callee(c.pass.TypesInfo, ce); !f.Is("os", "Rename") {
			return true
		}
		found = c.mentions(ce.Args[0], v, 0)
		return !found
	})
	return found
}

// pkgUsedElsewhere reports whether the package of the function called by
// join (filepath or path) is used in its file outside the pattern
// arguments of temp-creating calls, so that removing join (and every other
// pattern this pass rewrites) cannot leave the import unused.
func (c *checker) pkgUsedElsewhere(join *ast.CallExpr) bool {
	sel, ok := ast.Unparen(join.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	pkgName, ok := c.pass.TypesInfo.Uses[id].(*types.PkgName)
	if !ok {
		return false
	}
	file := c.m.File(join.Pos())
	if file == nil {
		return false
	}
	used := false
	ast.Inspect(file, func(n ast.Node) bool {
		if used {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if _, f := tempmodel.Callee(c.pass.TypesInfo, n); (tempmodel.IsCreateTemp(f) || tempmodel.IsMkdirTemp(f)) && len(n.Args) == 2 {
				ast.Inspect(n.Fun, func(m ast.Node) bool { return !used && visitIdent(c, m, pkgName, &used) })
				ast.Inspect(n.Args[0], func(m ast.Node) bool { return !used && visitIdent(c, m, pkgName, &used) })
				return false // skip the pattern
			}
		case *ast.Ident:
			visitIdent(c, n, pkgName, &used)
		}
		return true
	})
	return used
}

func visitIdent(c *checker, n ast.Node, pkgName *types.PkgName, used *bool) bool {
	if id, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == pkgName {
		*used = true
	}
	return true
}

// mentions reports whether e uses v, directly or through local variables
// assigned once (name := f.Name()).
func (c *checker) mentions(e ast.Expr, v *types.Var, depth int) bool {
	if depth > 4 || e == nil {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if found || !ok {
			return !found
		}
		w, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok {
			return true
		}
		if w == v {
			found = true
			return false
		}
		if def, idx, ok := c.m.SingleDef(w); ok && idx < 0 {
			found = c.mentions(def, v, depth+1)
		}
		return !found
	})
	return found
}
