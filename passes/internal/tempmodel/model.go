package tempmodel

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"github.com/tempguard/tempguard/passes/internal/severity"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/flow"
)

// Analyzer computes the shared [Model] of a package. Every tempguard pass
// requires it; it reports nothing itself.
var Analyzer = &analysis.Analyzer{
	Name:       "tempmodel",
	Doc:        "shared model of temp-file APIs and path provenance for tempguard passes (reports nothing)",
	URL:        "https://github.com/tempguard/tempguard",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Model](),
	FactTypes:  []analysis.Fact{(*Summary)(nil), (*PackageFact)(nil)},
}

// PackageFact marks a relevant package outside the standard library:
// packages that import it must be analyzed even if they import no file API
// themselves, because its functions may create, remove or close files.
type PackageFact struct{}

func (*PackageFact) AFact() {}

func (*PackageFact) String() string { return "tempguard-facts" }

// Model is the shared result. Its methods answer questions about the
// package's syntax; they are not safe for concurrent use.
type Model struct {
	pass *analysis.Pass
	// Relevant is false for packages that cannot create, open or remove a
	// file by name: passes should return at once.
	Relevant  bool
	Inspector *inspector.Inspector

	index     *index
	decls     map[*types.Func]*ast.FuncDecl
	results   map[*types.Func]*Prov    // computed or imported result summaries; nil entry = none
	summaries map[*types.Func]*Summary // computed or imported summaries; nil entry = none
	inProg    map[*types.Func]bool     // result summaries being computed
	// summarizing are the functions whose Summary is being computed.
	summarizing map[*types.Func]bool
	// noReturn caches the NoReturn part of this package's functions'
	// summaries, which MayReturn needs for every call without the rest
	// (true while being computed: a cycle returns).
	noReturn map[*types.Func]*bool
	// exists caches the Exists part likewise (see [Model.Exists]).
	exists map[*types.Func]*Exists
	// paramOwnership caches the ownership of parameters for the
	// summarizers (summary_remove.go, summary_keep.go).
	paramOwnership map[*types.Var]*Ownership
	supp           *suppressions
	callers        *callSites   // built on first use by ProvWithCallers
	moreResults    *resultCache // results other than the first string, closures' results (results.go)
	shared         *shared
}

// shared is the state that the per-pass copies of a package's model share:
// what is immutable once built, and the caches every pass fills once for
// all (control-flow graphs, flag values), behind a lock (see
// [Model.forPass]).
type shared struct {
	once  sync.Once
	index *index

	mu       sync.Mutex
	cfgs     map[ast.Node]*flow.Graph
	flags    map[*types.Package]fileapi.FlagValues
	analyzed map[*types.Package]bool // packages with a PackageFact

	usesOnce sync.Once
	uses     map[*types.Var][]inspector.Cursor // see UsesOf

	goosOnce  sync.Once
	goosCases map[ast.Expr]bool // see NotWindowsWhen
}

func newShared() *shared {
	return &shared{cfgs: map[ast.Node]*flow.Graph{}, flags: map[*types.Package]fileapi.FlagValues{}, analyzed: map[*types.Package]bool{}}
}

// forPass returns a copy of m for one pass. The go command (unitchecker)
// and the other drivers run the passes of a package concurrently, and the
// model fills its caches lazily, so every pass gets its own caches; the
// definition index, read-only once built, is built once and shared.
func (m *Model) forPass() *Model {
	c := &Model{
		pass:        m.pass,
		Relevant:    m.Relevant,
		Inspector:   m.Inspector,
		decls:       m.decls, // read-only after run
		results:     maps.Clone(m.results),
		summaries:   maps.Clone(m.summaries),
		inProg:      map[*types.Func]bool{},
		summarizing: map[*types.Func]bool{},
		noReturn:    maps.Clone(m.noReturn),
		exists:      maps.Clone(m.exists),
		shared:      m.shared,
		supp:        m.supp, // read-only after run
	}
	return c
}

// Pass returns the model's own pass (for its TypesInfo and Fset).
func (m *Model) Pass() *analysis.Pass { return m.pass }

// triggers are the imports that make a package relevant.
var triggers = map[string]bool{
	"os": true, "io/ioutil": true, "syscall": true, "os/exec": true,
	"golang.org/x/sys/unix": true, "golang.org/x/sys/windows": true, "testing": true,
}

func run(pass *analysis.Pass) (any, error) {
	m := &Model{
		pass:        pass,
		Inspector:   pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		decls:       map[*types.Func]*ast.FuncDecl{},
		results:     map[*types.Func]*Prov{},
		summaries:   map[*types.Func]*Summary{},
		inProg:      map[*types.Func]bool{},
		summarizing: map[*types.Func]bool{},
		noReturn:    map[*types.Func]*bool{},
		exists:      map[*types.Func]*Exists{},
		shared:      newShared(),
	}
	// Parsed once here, in every package (its comments can be wrong even
	// where no pass has anything to report): every pass's copy reads them.
	m.supp = parseSuppressions(pass)
	for _, imp := range pass.Pkg.Imports() {
		if triggers[imp.Path()] || fileapi.Abstraction(imp.Path()) || pass.ImportPackageFact(imp, new(PackageFact)) {
			m.Relevant = true
			break
		}
	}
	if !m.Relevant && !InGOROOT(pass) && closesSomething(pass.TypesInfo) {
		// A package that imports no file API but closes or flushes
		// something (func finish(c io.Closer) { c.Close() }) has no
		// finding of its own, but its callers need its Summary.
		m.Relevant = true
	}
	if !m.Relevant {
		return m, nil
	}
	// Import the facts of every function of another package that this
	// package uses: facts cannot be imported after Run returns.
	for id, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
			continue
		}
		fn = fn.Origin()
		if _, done := m.summaries[fn]; done {
			continue
		}
		var fact Summary
		if pass.ImportObjectFact(fn, &fact) {
			m.summaries[fn] = &fact
			m.results[fn] = fact.Result
		} else {
			m.summaries[fn] = nil
			m.results[fn] = nil
		}
		_ = id
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					m.decls[fn] = fd
				}
			}
		}
	}
	// Export summaries of this package's functions (not for the standard
	// library, whose functions the model knows by name).
	// The package fact marks every relevant package outside the standard
	// library, so that importers run too: passes keep facts of their own
	// (a helper that removes or closes its argument) that callers need.
	// Package-level functions that are not exported are left out: the
	// go command's fact encoding drops facts about objects other packages
	// cannot name (objectpath), so computing theirs here would be for
	// nothing; this package's own passes compute them when they ask.
	if !InGOROOT(pass) {
		for fn := range m.decls {
			if !fn.Exported() && fn.Signature().Recv() == nil {
				continue
			}
			if s := m.Summary(fn); s != nil {
				pass.ExportObjectFact(fn, s)
			}
		}
		pass.ExportPackageFact(&PackageFact{})
	}
	return m, nil
}

// closesSomething reports whether the package selects a closing method
// (ClosingMethod: an io.Closer's method or a known writer's flush), from
// the type checker's selections.
func closesSomething(info *types.Info) bool {
	closeName := CloserIface.Method(0).Name()
	for sel, s := range info.Selections {
		if s.Kind() != types.MethodVal && s.Kind() != types.MethodExpr {
			continue
		}
		if fn, ok := s.Obj().(*types.Func); ok && (fn.Name() == closeName || IsFlush(fn)) && ClosingMethod(info, sel) {
			return true
		}
	}
	return false
}

// interesting reports whether a result summary says anything a caller can use.
func interesting(p Prov) bool {
	if p.LocFrom > 0 || len(p.NameFrom) > 0 {
		return true
	}
	return p.Loc == LocShared || p.Loc == LocPrivate || p.Name == NamePredictable && p.Loc != LocUnknown
}

// InGOROOT reports whether the pass's package is in the standard library
// (its files are under GOROOT/src): the one "is this the standard library"
// test of the passes.
func InGOROOT(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return false
	}
	root := build.Default.GOROOT
	if root == "" {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	return strings.HasPrefix(name, filepath.Join(root, "src")+string(filepath.Separator))
}

// FuncDecl returns the declaration of a function of this package.
func (m *Model) FuncDecl(fn *types.Func) *ast.FuncDecl { return m.decls[fn] }

// CFG returns the control-flow graph of a function body (of an
// *ast.FuncDecl or *ast.FuncLit); see [Model.Graph].
func (m *Model) CFG(fn ast.Node) *cfg.CFG {
	if g := m.Graph(fn); g != nil {
		return g.CFG
	}
	return nil
}

// Graph returns the control-flow graph of a function body (of an
// *ast.FuncDecl or *ast.FuncLit) with its queries, built on first request
// and then shared by every pass of the package run. Calls that never
// return (panic, os.Exit, log.Fatal, t.Fatal, functions whose summary says
// so) end their block.
func (m *Model) Graph(fn ast.Node) *flow.Graph {
	m.shared.mu.Lock()
	g, ok := m.shared.cfgs[fn]
	m.shared.mu.Unlock()
	if ok {
		return g
	}
	var body *ast.BlockStmt
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	if body == nil {
		return nil
	}
	g = flow.New(body, m.MayReturn)
	m.shared.mu.Lock()
	defer m.shared.mu.Unlock()
	if old, ok := m.shared.cfgs[fn]; ok {
		return old // another pass built it meanwhile: keep one graph
	}
	m.shared.cfgs[fn] = g
	return g
}

// MayReturn reports whether a call may return normally: false for panic,
// the standard library's no-return calls ([fileapi.NoReturn]) and functions
// whose [Summary] says NoReturn (in this package, or by fact).
func (m *Model) MayReturn(call *ast.CallExpr) bool {
	info := m.pass.TypesInfo
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return false
		}
	}
	fn, f := Callee(info, call)
	if fn == nil {
		return true
	}
	if fileapi.NoReturn(f) {
		return false
	}
	return !m.funcNoReturn(fn)
}

// funcNoReturn reports whether fn never returns: its summary's NoReturn,
// from a fact or computed for this package's functions alone (not their
// whole Summary: a package-level function that is not exported needs no
// other part unless a pass asks).
func (m *Model) funcNoReturn(fn *types.Func) bool {
	fn = fn.Origin()
	if s, ok := m.summaries[fn]; ok {
		return s != nil && s.NoReturn
	}
	fd := m.decls[fn]
	if fd == nil {
		return false
	}
	if r, ok := m.noReturn[fn]; ok {
		return r != nil && *r
	}
	m.noReturn[fn] = nil // in progress: a call back to fn returns
	r := noReturnBody(m, fd)
	m.noReturn[fn] = &r
	return r
}

// Report reports d through pass unless a //tempguard:ignore,
// //tempguard:file-ignore or //nolint comment suppresses it (see
// suppress.go). A d without a Category gets its analyzer's default one
// (see package severity).
func (m *Model) Report(pass *analysis.Pass, d analysis.Diagnostic) {
	if d.Category == "" {
		d.Category = severity.Default(pass.Analyzer.Name)
	}
	if d.URL == "" {
		d.URL = pass.Analyzer.URL // drivers would otherwise link Analyzer.URL resolved against "#"+Category
	}
	if m.suppress(pass, d) {
		return
	}
	pass.Report(d)
}

// Reportf is Report with a formatted message and no fixes.
func (m *Model) Reportf(pass *analysis.Pass, pos token.Pos, format string, args ...any) {
	m.Report(pass, analysis.Diagnostic{Pos: pos, Message: sprintf(format, args...)})
}

// isStdPath reports whether pkg has a standard-library import path, by the go
// command's own rule for import paths (search.IsStandardImportPath): the
// first path element has no dot. Packages of GOPATH-style test data look
// standard by this rule: passes ask [Model.InStd], which refines it.
func isStdPath(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	first, _, _ := strings.Cut(pkg.Path(), "/")
	return !strings.Contains(first, ".")
}
