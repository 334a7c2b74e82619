package lsp

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tempguard/tempguard/passes"
)

// readmeURL is the base of the per-analyzer README anchors, used when a
// diagnostic carries no URL of its own.
const readmeURL = "https://github.com/tempguard/tempguard#"

// result is the outcome of analyzing one directory.
type result struct {
	// files holds the findings per file path (only files with findings).
	files map[string][]finding
	// healthy lists the files of packages that loaded and type-checked;
	// their findings are complete.
	healthy map[string]bool
	// problems describes packages that failed to load or type-check.
	problems []string
	// errs holds analyzer errors (not cancellations).
	errs []string
}

// finding is one diagnostic with its quick fixes, converted to LSP form.
type finding struct {
	diag  Diagnostic
	fixes []fix
}

// fix is one suggested fix: edits per file and the SHA-256 of each file's
// text at analysis time. It may be applied only while every hash matches.
type fix struct {
	title  string
	edits  map[string][]TextEdit
	hashes map[string][32]byte
}

// analyze loads the package(s) in dir, with overlay as the unsaved text of
// open documents, and runs the analyzers on them. It reuses the
// dependencies in cache when they did not change, and returns the cache to
// use next time.
func analyze(ctx context.Context, dir string, overlay map[string][]byte, analyzers []*analysis.Analyzer, opts *Options, cache *depCache) (res *result, next *depCache, err error) {
	var pkgs []*packages.Package
	var key [32]byte
	cacheable := false
	if !opts.noCache {
		meta, err := loadMeta(ctx, dir, overlay, opts)
		if ctx.Err() != nil {
			return nil, cache, ctx.Err()
		}
		if err == nil && len(meta) > 0 {
			key, cacheable = cacheKey(meta, overlay)
		}
		if cacheable && cache != nil && cache.key == key && cache.uses < maxUses {
			var roots []*packages.Package
			for _, m := range meta {
				if !(m.Name == "main" && strings.HasSuffix(m.ID, ".test")) {
					roots = append(roots, m)
				}
			}
			if pkgs = cache.checkRoots(roots, dir, overlay); pkgs != nil {
				cache.uses++
				next = cache
				opts.logf("%s: reused %d cached dependencies", dir, len(cache.pkgs))
			}
		}
	}
	if pkgs == nil {
		cfg := &packages.Config{
			Context:    ctx,
			Dir:        dir,
			Mode:       packages.LoadAllSyntax | packages.NeedModule,
			Tests:      true,
			Overlay:    overlay,
			BuildFlags: opts.BuildFlags,
			Env:        opts.Env,
			ParseFile:  parseFunc(dir),
		}
		pkgs, err = packages.Load(cfg, ".")
		if err != nil {
			if ctx.Err() != nil {
				return nil, cache, ctx.Err()
			}
			return nil, nil, fmt.Errorf("loading %s: %v", dir, err)
		}
		forgiveStrippedBodies(pkgs)
		if cacheable {
			next = newCache(key, pkgs)
		}
		if ctx.Err() != nil {
			// Keep what was loaded: while the user types, every analysis
			// may be cancelled, and the next one can still reuse it.
			if next == nil {
				next = cache
			}
			return nil, next, ctx.Err()
		}
	}

	res = &result{files: map[string][]finding{}, healthy: map[string]bool{}}
	roots := selectRoots(pkgs)
	var good []*packages.Package
	for _, p := range roots {
		if len(p.Errors) > 0 || p.IllTyped {
			res.problems = append(res.problems, describeErrors(p))
			continue
		}
		good = append(good, p)
		for _, f := range p.CompiledGoFiles {
			res.healthy[filepath.Clean(f)] = true
		}
		for _, f := range p.GoFiles {
			res.healthy[filepath.Clean(f)] = true
		}
	}
	if len(good) == 0 {
		return res, next, nil
	}

	// Runs memoized by earlier analyses are replayed; new ones are kept
	// only if this analysis completes (a cancelled one may have run some
	// analyzers on a package and not others).
	var memo, fresh map[memoKey]*memoEntry
	if next != nil {
		memo, fresh = next.memo, map[memoKey]*memoEntry{}
	}
	rootTypes := map[*types.Package]bool{}
	for _, p := range pkgs {
		rootTypes[p.Types] = true
	}
	wrapped := wrapAnalyzers(ctx, analyzers, overlay, memo, fresh, rootTypes)
	var graph *checker.Graph
	func() {
		// The checker runs sequentially so that a panicking analyzer
		// unwinds here instead of killing the server from a goroutine.
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("analyzer panic: %v\n%s", r, debug.Stack())
			}
		}()
		graph, err = checker.Analyze(wrapped, good, &checker.Options{Sequential: true})
	}()
	if err != nil {
		if ctx.Err() != nil {
			return nil, next, ctx.Err()
		}
		return nil, nil, err // a panic may leave cached packages half-analyzed
	}
	if ctx.Err() != nil {
		return nil, next, ctx.Err()
	}
	if next != nil && len(fresh) > 0 {
		if next.memo == nil {
			next.memo = map[memoKey]*memoEntry{}
		}
		maps.Copy(next.memo, fresh)
	}

	texts := &textCache{overlay: overlay, texts: map[string]*fileText{}}
	seen := map[string]bool{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			if !errors.Is(act.Err, context.Canceled) && !strings.Contains(act.Err.Error(), "context canceled") {
				res.errs = append(res.errs, fmt.Sprintf("%s: %v", act, act.Err))
			}
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			path, f, ok := convert(fset, texts, act.Analyzer.Name, d)
			if !ok {
				continue
			}
			key := fmt.Sprintf("%s\x00%d:%d-%d:%d\x00%s\x00%s", path, f.diag.Range.Start.Line, f.diag.Range.Start.Character,
				f.diag.Range.End.Line, f.diag.Range.End.Character, f.diag.Code, f.diag.Message)
			if seen[key] {
				continue // the same finding from p and p [p.test]
			}
			seen[key] = true
			res.files[path] = append(res.files[path], f)
		}
	}
	for _, fs := range res.files {
		sort.SliceStable(fs, func(i, j int) bool { return less(fs[i].diag.Range.Start, fs[j].diag.Range.Start) })
	}
	return res, next, nil
}

// parseFunc parses files for go/packages. Files of the standard library
// (outside dir) lose their function bodies: type-checking bodies is most of
// the cost of loading the dependency closure from source, which the checker
// needs because passes with facts run on every dependency. The model
// exports no facts for GOROOT packages (the passes know the standard
// library by name), so nothing is lost. Bodies of init and generic
// functions stay, since go/types requires them.
func parseFunc(dir string) func(*token.FileSet, string, []byte) (*ast.File, error) {
	goroot := build.Default.GOROOT
	prefix := filepath.Join(goroot, "src") + string(filepath.Separator)
	return func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
		if goroot == "" || !strings.HasPrefix(filename, prefix) || filepath.Dir(filename) == dir {
			return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		}
		f, err := parser.ParseFile(fset, filename, src, parser.SkipObjectResolution)
		if f != nil {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && !keepBody(fd) {
					fd.Body = nil
				}
			}
		}
		return f, err
	}
}

// forgiveStrippedBodies drops the "imported and not used" errors that
// removing function bodies causes in standard-library packages, and
// recomputes IllTyped (which covers dependencies) bottom-up.
func forgiveStrippedBodies(pkgs []*packages.Package) {
	goroot := build.Default.GOROOT
	if goroot == "" {
		return
	}
	prefix := filepath.Join(goroot, "src") + string(filepath.Separator)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.GoFiles) > 0 && strings.HasPrefix(p.GoFiles[0], prefix) && len(p.Errors) > 0 {
			p.Errors = slices.DeleteFunc(p.Errors, func(e packages.Error) bool {
				return e.Kind == packages.TypeError && unusedImport(e.Msg)
			})
			p.TypeErrors = slices.DeleteFunc(p.TypeErrors, func(e types.Error) bool {
				return unusedImport(e.Msg)
			})
			if len(p.Errors) == 0 {
				p.Errors = nil
			}
		}
		ill := len(p.Errors) > 0
		for _, imp := range p.Imports {
			ill = ill || imp.IllTyped
		}
		p.IllTyped = ill
	})
}

// unusedImport matches `"x" imported and not used` and
// `"x" imported as y and not used`.
func unusedImport(msg string) bool {
	return strings.HasPrefix(msg, `"`) && strings.Contains(msg, `" imported `) && strings.HasSuffix(msg, " and not used")
}

func keepBody(fd *ast.FuncDecl) bool {
	if fd.Type.TypeParams != nil || fd.Recv == nil && fd.Name.Name == "init" {
		return true
	}
	if fd.Recv != nil && len(fd.Recv.List) == 1 {
		t := fd.Recv.List[0].Type
		if st, ok := t.(*ast.StarExpr); ok {
			t = st.X
		}
		switch t.(type) {
		case *ast.IndexExpr, *ast.IndexListExpr:
			return true // method of a generic type
		}
	}
	return false
}

// selectRoots drops the synthesized test main packages and de-duplicates
// test variants: "p [p.test]" is a superset of p, so p is dropped, unless
// the test variant is broken and p is not; then both are kept (p for
// analysis, the variant to report its errors).
func selectRoots(pkgs []*packages.Package) []*packages.Package {
	broken := func(p *packages.Package) bool { return len(p.Errors) > 0 || p.IllTyped }
	testVariant := map[string]*packages.Package{}
	for _, p := range pkgs {
		if p.ForTest != "" && p.PkgPath == p.ForTest {
			testVariant[p.PkgPath] = p
		}
	}
	var roots []*packages.Package
	for _, p := range pkgs {
		if p.Name == "main" && strings.HasSuffix(p.ID, ".test") {
			continue // synthesized test main "p.test"
		}
		if tv := testVariant[p.PkgPath]; p.ForTest == "" && tv != nil && (!broken(tv) || broken(p)) {
			continue
		}
		roots = append(roots, p)
	}
	return roots
}

func describeErrors(p *packages.Package) string {
	var msgs []string
	for _, e := range p.Errors {
		msgs = append(msgs, e.Error())
		if len(msgs) == 3 {
			break
		}
	}
	more := ""
	if n := len(p.Errors) - len(msgs); n > 0 {
		more = fmt.Sprintf(" (and %d more)", n)
	}
	if len(msgs) == 0 {
		msgs = append(msgs, "package has errors")
	}
	return fmt.Sprintf("package %s does not type-check: %s%s", p.ID, strings.Join(msgs, "; "), more)
}

// wrapAnalyzers returns copies of the analyzer graph whose Run restores the
// original analyzer (in Pass.Analyzer and as Pass.ResultOf keys), serves
// open documents from the overlay through Pass.ReadFile, and stops early
// once ctx is cancelled.
//
// Runs found in memo are replayed (result and exported facts) instead of
// run. If fresh is not nil, runs on packages outside roots are recorded in
// it. Both belong to a depCache, whose packages, and so their results and
// facts, do not change.
func wrapAnalyzers(ctx context.Context, analyzers []*analysis.Analyzer, overlay map[string][]byte, memo, fresh map[memoKey]*memoEntry, roots map[*types.Package]bool) []*analysis.Analyzer {
	clones := map[*analysis.Analyzer]*analysis.Analyzer{}
	origOf := map[*analysis.Analyzer]*analysis.Analyzer{}
	var clone func(a *analysis.Analyzer) *analysis.Analyzer
	clone = func(a *analysis.Analyzer) *analysis.Analyzer {
		if c, ok := clones[a]; ok {
			return c
		}
		c := new(analysis.Analyzer)
		*c = *a
		clones[a] = c
		origOf[c] = a
		c.Requires = nil
		for _, r := range a.Requires {
			c.Requires = append(c.Requires, clone(r))
		}
		orig := a
		c.Run = func(pass *analysis.Pass) (any, error) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			pass.Analyzer = orig
			key := memoKey{orig, pass.Pkg}
			if e, ok := memo[key]; ok {
				for _, f := range e.objectFacts {
					pass.ExportObjectFact(f.Object, f.Fact)
				}
				for _, f := range e.packageFacts {
					pass.ExportPackageFact(f)
				}
				return e.result, nil
			}
			var entry *memoEntry
			if fresh != nil && !roots[pass.Pkg] {
				entry = &memoEntry{}
				exportObject, exportPackage := pass.ExportObjectFact, pass.ExportPackageFact
				pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
					exportObject(obj, fact)
					entry.objectFacts = append(entry.objectFacts, analysis.ObjectFact{Object: obj, Fact: fact})
				}
				pass.ExportPackageFact = func(fact analysis.Fact) {
					exportPackage(fact)
					entry.packageFacts = append(entry.packageFacts, fact)
				}
			}
			results := make(map[*analysis.Analyzer]any, len(pass.ResultOf))
			for k, v := range pass.ResultOf {
				if o, ok := origOf[k]; ok {
					k = o
				}
				results[k] = v
			}
			pass.ResultOf = results
			diskRead := pass.ReadFile
			pass.ReadFile = func(name string) ([]byte, error) {
				if b, ok := overlay[filepath.Clean(name)]; ok && isPassFile(pass, name) {
					return slices.Clone(b), nil
				}
				return diskRead(name)
			}
			result, err := orig.Run(pass)
			if entry != nil && err == nil && ctx.Err() == nil {
				entry.result = result
				fresh[key] = entry
			}
			return result, err
		}
		return c
	}
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		out[i] = clone(a)
	}
	return out
}

// memoKey identifies a run of an analyzer on a (cached) package.
type memoKey struct {
	analyzer *analysis.Analyzer
	pkg      *types.Package
}

// memoEntry is what such a run produced that later runs need.
type memoEntry struct {
	result       any
	objectFacts  []analysis.ObjectFact
	packageFacts []analysis.Fact
}

func isPassFile(pass *analysis.Pass, name string) bool {
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.FileStart); tf != nil && tf.Name() == name {
			return true
		}
	}
	return slices.Contains(pass.OtherFiles, name) || slices.Contains(pass.IgnoredFiles, name)
}

// fileText is the text of a file as analyzed.
type fileText struct {
	text []byte
	hash [32]byte
	m    *mapper
	err  error
}

type textCache struct {
	overlay map[string][]byte
	texts   map[string]*fileText
}

func (c *textCache) get(path string) *fileText {
	if t, ok := c.texts[path]; ok {
		return t
	}
	t := new(fileText)
	if b, ok := c.overlay[path]; ok {
		t.text = b
	} else {
		t.text, t.err = os.ReadFile(path)
	}
	t.hash = sha256.Sum256(t.text)
	t.m = newMapper(t.text)
	c.texts[path] = t
	return t
}

// span converts a token range to a path and an LSP range, checking that
// the text the position refers to is the text that was parsed.
func (c *textCache) span(fset *token.FileSet, pos, end token.Pos) (string, Range, *fileText, bool) {
	tf := fset.File(pos)
	if tf == nil || !pos.IsValid() {
		return "", Range{}, nil, false
	}
	if !end.IsValid() || end < pos || fset.File(end) != tf {
		end = pos
	}
	path := filepath.Clean(tf.Name())
	t := c.get(path)
	if t.err != nil || len(t.text) != tf.Size() {
		return "", Range{}, nil, false // text changed on disk since parsing
	}
	return path, Range{Start: t.m.position(tf.Offset(pos)), End: t.m.position(tf.Offset(end))}, t, true
}

func convert(fset *token.FileSet, texts *textCache, name string, d analysis.Diagnostic) (string, finding, bool) {
	path, rng, _, ok := texts.span(fset, d.Pos, d.End)
	if !ok {
		return "", finding{}, false
	}
	href := d.URL
	if href == "" {
		href = readmeURL + name
	}
	f := finding{diag: Diagnostic{
		Range:           rng,
		Severity:        lspSeverity(passes.Classify(name, d.Category).Severity),
		Code:            name,
		CodeDescription: &CodeDescription{Href: href},
		Source:          "tempguard",
		Message:         d.Message,
	}}
	for _, r := range d.Related {
		rpath, rrng, _, ok := texts.span(fset, r.Pos, r.End)
		if !ok {
			continue
		}
		f.diag.RelatedInformation = append(f.diag.RelatedInformation, DiagnosticRelatedInformation{
			Location: Location{URI: pathToURI(rpath), Range: rrng},
			Message:  r.Message,
		})
	}
fixes:
	for _, sf := range d.SuggestedFixes {
		fx := fix{title: sf.Message, edits: map[string][]TextEdit{}, hashes: map[string][32]byte{}}
		if fx.title == "" {
			fx.title = "Apply tempguard fix"
		}
		for _, e := range sf.TextEdits {
			epath, erng, t, ok := texts.span(fset, e.Pos, e.End)
			if !ok {
				continue fixes // never offer part of a fix
			}
			fx.edits[epath] = append(fx.edits[epath], TextEdit{Range: erng, NewText: string(e.NewText)})
			fx.hashes[epath] = t.hash
		}
		if len(fx.edits) == 0 {
			continue
		}
		for _, es := range fx.edits {
			sort.SliceStable(es, func(i, j int) bool { return less(es[i].Range.Start, es[j].Range.Start) })
		}
		f.fixes = append(f.fixes, fx)
	}
	return path, f, true
}

func less(a, b Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// lspSeverity maps a finding's severity (from its category, see
// passes/internal/severity) to the LSP's: error, warning, information.
func lspSeverity(s passes.Severity) int {
	switch s {
	case passes.Error:
		return SeverityError
	case passes.Note:
		return SeverityInformation
	}
	return SeverityWarning
}
