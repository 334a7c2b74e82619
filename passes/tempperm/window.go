package tempperm

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/flow"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// A create-then-restrict window: a call that creates a file with its
// default mode (os.Create: 0666 less the umask) in a shared temp dir,
// followed in the same function by a Chmod of the same path or file to a
// private mode, or by a create of the same path with a private mode (which
// does not apply: the file exists). Until then, any user can open the
// file and keep the handle.

// restriction is the later call that shows the mode the program wanted.
type restriction struct {
	call   *ast.CallExpr
	name   string // "os.Chmod", "File.Chmod", "os.WriteFile"
	mode   int64
	lit    string // the mode as written, if a literal
	create bool   // a create whose mode is not applied
}

// defaultModeCreate handles a call of the file-API table that takes no
// mode (os.Create, Root.Create).
func defaultModeCreate(m *tempmodel.Model, pass *analysis.Pass, cur inspector.Cursor, ce *ast.CallExpr, styles map[*ast.File]string, windowsOnly func(*ast.File) bool) {
	fn, f := tempmodel.Callee(pass.TypesInfo, ce)
	a, ok := fileapi.Lookup(fn)
	if !ok || a.DefaultMode == 0 || a.Mode >= 0 || a.Path < 0 || a.Path >= len(ce.Args) || ce.Ellipsis.IsValid() {
		return
	}
	c := call{call: ce, name: f.String(), path: ce.Args[a.Path], creates: true, inRoot: a.InRoot}
	p := m.PathProv(ce, a.Path, a.InRoot, true)
	if p.Loc != tempmodel.LocShared || p.Name == tempmodel.NameNone {
		return
	}
	if p.Origin != tempmodel.OriginLiteral && m.TempDirRedirected(cur) {
		return
	}
	if tempmodel.InWindowsBranch(pass.TypesInfo, cur) || namesOpenFile(m, pass, c.path) {
		return
	}
	if file := m.File(ce.Pos()); file == nil || windowsOnly(file) {
		return
	}
	inner := tempmodel.InnermostFunc(cur)
	if inner == nil {
		return
	}
	r, ok := laterRestriction(m, pass, cur, inner, c)
	if !ok {
		return
	}
	if fn := tempmodel.OutermostFunc(cur); fn != nil && (renamedLater(m, pass, fn, c) || inPrivateParent(m, pass, fn, c) || sharesOnPurpose(pass, fn)) {
		return
	}
	reportWindow(m, pass, c, a.DefaultMode, r, styles)
}

// laterRestriction finds, in fn after the create c, a Chmod of the same
// path (or of the created file) or a create of the same path whose
// constant mode is private.
func laterRestriction(m *tempmodel.Model, pass *analysis.Pass, cur inspector.Cursor, fn ast.Node, c call) (restriction, bool) {
	g := m.Graph(fn)
	if g == nil {
		return restriction{}, false
	}
	from := g.Locate(c.call)
	if !from.Valid() {
		return restriction{}, false
	}
	pathKeys := keys(m, pass, c.path, false)
	var fileKey []string
	if obj := tempmodel.ResultVar(pass.TypesInfo, cur); obj != nil {
		fileKey = []string{fmt.Sprintf("f%p", obj)}
	}
	var best restriction
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found {
			return false
		}
		if lit, ok := n.(*ast.FuncLit); ok && lit != fn {
			return false // another function
		}
		ce, ok := n.(*ast.CallExpr)
		if !ok || ce == c.call {
			return true
		}
		r, ok := classify(m, pass, ce)
		if !ok || r.inRoot != c.inRoot {
			return true
		}
		var same bool
		switch {
		case r.recv != nil:
			same = overlap(fileKey, keys(m, pass, r.recv, true))
		case r.path != nil:
			k := keys(m, pass, r.path, false)
			same = overlap(pathKeys, k) || overlap(fileKey, k)
		}
		if !same {
			return true
		}
		mode, ok := m.ConstInt(r.mode)
		if !ok || mode < 0 || mode&^0o777 != 0 || mode&0o077 != 0 {
			return true
		}
		if !g.Reaches(from, flow.Contains(ce), nil) {
			return true
		}
		best = restriction{call: ce, name: r.name, mode: mode, create: r.creates}
		if lit, ok := tempmodel.Unconvert(pass.TypesInfo, r.mode).(*ast.BasicLit); ok {
			best.lit = lit.Value
		}
		found = true
		return false
	})
	return best, found
}

func reportWindow(m *tempmodel.Model, pass *analysis.Pass, c call, def int64, r restriction, styles map[*ast.File]string) {
	file := m.File(c.call.Pos())
	style := dominantStyle(pass, file, styles)
	final := formatMode(r.mode, style)
	shown := r.lit
	if shown == "" {
		shown = final
	}
	line := pass.Fset.Position(r.call.Pos()).Line
	var msg string
	if r.create {
		msg = fmt.Sprintf("%s creates a file in a shared temp dir with mode %s (less the umask), open to other users; the mode %s of the %s on line %d does not apply to an existing file; create it with mode %s",
			c.name, formatMode(def, "0"), shown, r.name, line, final)
	} else {
		msg = fmt.Sprintf("%s creates a file in a shared temp dir with mode %s (less the umask), open to other users until the %s to %s on line %d; create it with mode %s",
			c.name, formatMode(def, "0"), r.name, shown, line, final)
	}
	d := analysis.Diagnostic{Pos: c.call.Pos(), End: c.call.End(), Message: msg, Category: permCategory(def &^ 0o022), // under the usual umask 022
		Related: []analysis.RelatedInformation{{Pos: r.call.Pos(), End: r.call.End(), Message: fmt.Sprintf("%s gives mode %s here", r.name, shown)}}}
	if edits := createWithMode(m, c, final); edits != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Create the file with os.OpenFile and mode " + final,
			TextEdits: edits,
		}}
	}
	m.Report(pass, d)
}

// createWithMode rewrites os.Create(p) (r.Create(name)) as
// os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_TRUNC, mode): the same open
// with the final mode.
func createWithMode(m *tempmodel.Model, c call, mode string) []analysis.TextEdit {
	file := m.File(c.call.Pos())
	sel, ok := ast.Unparen(c.call.Fun).(*ast.SelectorExpr)
	if file == nil || !ok || len(c.call.Args) != 1 {
		return nil
	}
	osName, edits := m.ImportName(file, c.call.Pos(), "os", "os")
	if osName == "" {
		return nil
	}
	recv := osName
	if c.inRoot {
		switch ast.Unparen(sel.X).(type) {
		case *ast.Ident, *ast.SelectorExpr:
			recv = m.Source(sel.X)
		default:
			return nil // a call would run twice or not at all
		}
	}
	text := fmt.Sprintf("%s.OpenFile(%s, %s.O_RDWR|%s.O_CREATE|%s.O_TRUNC, %s)", recv, m.Source(c.path), osName, osName, osName, mode)
	return append(edits, analysis.TextEdit{Pos: c.call.Pos(), End: c.call.End(), NewText: []byte(text)})
}
