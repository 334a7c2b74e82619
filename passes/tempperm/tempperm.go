// Package tempperm is the tempguard pass of the same name (see doc.go).
package tempperm

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// Analyzer is the tempperm pass.
var Analyzer = &analysis.Analyzer{
	Name:     "tempperm",
	Doc:      docText,
	URL:      "https://github.com/tempguard/tempguard#tempperm",
	Requires: []*analysis.Analyzer{tempmodel.Analyzer},
	Run:      run,
}

// Mode bits that make a mode deliberately shared (a sticky, setgid or
// setuid bit, as os.FileMode or as raw Unix bits): leave such calls alone.
const deliberate = int64(0o7000) | int64(1<<20) | int64(1<<22) | int64(1<<23) // raw bits, ModeSticky, ModeSetgid, ModeSetuid

// call is one call that creates or changes the mode of a path.
type call struct {
	call    *ast.CallExpr
	name    string   // "os.WriteFile", "File.Chmod"...
	path    ast.Expr // path argument, or nil for f.Chmod
	recv    ast.Expr // the *os.File of f.Chmod
	mode    ast.Expr
	creates bool // the mode applies only if the call creates the entry
	dir     bool // creates a directory
	inRoot  bool // a method of *os.Root: path is relative to the root
	// fromCallers: the mode is a parameter that every caller passes as
	// the same constant.
	fromCallers bool
	// tempDir: the path is a private directory made by this call
	// ("os.MkdirTemp") in a shared temp dir, which a Chmod opens.
	tempDir string
}

func run(pass *analysis.Pass) (any, error) {
	m := tempmodel.Get(pass)
	if !m.Relevant {
		return nil, nil
	}
	styles := map[*ast.File]string{}
	windowsOnly := map[*ast.File]bool{}
	isWindowsOnly := func(file *ast.File) bool {
		w, ok := windowsOnly[file]
		if !ok {
			w = m.WindowsOnly(file)
			windowsOnly[file] = w
		}
		return w
	}
	for cur := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		c, ok := classify(m, pass, cur.Node().(*ast.CallExpr))
		if !ok {
			defaultModeCreate(m, pass, cur, cur.Node().(*ast.CallExpr), styles, isWindowsOnly)
			continue
		}
		mode, ok := m.ConstInt(c.mode)
		if !ok {
			// A parameter that every caller passes the same constant.
			mode, ok = m.ConstIntWithCallers(c.mode)
			c.fromCallers = ok
		}
		if !ok || mode < 0 || mode&0o077 == 0 || mode&deliberate != 0 {
			continue
		}
		var p tempmodel.Prov
		if c.recv != nil {
			p = m.FileNameProv(c.recv)
		} else {
			p = m.PathProv(c.call, tempmodel.ArgIndex(c.call.Args, c.path), c.inRoot, true)
		}
		if !c.creates && c.path != nil && !c.inRoot {
			// A Chmod that opens a private os.MkdirTemp directory made in
			// a shared temp dir: what it holds becomes reachable.
			if parent, ok := m.MkdirTempParent(c.path); ok && parent.Loc == tempmodel.LocShared {
				p = parent
				c.tempDir = m.Prov(c.path).Dir
			}
		}
		if p.Loc != tempmodel.LocShared || p.Name == tempmodel.NameNone && c.tempDir == "" {
			continue
		}
		if p.Origin != tempmodel.OriginLiteral && m.TempDirRedirected(cur) {
			continue // os.TempDir() is private here: TMPDIR was set to one
		}
		if tempmodel.InWindowsBranch(pass.TypesInfo, cur) {
			continue // no group/other bits and a per-user temp dir
		}
		if c.creates && namesOpenFile(m, pass, c.path) {
			continue // the file exists already: the mode is not applied
		}
		if file := m.File(c.call.Pos()); file != nil && isWindowsOnly(file) {
			continue // Windows has no group/other mode bits and a per-user temp dir
		}
		fn := tempmodel.OutermostFunc(cur)
		if fn != nil && (renamedLater(m, pass, fn, c) || inPrivateParent(m, pass, fn, c) || sharesOnPurpose(pass, fn)) {
			continue
		}
		report(m, pass, c, mode, styles)
	}
	return nil, nil
}

// classify recognizes the calls of interest: every call of the file-API
// table that takes a mode for a path (creating calls, whose mode applies
// only when they create the entry; opens only when their flags say
// O_CREATE; chmods), including the methods of *os.Root, and
// (*os.File).Chmod.
func classify(m *tempmodel.Model, pass *analysis.Pass, ce *ast.CallExpr) (call, bool) {
	fn, f := tempmodel.Callee(pass.TypesInfo, ce)
	if ce.Ellipsis.IsValid() {
		return call{}, false
	}
	c := call{call: ce}
	if f.IsMethod("os", "File", "Chmod") {
		sel, ok := ast.Unparen(ce.Fun).(*ast.SelectorExpr)
		if !ok || len(ce.Args) != 1 {
			return call{}, false
		}
		c.recv, c.mode, c.name = sel.X, ce.Args[0], f.String()
		return c, true
	}
	a, ok := fileapi.Lookup(fn)
	if !ok || a.Mode < 0 || a.Path < 0 || a.Mode >= len(ce.Args) || a.Path >= len(ce.Args) || m.NotOSFS(ce) {
		return call{}, false
	}
	switch {
	case a.Ops.Has(fileapi.OpChmod):
	case a.Flags >= 0:
		flags, ok := m.CallFlags(ce)
		if !ok || !flags.Has(fileapi.FlagCreate) {
			return call{}, false
		}
		c.creates = true
	case a.Ops.Has(fileapi.OpCreate):
		c.creates = true
	default:
		return call{}, false
	}
	c.path, c.mode, c.dir, c.inRoot = ce.Args[a.Path], ce.Args[a.Mode], a.Ops.Has(fileapi.OpMkdir), a.InRoot
	c.name = f.String() // for messages: only for the calls kept
	return c, true
}

// namesOpenFile reports whether e is f.Name() of an *os.File, directly or
// through a variable assigned only that: the file exists, so os.WriteFile
// and os.OpenFile leave its mode as it is.
func namesOpenFile(m *tempmodel.Model, pass *analysis.Pass, e ast.Expr) bool {
	for range 4 {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			_, f := tempmodel.Callee(pass.TypesInfo, x)
			return f.IsMethod("os", "File", "Name")
		case *ast.Ident:
			v, ok := pass.TypesInfo.Uses[x].(*types.Var)
			if !ok {
				return false
			}
			def, idx, ok := m.SingleDef(v)
			if !ok || idx >= 0 {
				return false
			}
			e = def
		default:
			return false
		}
	}
	return false
}

// keys names the value of a path expression, or the file whose name it
// is, so that two mentions of the same path can be matched.
func keys(m *tempmodel.Model, pass *analysis.Pass, e ast.Expr, file bool) []string {
	var out []string
	for range 4 {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.Ident:
			obj := pass.TypesInfo.Uses[x]
			if obj == nil {
				return out
			}
			if file {
				return append(out, fmt.Sprintf("f%p", obj))
			}
			out = append(out, fmt.Sprintf("v%p", obj))
			v, ok := obj.(*types.Var)
			if !ok {
				return out
			}
			def, idx, ok := m.SingleDef(v)
			if !ok || idx >= 0 {
				return out
			}
			e = def
			continue
		case *ast.CallExpr:
			if _, f := tempmodel.Callee(pass.TypesInfo, x); f.IsMethod("os", "File", "Name") {
				if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
					file = true
					e = sel.X
					continue
				}
			}
		}
		if src := m.Source(e); src != "" {
			out = append(out, "s"+src)
		}
		return out
	}
	return out
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// renamedLater reports whether the path (or file) of c is the source of an
// os.Rename or os.Link after c in fn: the mode is then meant for the
// destination (a temp file as the first step of an atomic write).
func renamedLater(m *tempmodel.Model, pass *analysis.Pass, fn ast.Node, c call) bool {
	var k []string
	if c.recv != nil {
		k = keys(m, pass, c.recv, true)
	} else {
		k = keys(m, pass, c.path, false)
	}
	if len(k) == 0 {
		return false
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		ce, ok := n.(*ast.CallExpr)
		if found || !ok || ce.Pos() <= c.call.Pos() || len(ce.Args) != 2 {
			return !found
		}
		_, f := tempmodel.Callee(pass.TypesInfo, ce)
		if (f.Is("os", "Rename") || f.Is("os", "Link")) && overlap(k, keys(m, pass, ce.Args[0], false)) {
			found = true
		}
		return !found
	})
	return found
}

// sharesOnPurpose reports whether fn hands files to other users on
// purpose: it changes owners (os.Chown, os.Lchown, File.Chown), clears the
// umask (syscall.Umask, unix.Umask), runs a process under other
// credentials (syscall.Credential), or listens on a socket (a Unix socket
// chmod'ed 0666 so that clients of other users can connect). A mode for others is then deliberate.
func sharesOnPurpose(pass *analysis.Pass, fn ast.Node) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			_, f := tempmodel.Callee(pass.TypesInfo, n)
			if fileapi.SharesOwnership(f) {
				found = true
			} else {
				// A Unix socket that other users are meant to connect to.
				listen, unix := fileapi.UnixSocket(pass.TypesInfo, n)
				found = unix && listen
			}
		case *ast.CompositeLit:
			found = fileapi.IsCredential(pass.TypesInfo.TypeOf(n))
		}
		return !found
	})
	return found
}

// parentOf returns the directory part of a path built as
// filepath.Join(dir, ...), path.Join(dir, ...) or dir + "/...".
func parentOf(pass *analysis.Pass, e ast.Expr) ast.Expr {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		_, f := tempmodel.Callee(pass.TypesInfo, x)
		if (f.Is("path/filepath", "Join") || f.Is("path", "Join")) && len(x.Args) >= 2 && !x.Ellipsis.IsValid() {
			return x.Args[0]
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			if l, ok := ast.Unparen(x.X).(*ast.BinaryExpr); ok && l.Op == token.ADD {
				return parentOf(pass, l) // dir + "/" + name
			}
			return x.X
		}
	}
	return nil
}

// inPrivateParent reports whether the path of c lies in a directory that
// the package makes private: an os.Mkdir, os.MkdirAll or os.Chmod with a
// private mode of the same directory value (earlier in the same function,
// or anywhere else in the package), or a same-package helper that returns
// the directory and makes a directory with a private mode. Other users
// cannot reach the entry whatever its own mode.
func inPrivateParent(m *tempmodel.Model, pass *analysis.Pass, fn ast.Node, c call) bool {
	if c.path == nil {
		return false
	}
	parent := parentOf(pass, c.path)
	if parent == nil {
		return false
	}
	if helperMakesPrivateDir(m, pass, parent) {
		return true
	}
	k := keys(m, pass, parent, false)
	if len(k) == 0 {
		return false
	}
	for cur := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		ce := cur.Node().(*ast.CallExpr)
		if len(ce.Args) != 2 {
			continue
		}
		if fn != nil && fn.Pos() <= ce.Pos() && ce.Pos() < fn.End() && ce.Pos() >= c.call.Pos() {
			continue // later in the same function
		}
		if privateDirCall(m, pass, ce) && overlap(k, keys(m, pass, ce.Args[0], false)) {
			return true
		}
	}
	return false
}

// privateDirCall reports whether ce is os.Mkdir, os.MkdirAll or os.Chmod
// with a constant private mode.
func privateDirCall(m *tempmodel.Model, pass *analysis.Pass, ce *ast.CallExpr) bool {
	if len(ce.Args) != 2 {
		return false
	}
	_, f := tempmodel.Callee(pass.TypesInfo, ce)
	if !(f.Is("os", "Mkdir") || f.Is("os", "MkdirAll") || f.Is("os", "Chmod")) {
		return false
	}
	mode, ok := m.ConstInt(ce.Args[1])
	return ok && mode&0o077 == 0
}

// helperMakesPrivateDir reports whether e (or the variable it names) is
// the result of a same-package function that makes a directory with a
// private mode: ensureDir() style helpers.
func helperMakesPrivateDir(m *tempmodel.Model, pass *analysis.Pass, e ast.Expr) bool {
	for range 3 {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, ok := pass.TypesInfo.Uses[x].(*types.Var)
			if !ok {
				return false
			}
			def, _, ok := m.SingleDef(v)
			if !ok {
				return false
			}
			e = def
			continue
		case *ast.CallExpr:
			fn, _ := tempmodel.Callee(pass.TypesInfo, x)
			if fn == nil {
				return false
			}
			decl := m.FuncDecl(fn)
			if decl == nil || decl.Body == nil {
				return false
			}
			found := false
			ast.Inspect(decl.Body, func(n ast.Node) bool {
				if ce, ok := n.(*ast.CallExpr); ok && !found && privateDirCall(m, pass, ce) {
					found = true
				}
				return !found
			})
			return found
		}
		return false
	}
	return false
}

func report(m *tempmodel.Model, pass *analysis.Pass, c call, mode int64, styles map[*ast.File]string) {
	file := m.File(c.call.Pos())
	want := mode &^ 0o077
	lit, edit := fixLiteral(m, pass, file, c.mode, mode, want, styles)
	if lit == "" {
		if want&0o700 == 0 {
			want = 0o600
			if c.dir {
				want = 0o700
			}
		}
		lit = formatMode(want, dominantStyle(pass, file, styles))
	}
	shown := formatMode(mode, "0")
	if core, ok := tempmodel.Unconvert(pass.TypesInfo, c.mode).(*ast.BasicLit); ok {
		shown = core.Value
	}
	if c.fromCallers {
		shown += " (every caller passes it)"
	}
	access := "accessible"
	switch r, w := mode&0o044 != 0, mode&0o022 != 0; {
	case r && w:
		access = "readable and writable"
	case r:
		access = "readable"
	case w:
		access = "writable"
	}
	what := "a file"
	if c.dir {
		what = "a directory"
	}
	var msg string
	switch {
	case c.tempDir != "":
		msg = fmt.Sprintf("%s sets mode %s on a private directory made by %s in a shared temp dir, %s by other users; use %s", c.name, shown, c.tempDir, access, lit)
	case c.recv != nil:
		msg = fmt.Sprintf("%s sets mode %s on a file in a shared temp dir, %s by other users; use %s", c.name, shown, access, lit)
	case c.creates:
		msg = fmt.Sprintf("%s creates %s in a shared temp dir with mode %s, %s by other users; use %s", c.name, what, shown, access, lit)
	default:
		msg = fmt.Sprintf("%s sets mode %s on a path in a shared temp dir, %s by other users; use %s", c.name, shown, access, lit)
	}
	d := analysis.Diagnostic{Pos: c.call.Pos(), End: c.call.End(), Message: msg, Category: permCategory(mode)}
	if edit != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Use mode " + lit,
			TextEdits: []analysis.TextEdit{*edit},
		}}
	}
	m.Report(pass, d)
}

// fixLiteral returns the literal that replaces the mode and its edit, or
// ("", nil) when no safe edit exists.
func fixLiteral(m *tempmodel.Model, pass *analysis.Pass, file *ast.File, e ast.Expr, mode, want int64, styles map[*ast.File]string) (string, *analysis.TextEdit) {
	if want&0o700 == 0 || mode&^0o777 != 0 || file == nil {
		return "", nil
	}
	core := tempmodel.Unconvert(pass.TypesInfo, e)
	var text string
	switch x := core.(type) {
	case *ast.BasicLit:
		if x.Kind != token.INT {
			return "", nil
		}
		text = formatMode(want, literalStyle(x.Value))
	case *ast.Ident, *ast.SelectorExpr:
		// A named constant, or a package-level variable: replace the use
		// at the call site (a local variable could become unused).
		id, _ := x.(*ast.Ident)
		if sel, ok := x.(*ast.SelectorExpr); ok {
			id = sel.Sel
		}
		switch obj := pass.TypesInfo.Uses[id].(type) {
		case *types.Const:
		case *types.Var:
			if obj.Parent() == nil || obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() {
				return "", nil
			}
		default:
			return "", nil
		}
		text = formatMode(want, dominantStyle(pass, file, styles))
	default:
		return "", nil
	}
	return text, &analysis.TextEdit{Pos: core.Pos(), End: core.End(), NewText: []byte(text)}
}

// literalStyle returns the prefix style of an integer literal: "0o", "0O",
// "0" (legacy octal), "0x", "0X", "0b", "0B" or "" (decimal).
func literalStyle(lit string) string {
	if len(lit) >= 2 && lit[0] == '0' {
		switch lit[1] {
		case 'o', 'O', 'x', 'X', 'b', 'B':
			return lit[:2]
		}
		return "0"
	}
	return ""
}

func formatMode(v int64, style string) string {
	switch style {
	case "0o", "0O":
		return style + strconv.FormatInt(v, 8)
	case "0":
		return "0" + strconv.FormatInt(v, 8)
	case "0x", "0X":
		return style + strconv.FormatInt(v, 16)
	case "0b", "0B":
		return style + strconv.FormatInt(v, 2)
	}
	return strconv.FormatInt(v, 10)
}

// dominantStyle returns the octal style most used in file: "0" (legacy,
// 0644) or "0o" (0o644); "0o" on a tie, "0" for files older than Go 1.13.
func dominantStyle(pass *analysis.Pass, file *ast.File, styles map[*ast.File]string) string {
	if file == nil {
		return "0o"
	}
	if s, ok := styles[file]; ok {
		return s
	}
	legacy, modern := 0, 0
	ast.Inspect(file, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.INT && len(lit.Value) >= 2 {
			switch literalStyle(lit.Value) {
			case "0":
				if strings.Trim(lit.Value, "0") != "" {
					legacy++
				}
			case "0o", "0O":
				modern++
			}
		}
		return true
	})
	s := "0o"
	if v := pass.TypesInfo.FileVersions[file]; legacy > modern || v != "" && version.Compare(v, "go1.13") < 0 {
		s = "0"
	}
	styles[file] = s
	return s
}
