package predictabletemp

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// Analyzer reports files and directories created at predictable paths in
// shared temp directories.
var Analyzer = &analysis.Analyzer{
	Name:     "predictabletemp",
	Doc:      docText,
	URL:      "https://github.com/tempguard/tempguard#predictabletemp",
	Requires: []*analysis.Analyzer{tempmodel.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	m := tempmodel.Get(pass)
	if !m.Relevant {
		return nil, nil
	}
	var pending []*pendingDiag
	windowsOnly := map[*ast.File]bool{}
	for _, f := range pass.Files {
		// On Windows the temp dir is per user (%LOCALAPPDATA%\Temp): not shared.
		windowsOnly[f] = m.WindowsOnly(f)
	}
	for cur := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		_, f := tempmodel.Callee(pass.TypesInfo, call)
		if tempmodel.IsCreateTemp(f) || tempmodel.IsMkdirTemp(f) {
			// A random name, but in a directory another user may own.
			if d := tempDirInPredictable(m, pass, cur, call, f, windowsOnly); d != nil {
				pending = append(pending, d)
			}
			continue
		}
		spec, ok := tempmodel.Creators[f]
		if !ok {
			// An exported function that creates a path from its
			// arguments (its Summary says so), given a predictable one.
			pending = append(pending, calleeCreates(pass, m, cur, call, windowsOnly)...)
			continue
		}
		if spec.PathArg >= len(call.Args) || call.Ellipsis.IsValid() {
			continue
		}
		// A rename of a fresh temp file over the name (renameio.WriteFile)
		// replaces a symlink there instead of following it; an afero.Fs
		// that is provably in memory (or read-only, or under a base path)
		// creates nothing at the path.
		if spec.Replace || m.NotOSFS(call) {
			continue
		}
		if spec.FlagArg >= 0 {
			if spec.FlagArg >= len(call.Args) {
				continue
			}
			known, create, excl := m.OpenFlags(call.Args[spec.FlagArg])
			if !known || !create {
				continue
			}
			if excl {
				// O_EXCL stops a symlink at the name, not the owner of
				// the directory it is in.
				if d := inPredictableDir(m, pass, cur, call, f, spec, windowsOnly); d != nil {
					pending = append(pending, d)
				}
				continue
			}
		}
		if windowsOnly[m.File(call.Pos())] || tempmodel.InWindowsBranch(pass.TypesInfo, cur) {
			continue
		}
		p := m.PathProv(call, spec.PathArg, spec.InRoot, true)
		if !p.SharedPredictable() {
			if p.Loc == tempmodel.LocShared && p.Name == tempmodel.NameRandom && !spec.InRoot {
				if d := inPredictableDir(m, pass, cur, call, f, spec, windowsOnly); d != nil {
					pending = append(pending, d)
				}
			}
			continue
		}
		if p.Origin != tempmodel.OriginLiteral && m.TempDirRedirected(cur) {
			continue // os.TempDir() is private here: TMPDIR was set to one
		}
		if spec.Dir && stickyMode(m, call, spec) || ownerVerified(pass, cur) || inVerifiedDir(m, pass, cur, call.Args[spec.PathArg]) ||
			spec.InRoot && ownRoot(m, pass, cur, call) {
			continue
		}
		// os.Mkdir, os.Symlink and os.Link fail when the name exists, as an
		// O_EXCL open does: with the error checked, another user can make
		// them fail but not take the name over.
		if spec.Exclusive && !tempmodel.ExistTolerated(pass.TypesInfo, cur) {
			if d := inPredictableDir(m, pass, cur, call, f, spec, windowsOnly); d != nil {
				pending = append(pending, d)
			}
			continue
		}
		pending = append(pending, check(pass, m, cur, call, f, spec, p))
	}
	finalize(m, pending)
	return nil, nil
}

// inPredictableDir reports a creation that is safe at its name (O_EXCL, an
// os.Mkdir whose error is checked, a random name) but whose directory is a
// predictable path in a shared temp dir (/tmp/app/lock after
// os.MkdirAll("/tmp/app", ...)): the first user to create that directory
// owns it, and can remove, replace or read what is put in it. Quiet when
// the directory is verified or made by a strict os.Mkdir, as for the names
// themselves (inVerifiedDir).
func inPredictableDir(m *tempmodel.Model, pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr, f tempmodel.Func, spec tempmodel.CreatesPath, windowsOnly map[*ast.File]bool) *pendingDiag {
	if spec.InRoot || spec.Replace || m.NotOSFS(call) {
		return nil
	}
	path := call.Args[spec.PathArg]
	return derived(m, pass, cur, call, f, m.ParentProv(path), path, windowsOnly)
}

// tempDirInPredictable reports os.CreateTemp and os.MkdirTemp in a
// directory that is a predictable path in a shared temp dir.
func tempDirInPredictable(m *tempmodel.Model, pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr, f tempmodel.Func, windowsOnly map[*ast.File]bool) *pendingDiag {
	a, ok := fileapi.LookupFunc(f)
	if !ok || a.DirArg < 0 || a.DirArg >= len(call.Args) || call.Ellipsis.IsValid() {
		return nil
	}
	return derived(m, pass, cur, call, f, m.PathProv(call, a.DirArg, false, true), call.Args[a.DirArg], windowsOnly)
}

// derived builds the finding for a creation by f inside a directory whose
// provenance is parent (pathExpr: the created path, or the directory
// itself), or nil when that directory is not a predictable shared one.
func derived(m *tempmodel.Model, pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr, f tempmodel.Func, parent tempmodel.Prov, pathExpr ast.Expr, windowsOnly map[*ast.File]bool) *pendingDiag {
	if !parent.SharedPredictable() || parent.Owned {
		return nil // not predictable, or a directory the function made itself
	}
	if windowsOnly[m.File(call.Pos())] || tempmodel.InWindowsBranch(pass.TypesInfo, cur) {
		return nil
	}
	if parent.Origin != tempmodel.OriginLiteral && m.TempDirRedirected(cur) {
		return nil
	}
	if ownerVerified(pass, cur) || inVerifiedDir(m, pass, cur, pathExpr) {
		return nil
	}
	_, mkdirTemp := fileapi.TempCalls(f)
	pd := &pendingDiag{pass: pass}
	pd.d.Pos, pd.d.End = call.Pos(), call.End()
	pd.d.Message = fmt.Sprintf("created inside a predictable temp directory built from %s; whoever creates that directory first owns it and can replace or read what is put in it: use a directory from "+mkdirTemp,
		sources(parent), tempmodel.Pattern(parent, true))
	return pd
}

// pendingDiag is a diagnostic whose fix deletes code: whether the fix can
// be offered depends on the other fixes of the file (see finalize).
type pendingDiag struct {
	pass *analysis.Pass
	d    analysis.Diagnostic
	fix  *pendingFix
}

type pendingFix struct {
	file  *ast.File
	dels  []ast.Node // code the fix deletes
	skip  *types.Var // a variable the fix removes entirely
	edits []analysis.TextEdit
	msg   string
}

// finalize decides the fixes that delete code, in source order. Applied
// alone or together, the accepted fixes must leave no import unused and
// delete none still needed: a fix is accepted only if every import its
// deleted code uses is either used nowhere else (the fix deletes it) or
// still used outside the code deleted by it and by the fixes accepted so far.
func finalize(m *tempmodel.Model, pending []*pendingDiag) {
	accepted := map[*ast.File][]ast.Node{}
	for _, pd := range pending {
		if fx := pd.fix; fx != nil {
			imps, ok := orphanEdits(m, fx.file, fx.dels, fx.skip, accepted[fx.file])
			if ok {
				accepted[fx.file] = append(accepted[fx.file], fx.dels...)
				edits := append(slices.Clone(fx.edits), imps...)
				pd.d.SuggestedFixes = []analysis.SuggestedFix{{Message: fx.msg, TextEdits: edits}}
			}
		}
		m.Report(pd.pass, pd.d)
	}
}

// sources renders what the name is built from, most telling first.
func sources(p tempmodel.Prov) string {
	q := p.WithoutConstants()
	if len(q.Sources) == 0 {
		return "constants only"
	}
	return q.SourceList()
}

func check(pass *analysis.Pass, m *tempmodel.Model, cur inspector.Cursor, call *ast.CallExpr, f tempmodel.Func, spec tempmodel.CreatesPath, p tempmodel.Prov) *pendingDiag {
	from := sources(p)
	// Through a file-system abstraction the secure calls are its own
	// (afero.TempFile(fs, ...)), and no fix rewrites the call to os's.
	viaFS := fileapi.Abstraction(f.Pkg)
	createTemp, mkdirTemp := fileapi.TempCalls(f)
	pd := &pendingDiag{pass: pass}
	d := &pd.d
	d.Pos, d.End = call.Pos(), call.End()
	switch {
	case spec.InRoot:
		// No fix: *os.Root has no CreateTemp; the root itself must move.
		d.Message = fmt.Sprintf("predictable name built from %s in an os.Root opened on a shared temp dir; another user can create it first (the root stops symlinks, not that): open the root on a directory from os.MkdirTemp(\"\", %q)",
			from, tempmodel.Pattern(p, true))
	case spec.Dir:
		d.Message = fmt.Sprintf("predictable temp directory path built from %s; another user can create it first: use "+mkdirTemp,
			from, tempmodel.Pattern(p, true))
		if !p.ConstantOnly() && !viaFS && !p.Each {
			pd.fix = mkdirTempFix(pass, m, cur, call, p)
		}
	case spec.Link:
		d.Message = fmt.Sprintf("predictable temp path for a new link built from %s; create links inside a directory from "+mkdirTemp,
			from, tempmodel.Pattern(p, true))
	case executedByName(m, call.Args[spec.PathArg]): // a script written, then run
		// No fix: a random name alone still leaves the script in a
		// directory every user can write to until it runs.
		d.Message = fmt.Sprintf("predictable temp file path built from %s is written and then executed by name: another user can put a program there first; write it inside a directory from "+mkdirTemp,
			from, tempmodel.Pattern(p, true))
	case spec.FlagArg >= 0:
		d.Message = fmt.Sprintf("predictable temp file path built from %s is opened with O_CREATE but without O_EXCL; add os.O_EXCL or use "+createTemp,
			from, tempmodel.Pattern(p, false))
		// A constant name is a rendezvous (a lock, or a log file that later
		// runs append to): O_EXCL would make the second open fail.
		if p.ConstantOnly() {
			d.Message = fmt.Sprintf("predictable temp file path built from %s is opened with O_CREATE but without O_EXCL; an attacker's symlink redirects it: put it in a private directory (os.UserCacheDir, $XDG_RUNTIME_DIR, "+mkdirTempName(mkdirTemp)+")",
				from)
		} else if fix, ok := addExcl(m, call.Args[spec.FlagArg]); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	case spec.ModeArg >= 0: // WriteFile
		d.Message = fmt.Sprintf("predictable temp file path built from %s; an attacker's symlink redirects the write: write through "+createTemp+" instead",
			from, tempmodel.Pattern(p, false))
	default: // os.Create
		d.Message = fmt.Sprintf("predictable temp file path built from %s; use "+createTemp, from, tempmodel.Pattern(p, false))
		if p.ConstantOnly() {
			d.Message = fmt.Sprintf("predictable temp file path built from %s; if other programs need this name, put it in a private directory ("+mkdirTempName(mkdirTemp)+", os.UserCacheDir), else use "+createTemp,
				from, tempmodel.Pattern(p, false))
		} else if !viaFS && !p.Each {
			// (A loop's value that is only sometimes in the temp dir
			// keeps its directory: CreateTemp("", ...) would move it.)
			pd.fix = createTempFix(pass, m, cur, call, p)
		}
	}
	return pd
}

// executedByName reports whether path is a local variable that the
// function also passes as the program of an exec call (exec.Command,
// syscall.Exec: the table's OpExec path argument).
func executedByName(m *tempmodel.Model, path ast.Expr) bool {
	id, ok := ast.Unparen(path).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := m.Pass().TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	for _, use := range m.UsesOf(v) {
		call, ok := use.Parent().Node().(*ast.CallExpr)
		if !ok {
			continue
		}
		a, ok := fileapi.CallAPI(m.Pass().TypesInfo, call)
		if ok && a.Ops.Has(fileapi.OpExec) && fileapi.Arg(call, a.Path) == use.Node() {
			return true
		}
	}
	return false
}

// mkdirTempName is the function name of a MkdirTemp call format.
func mkdirTempName(format string) string {
	name, _, _ := strings.Cut(format, "(")
	return name
}

// addExcl adds |os.O_EXCL to a flag expression written at the call.
func addExcl(m *tempmodel.Model, flags ast.Expr) (analysis.SuggestedFix, bool) {
	// Only expressions built from constants at the call site: a flag
	// variable may be shared with other opens.
	if !constantFlags(m, flags) {
		return analysis.SuggestedFix{}, false
	}
	file := m.File(flags.Pos())
	osName, edits := m.ImportName(file, flags.Pos(), "os", "os")
	if osName == "" {
		return analysis.SuggestedFix{}, false
	}
	edits = append(edits, analysis.TextEdit{Pos: flags.End(), End: flags.End(), NewText: []byte("|" + osName + ".O_EXCL")})
	return analysis.SuggestedFix{Message: "Add os.O_EXCL so the open fails if the path exists", TextEdits: edits}, true
}

func constantFlags(m *tempmodel.Model, e ast.Expr) bool {
	if tv, ok := m.Pass().TypesInfo.Types[e]; ok && tv.Value != nil {
		return true
	}
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.OR {
		return constantFlags(m, b.X) && constantFlags(m, b.Y)
	}
	return false
}

// createTempFix rewrites os.Create(path) to os.CreateTemp("", pattern)
// where that keeps the program building and nothing else needs the old
// name: the path is written inline (and not repeated elsewhere), or is a
// local variable defined just for this call whose later uses can become
// f.Name().
func createTempFix(pass *analysis.Pass, m *tempmodel.Model, cur inspector.Cursor, call *ast.CallExpr, p tempmodel.Prov) *pendingFix {
	file := m.File(call.Pos())
	if file == nil {
		return nil
	}
	osName, edits := m.ImportName(file, call.Pos(), "os", "os")
	if osName == "" {
		return nil
	}
	fx := &pendingFix{file: file, msg: "Use os.CreateTemp for an unpredictable name created with O_EXCL"}
	info := pass.TypesInfo
	arg := ast.Unparen(call.Args[0])
	newCall := fmt.Sprintf("%s.CreateTemp(\"\", %q)", osName, tempmodel.Pattern(p, false))

	if id, ok := arg.(*ast.Ident); ok {
		v, ok := info.Uses[id].(*types.Var)
		if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			return nil
		}
		more, defStmt, ok := rewriteVarUses(pass, m, cur, call, id, v, file)
		if !ok {
			return nil
		}
		edits = append(edits, more...)
		fx.dels, fx.skip = []ast.Node{defStmt}, v
	} else {
		if !pureExpr(m, arg) || repeated(m, file, arg) {
			return nil
		}
		fx.dels = []ast.Node{arg}
	}
	fx.edits = append(edits, analysis.TextEdit{Pos: call.Pos(), End: call.End(), NewText: []byte(newCall)})
	return fx
}

// rewriteVarUses handles os.Create(p) for a local p defined once by
// `p := expr`: the definition goes, and uses after the call become
// f.Name() where f is the file the call assigns.
func rewriteVarUses(pass *analysis.Pass, m *tempmodel.Model, cur inspector.Cursor, call *ast.CallExpr, argID *ast.Ident, v *types.Var, file *ast.File) ([]analysis.TextEdit, ast.Stmt, bool) {
	info := pass.TypesInfo
	// The call must be `f, err := os.Create(p)` (or =) with a named f.
	assign, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(assign.Rhs) != 1 || assign.Rhs[0] != call || len(assign.Lhs) != 2 {
		return nil, nil, false
	}
	fid, ok := assign.Lhs[0].(*ast.Ident)
	if !ok || fid.Name == "_" {
		return nil, nil, false
	}
	fv, _ := info.Defs[fid].(*types.Var)
	if fv == nil {
		fv, _ = info.Uses[fid].(*types.Var)
	}
	if fv == nil {
		return nil, nil, false
	}
	if xs, _, complete := m.Defs(fv); !complete || len(xs) != 1 {
		return nil, nil, false
	}
	// p: defined once, by a statement of its own.
	xs, idx, complete := m.Defs(v)
	if !complete || len(xs) != 1 || idx[0] >= 0 || !pureExpr(m, xs[0]) {
		return nil, nil, false
	}
	defStmt := defStatement(file, v, info)
	if defStmt == nil {
		return nil, nil, false
	}
	var edits []analysis.TextEdit
	fScope := fv.Parent()
	for id, obj := range info.Uses {
		if obj != v || id == argID {
			continue
		}
		if id.Pos() < assign.End() || fScope == nil || !fScope.Contains(id.Pos()) {
			return nil, nil, false
		}
		edits = append(edits, analysis.TextEdit{Pos: id.Pos(), End: id.End(), NewText: []byte(fid.Name + ".Name()")})
	}
	edits = append(edits, deleteLine(pass.Fset, file, defStmt))
	return edits, defStmt, true
}

// defStatement finds the statement `v := expr` or `var v = expr` that
// defines v alone.
func defStatement(file *ast.File, v *types.Var, info *types.Info) ast.Stmt {
	var found ast.Stmt
	ast.Inspect(file, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				if id, ok := n.Lhs[0].(*ast.Ident); ok && info.Defs[id] == v {
					found = n
				}
			}
		case *ast.DeclStmt:
			gd, ok := n.Decl.(*ast.GenDecl)
			if ok && gd.Tok == token.VAR && len(gd.Specs) == 1 {
				vs := gd.Specs[0].(*ast.ValueSpec)
				if len(vs.Names) == 1 && len(vs.Values) == 1 && info.Defs[vs.Names[0]] == v {
					found = n
				}
			}
		}
		return true
	})
	return found
}

// deleteLine deletes a statement together with its line.
func deleteLine(fset *token.FileSet, file *ast.File, n ast.Node) analysis.TextEdit {
	tf := fset.File(n.Pos())
	start := tf.LineStart(tf.Line(n.Pos()))
	end := n.End()
	if l := tf.Line(n.End()); l < tf.LineCount() {
		end = tf.LineStart(l + 1)
	}
	return analysis.TextEdit{Pos: start, End: end}
}

// pureExpr reports whether deleting e cannot drop a side effect: its calls
// are to path-building functions only.
func pureExpr(m *tempmodel.Model, e ast.Node) bool {
	ok := true
	info := m.Pass().TypesInfo
	ast.Inspect(e, func(n ast.Node) bool {
		call, isCall := n.(*ast.CallExpr)
		if !isCall || !ok {
			return ok
		}
		if tv, found := info.Types[call.Fun]; found && tv.IsType() {
			return true
		}
		fn, _ := tempmodel.Callee(info, call)
		switch {
		case fn == nil:
			if id, isID := ast.Unparen(call.Fun).(*ast.Ident); isID {
				if b, isB := info.Uses[id].(*types.Builtin); isB && b.Name() == "len" {
					return true
				}
			}
			ok = false
		case fileapi.PurityOf(fn) != fileapi.Effects:
		default:
			ok = false
		}
		return ok
	})
	return ok
}

// repeated reports whether the source text of e occurs elsewhere in the
// file: then the name is recomputed, and a random one would break that.
func repeated(m *tempmodel.Model, file *ast.File, e ast.Expr) bool {
	src := m.Render(e)
	found := false
	ast.Inspect(file, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		x, ok := n.(ast.Expr)
		if ok && x != e && x.Pos() != e.Pos() && m.Render(x) == src {
			found = true
		}
		return !found
	})
	return found
}

// orphanEdits checks what deleting the nodes dels leaves unused: a local
// variable other than skip makes the fix unsafe (nil, false); an import
// used nowhere else gets an edit that deletes it; an import still used only
// inside others (code that other fixes delete) makes the fix unsafe too.
func orphanEdits(m *tempmodel.Model, file *ast.File, dels []ast.Node, skip *types.Var, others []ast.Node) ([]analysis.TextEdit, bool) {
	info := m.Pass().TypesInfo
	within := func(nodes []ast.Node, pos token.Pos) bool {
		for _, d := range nodes {
			if d.Pos() <= pos && pos < d.End() {
				return true
			}
		}
		return false
	}
	inDels := func(pos token.Pos) bool { return within(dels, pos) }
	used := map[types.Object]bool{}
	for _, d := range dels {
		ast.Inspect(d, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if obj := info.Uses[id]; obj != nil {
					used[obj] = true
				}
			}
			return true
		})
	}
	remaining := map[types.Object]int{} // uses outside dels
	outside := map[types.Object]int{}   // uses outside dels and others
	for id, obj := range info.Uses {
		if used[obj] && !inDels(id.Pos()) && m.File(id.Pos()) == file {
			remaining[obj]++
			if !within(others, id.Pos()) {
				outside[obj]++
			}
		}
	}
	var edits []analysis.TextEdit
	for obj := range used {
		switch obj := obj.(type) {
		case *types.PkgName:
			if remaining[obj] > 0 {
				if outside[obj] == 0 {
					return nil, false // only other fixes' code still uses it
				}
				continue
			}
			spec := importSpec(file, obj, info)
			if spec == nil {
				return nil, false
			}
			edits = append(edits, deleteLine(m.Pass().Fset, file, spec))
		case *types.Var:
			if obj == skip || obj.IsField() || obj.Parent() == nil || obj.Pkg() == nil || obj.Parent() == obj.Pkg().Scope() {
				continue
			}
			if outside[obj] == 0 && !isParam(obj) {
				// Also count uses in other files of the package (closures can't
				// span files, so locals are always file-local).
				return nil, false
			}
		}
	}
	return edits, true
}

func isParam(v *types.Var) bool {
	// Parameters live in the function's scope, whose parent is the file
	// scope; there is no direct API, so compare with the signature.
	return v.Kind() == types.ParamVar || v.Kind() == types.RecvVar || v.Kind() == types.ResultVar
}

func importSpec(file *ast.File, pn *types.PkgName, info *types.Info) *ast.ImportSpec {
	for _, spec := range file.Imports {
		if spec.Name != nil {
			if info.Defs[spec.Name] == pn {
				return spec
			}
		} else if info.Implicits[spec] == pn {
			return spec
		}
	}
	return nil
}

// mkdirTempFix rewrites
//
//	dir := <path>
//	if err := os.MkdirAll(dir, mode); err != nil { ... }
//
// to
//
//	dir, err := os.MkdirTemp("", "<prefix>-*")
//	if err != nil { ... }
//
// (and the same with os.Mkdir, or a bare `os.MkdirAll(dir, mode)`
// statement, whose error was ignored, to `dir, _ := os.MkdirTemp(...)`).
func mkdirTempFix(pass *analysis.Pass, m *tempmodel.Model, cur inspector.Cursor, call *ast.CallExpr, p tempmodel.Prov) *pendingFix {
	info := pass.TypesInfo
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	xs, idx, complete := m.Defs(v)
	if !complete || len(xs) != 1 || idx[0] >= 0 || !pureExpr(m, xs[0]) {
		return nil
	}
	// The statement holding the call: `if err := call; err != nil {` or `call`.
	var stmt ast.Stmt
	errName := "_"
	parent := cur.Parent()
	switch n := parent.Node().(type) {
	case *ast.ExprStmt:
		stmt = n
	case *ast.AssignStmt:
		ifs, ok := parent.Parent().Node().(*ast.IfStmt)
		if !ok || ifs.Init != n || ifs.Else != nil || n.Tok != token.DEFINE || len(n.Lhs) != 1 || len(n.Rhs) != 1 {
			return nil
		}
		eid, ok := n.Lhs[0].(*ast.Ident)
		cond, ok2 := ifs.Cond.(*ast.BinaryExpr)
		if !ok || !ok2 || cond.Op != token.NEQ || !isIdent(cond.X, eid.Name) || !isIdent(cond.Y, "nil") {
			return nil
		}
		// `dir, err :=` in the enclosing block must not capture another err.
		scope := pass.Pkg.Scope().Innermost(ifs.Pos())
		if scope != nil {
			if s, obj := scope.LookupParent(eid.Name, ifs.Pos()); obj != nil && s != scope {
				return nil
			}
		}
		stmt, errName = ifs, eid.Name
	default:
		return nil
	}
	// The definition `dir := <path>` must come right before, in the same block.
	block, ok := parent.Parent().Node().(*ast.BlockStmt)
	if errName != "_" {
		block, ok = parent.Parent().Parent().Node().(*ast.BlockStmt)
	}
	if !ok {
		return nil
	}
	i := slices.Index(block.List, stmt)
	if i < 1 {
		return nil
	}
	def, ok := block.List[i-1].(*ast.AssignStmt)
	if !ok || def.Tok != token.DEFINE || len(def.Lhs) != 1 || len(def.Rhs) != 1 || !isIdent(def.Lhs[0], v.Name()) || info.Defs[def.Lhs[0].(*ast.Ident)] != v {
		return nil
	}
	file := m.File(call.Pos())
	osName, edits := m.ImportName(file, call.Pos(), "os", "os")
	if osName == "" {
		return nil
	}
	newDef := fmt.Sprintf("%s, %s := %s.MkdirTemp(\"\", %q)", v.Name(), errName, osName, tempmodel.Pattern(p, true))
	edits = append(edits, analysis.TextEdit{Pos: def.Pos(), End: def.End(), NewText: []byte(newDef)})
	dels := []ast.Node{def.Rhs[0]}
	if ifs, ok := stmt.(*ast.IfStmt); ok {
		edits = append(edits, analysis.TextEdit{Pos: ifs.Init.Pos(), End: ifs.Cond.Pos()})
		dels = append(dels, ifs.Init)
	} else {
		edits = append(edits, deleteLine(pass.Fset, file, stmt))
		dels = append(dels, stmt)
	}
	return &pendingFix{file: file, dels: dels, edits: edits, msg: "Use os.MkdirTemp for a private directory with an unpredictable name"}
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == name
}

// stickyMode reports whether a directory is created with the sticky bit
// (os.ModeSticky, or 0o1777 in Unix notation): a directory deliberately
// shared by all users, like /tmp itself.
func stickyMode(m *tempmodel.Model, call *ast.CallExpr, spec tempmodel.CreatesPath) bool {
	if spec.ModeArg < 0 || spec.ModeArg >= len(call.Args) {
		return false
	}
	return m.StickyMode(call.Args[spec.ModeArg])
}

// ownerVerified reports whether the function that creates a directory
// checks who owns it afterwards (a type assertion to syscall.Stat_t or
// unix.Stat_t, to compare its Uid with os.Getuid()): the per-user
// directory pattern of ssh-agent and tmux, which an attacker's pre-created
// directory fails.
func ownerVerified(pass *analysis.Pass, cur inspector.Cursor) bool {
	return verifiesOwner(pass, tempmodel.InnermostFunc(cur))
}

// inVerifiedDir reports whether path is an entry of a directory that a
// same-package helper returns after verifying its owner
// (filepath.Join(userDir(), "state") where userDir checks Stat_t.Uid):
// the directory is the user's own, whatever its predictable name. (A
// directory the program made itself with a strict os.Mkdir is private in
// the model: tempmodel's ownDir.)
func inVerifiedDir(m *tempmodel.Model, pass *analysis.Pass, cur inspector.Cursor, path ast.Expr) bool {
	e := ast.Unparen(path)
	for range 4 {
		switch x := e.(type) {
		case *ast.CallExpr:
			fn, f := tempmodel.Callee(pass.TypesInfo, x)
			if (f.Is("path/filepath", "Join") || f.Is("path", "Join")) && len(x.Args) >= 2 && !x.Ellipsis.IsValid() {
				e = ast.Unparen(x.Args[0])
				continue
			}
			if fn != nil {
				if decl := m.FuncDecl(fn); decl != nil {
					return verifiesOwner(pass, decl)
				}
			}
			return false
		case *ast.BinaryExpr:
			if x.Op != token.ADD {
				return false
			}
			e = ast.Unparen(x.X)
		case *ast.Ident:
			v, ok := pass.TypesInfo.Uses[x].(*types.Var)
			if !ok {
				return false
			}
			xs, idx, complete := m.Defs(v)
			if !complete || len(xs) != 1 || idx[0] > 0 {
				return false
			}
			e = ast.Unparen(xs[0])
		default:
			return false
		}
	}
	return false
}

// ownRoot reports whether the *os.Root whose method call is at cur was
// opened on a directory (or inside one) that the function made itself
// with a strict os.Mkdir before: that Mkdir fails if anything is at the
// name, so on success the directory is the program's own and nobody else
// can have created the names inside it (the fixed form of Incus
// GHSA-73hr-m85f-64v9).
func ownRoot(m *tempmodel.Model, pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	base := m.RootBase(sel.X)
	return base != nil && strictMkdirOf(m, pass, tempmodel.InnermostFunc(cur), base, call.Pos())
}

// strictMkdirOf reports whether fn creates a directory with os.Mkdir and
// a checked error that does not excuse IsExist: the directory is then its
// own. With dir set, the Mkdir must be of the same expression
// ([tempmodel.Model.SameExpr]: the same variable, an equal constant) and,
// with before set, come before it.
func strictMkdirOf(m *tempmodel.Model, pass *analysis.Pass, fn ast.Node, dir ast.Expr, before token.Pos) bool {
	if fn == nil {
		return false
	}
	c, ok := m.Inspector.Root().FindNode(fn)
	if !ok {
		return false
	}
	for cc := range c.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if _, f := tempmodel.Callee(pass.TypesInfo, call); !f.Is("os", "Mkdir") || len(call.Args) != 2 {
			continue
		}
		if dir != nil && !m.SameExpr(call.Args[0], dir, nil) || before.IsValid() && call.Pos() >= before {
			continue
		}
		if !tempmodel.ExistTolerated(pass.TypesInfo, cc) {
			return true
		}
	}
	return false
}

// verifiesOwner reports whether fn type-asserts a FileInfo's Sys() to
// syscall.Stat_t or unix.Stat_t (to compare its Uid with os.Getuid()).
func verifiesOwner(pass *analysis.Pass, fn ast.Node) bool {
	if fn == nil {
		return false
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found {
			return false
		}
		ta, ok := n.(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil {
			return true
		}
		t := pass.TypesInfo.TypeOf(ta.Type)
		found = fileapi.IsNamed(t, "syscall", "Stat_t") || fileapi.IsNamed(t, "golang.org/x/sys/unix", "Stat_t")
		return !found
	})
	return found
}
