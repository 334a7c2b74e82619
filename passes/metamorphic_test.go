package passes_test

// The metamorphic test: tempguard's decisions must come from types,
// constant values and control flow, never from spelling. So every
// analyzer's testdata is rewritten in ways that keep the program and change
// only its spelling, and the analyzer must report the same findings on the
// rewritten trees as on the original. Variants:
//
//   - "neutral": every identifier declared in the testdata packages
//     (variables, parameters, results, fields, functions, methods, types,
//     type parameters, constants, labels, import names, package names) gets
//     a neutral name (v12, fn3, T7, pk8, ...), consistently across all files
//     and packages of the testdata tree, exportedness kept; every comment except directives
//     (//tempguard:..., //nolint, //go:..., // +build, //line, //export),
//     generated-file markers and `// want` expectations becomes, line for
//     line, "lorem ipsum dolor"; the words of the string literals whose words are spelling only
//     (messages given to fmt, log, slog, testing and errors; the pattern of
//     os.CreateTemp and the like; the elements after the first of
//     filepath.Join) become letters of the same length, extensions kept
//     (see wordCalls);
//   - "trap": the same names; the comments become "keep container socket
//     state cache tmp hard-coded docker mount saved", and those literals'
//     words become such words;
//   - "trapnames": the declared identifiers are named after such words
//     (tmp12, sock3, keep7, cache4, ...; functions and methods check5 or
//     must6), chosen by a hash of the original name; the packages' import
//     paths end in "-docker-testcontainers-tmp-sock"; neutral comments.
//
// Every analyzer runs on every analyzer's testdata (the code of the others
// is more code in which a spelling-based decision may show).
//
// Line numbers never change (edits never add or remove a newline), so the
// findings are compared by (file, line, category) and by message with every
// renamed identifier (original or new) and the letters of quoted strings
// masked. The `// want` expectations are not consulted: they quote source
// text that the renaming changes.
//
// What is not renamed, and why:
//   - identifiers declared outside the testdata packages: the standard
//     library, and the stubs of real modules under testdata/src whose API
//     is in the analyzers' table (e.g. github.com/gofrs/flock): their import
//     paths and names must stay what the table says. A stub is a directory
//     of testdata/src whose first path element contains a dot, as a real
//     module path's does (the test logs the stubs it found, see -v);
//   - methods named like an exported method of some type or interface
//     outside the testdata (Close, Write, Error, String, Name, Fd,
//     SetupTest, ...): renaming one could change which interfaces a type
//     implements, which is a type change, not a spelling change;
//   - embedded fields (their name is the embedded type's, renamed with it);
//   - main, init and TestMain; TestXxx, BenchmarkXxx, FuzzXxx, ExampleXxx
//     functions and TestXxx methods (testify suites) get other names of the
//     same kind (TestN3, TestM4, Example_n5, ...);
//   - the blank identifier, package main, file names, struct tags; and
//     string literals other than those above (paths, directories such as
//     "/tmp", environment variable and network names matter).
//
// Files that the build constraints exclude on the host (e.g. *_windows.go)
// are not type-checked, so their identifiers cannot be renamed
// consistently: only their comments are rewritten; they are not analyzed
// here either.
//
// All trees (the original and each variant, of every analyzer) are laid out
// in one GOPATH, as <package>/a<analyzer>v<variant>, with the imports
// between testdata packages rewritten to match, so that the standard
// library is type-checked once for all of them. The first element of each
// path stays the original's.
//
// A finding that appears ("new") or disappears ("lost") in a variant, or
// whose masked message changes ("message"), is a decision taken from
// spelling. Message changes in "trapnames" are logged but not checked: trap
// names are longer than most original names, and some messages quote an
// expression only while it is short.
//
// Known differences: metamorphic_known_test.go lists each difference that
// remains today; the test checks that the list is exactly right, so fixing
// an analyzer fails the test until its entries are deleted. The list must
// end empty. To see the rewritten trees and one report per analyzer:
//
//	mkdir -p /tmp/meta && TEMPGUARD_METAMORPHIC_OUT=/tmp/meta go test ./passes -run Metamorphic -v

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"hash/fnv"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tempguard/tempguard/passes"
)

// The variants, in layout order; variant 0 is the original.
var metaVariants = []string{"original", "neutral", "trap", "trapnames"}

// knownDiff is one finding that differs between the original testdata and
// one variant: "lost" if the original reports it and the variant does not,
// "new" if only the variant reports it. File is relative to the analyzer's
// testdata/src.
type knownDiff struct {
	Analyzer, File string
	Line           int
	Variant, Kind  string
}

// metaTree is one analyzer's testdata: its non-stub packages and stubs.
type metaTree struct {
	index    int
	analyzer *analysis.Analyzer
	src      string   // passes/<name>/testdata/src, absolute
	pkgs     []string // import paths of the testdata packages (relative to src)
	stubs    []string // import paths of the stubs
}

// pkgPath returns where the variant's copy of the tree's package pkg lives
// in the GOPATH: below the original path, so that the path's first element
// (which tells the standard library, or the same module, from others)
// stays; in "trapnames" the last element also holds words that a
// package-path heuristic might look for.
func (tr *metaTree) pkgPath(variant int, pkg string) string {
	last := fmt.Sprintf("a%dv%d", tr.index, variant)
	if metaVariants[variant] == "trapnames" {
		last += "-docker-testcontainers-tmp-sock"
	}
	return pkg + "/" + last
}

// pkgOf maps a GOPATH package path back to its variant and original path.
func (tr *metaTree) pkgOf(path string) (int, string, bool) {
	for v := range metaVariants {
		for _, p := range tr.pkgs {
			if tr.pkgPath(v, p) == path {
				return v, p, true
			}
		}
	}
	return 0, "", false
}

// metaFile is one Go file of a testdata package.
type metaFile struct {
	tree *metaTree
	rel  string // path relative to tree.src, slash-separated
	data []byte // original content
}

func TestMetamorphic(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every analyzer's testdata four times over")
	}
	gopath := t.TempDir()
	out := os.Getenv("TEMPGUARD_METAMORPHIC_OUT")
	if out != "" {
		// Keep the trees for a look, beside the per-analyzer reports.
		gopath = filepath.Join(out, "gopath")
		if err := os.RemoveAll(gopath); err != nil {
			t.Fatal(err)
		}
	}
	trees, files := metaDiscover(t, gopath)

	// Stage 1: the original trees, loaded and type-checked, give the
	// renaming; stage 2 loads all variants (the original again too, so
	// that every compared finding comes from the same load).
	for _, f := range files {
		metaWrite(t, gopath, f, 0, metaRewriteImports(t, f, 0))
	}
	origPkgs := metaLoad(t, gopath, trees, []int{0}, metaTypesMode)
	plan := newRenamePlan(origPkgs, trees)

	for v := 1; v < len(metaVariants); v++ {
		for _, f := range files {
			metaWrite(t, gopath, f, v, plan.rewrite(t, f, v))
		}
	}
	pkgs := metaLoad(t, gopath, trees, []int{0, 1, 2, 3}, metaTypesMode|packages.NeedDeps)

	plan.checkRenamed(t, pkgs, trees)
	mask := plan.maskWords()
	byFile := map[string]*metaFile{}
	for _, f := range files {
		byFile[fmt.Sprint(f.tree.index, ":", f.rel)] = f
	}
	known := map[knownDiff]bool{}
	for _, k := range metaKnownDiffs {
		if known[k] {
			t.Errorf("metaKnownDiffs lists %+v twice", k)
		}
		known[k] = true
	}
	// Every analyzer runs on every analyzer's testdata: more code, more
	// chances for a spelling-based decision to show, at little cost (the
	// loads dominate).
	var report strings.Builder
	reports := map[string]*strings.Builder{} // report file name -> content
	for _, tr := range trees {
		var roots []*packages.Package
		for _, p := range pkgs {
			if tr.owns(p.PkgPath) && !strings.HasSuffix(p.ID, ".test") {
				roots = append(roots, p)
			}
		}
		analyzers := passes.All()
		graph, err := checker.Analyze(analyzers, roots, nil)
		if err != nil {
			t.Fatalf("%s: %v", tr.analyzer.Name, err)
		}
		for _, a := range analyzers {
			diffs := metaCompare(t, graph, a, tr, gopath, mask, byFile, known, &report)
			name := "meta-diffs-" + a.Name + ".txt"
			if reports[name] == nil {
				reports[name] = &strings.Builder{}
			}
			for _, d := range diffs {
				fmt.Fprintln(reports[name], d)
				fmt.Fprintln(&report, d)
			}
		}
	}
	if out != "" {
		for name, b := range reports {
			if err := os.WriteFile(filepath.Join(out, name), []byte(b.String()), 0o644); err != nil {
				t.Error(err)
			}
		}
	}
	for k := range known {
		tree, _, other := strings.Cut(k.File, ":")
		if passes.Lookup(k.Analyzer) == nil || other && passes.Lookup(tree) == nil {
			t.Errorf("metaKnownDiffs entry names no analyzer: %s", k.goString())
		}
	}
	if report.Len() > 0 {
		t.Logf("differences between the original testdata and its spelling variants:\n%s", report.String())
	}
}

// metaCompare compares a's findings on tree tr's original with those on
// each variant and returns the differences. Each must be in known, and
// each of known's entries for a on tr must still differ.
func metaCompare(t *testing.T, graph *checker.Graph, a *analysis.Analyzer, tr *metaTree, gopath string,
	mask func(string) string, byFile map[string]*metaFile, known map[knownDiff]bool, report *strings.Builder) []string {
	// Files of another analyzer's testdata are named "<analyzer>:<file>".
	file := func(rel string) string {
		if tr.analyzer == a {
			return rel
		}
		return tr.analyzer.Name + ":" + rel
	}
	// findings[variant][file, line, category] = the messages, masked and
	// raw.
	findings := make([]map[metaKey][]metaMsg, len(metaVariants))
	for v := range findings {
		findings[v] = map[metaKey][]metaMsg{}
	}
	seen := map[string]bool{}
	for act := range graph.All() {
		if !act.IsRoot || act.Analyzer != a {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s on %s: %v", a.Name, act.Package.ID, act.Err)
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.PositionFor(d.Pos, false)
			id := fmt.Sprint(posn, "\x00", d.Category, "\x00", d.Message)
			if seen[id] {
				continue // the package and its test variant
			}
			seen[id] = true
			v, rel, ok := tr.locate(gopath, posn.Filename)
			if !ok {
				continue
			}
			k := metaKey{rel, posn.Line, d.Category}
			findings[v][k] = append(findings[v][k], metaMsg{mask(d.Message), d.Message})
		}
	}
	// A finding that appears ("new") or disappears ("lost"), or whose
	// message says something else ("message": the original's, then the
	// variant's; identifiers masked), is a decision taken from spelling.
	var diffs []string
	got := map[knownDiff]bool{}
	for v := 1; v < len(metaVariants); v++ {
		for _, k := range metaKeys(findings[0], findings[v]) {
			lost, added := metaMsgDiff(findings[0][k], findings[v][k])
			if len(lost) == 0 && len(added) == 0 {
				continue
			}
			line := ""
			if f := byFile[fmt.Sprint(tr.index, ":", k.file)]; f != nil {
				line = metaSourceLine(f.data, k.line)
			}
			where := fmt.Sprintf("%s: %s: passes/%s/testdata/src/%s:%d", a.Name, metaVariants[v], tr.analyzer.Name, k.file, k.line)
			kind, msgs := "lost", lost
			switch n0, nv := len(findings[0][k]), len(findings[v][k]); {
			case nv > n0:
				kind, msgs = "new", added
			case nv == n0 && metaVariants[v] == "trapnames":
				// Trap names are longer than most original names, and
				// some messages quote an expression only while it is
				// short: logged, not checked.
				fmt.Fprintf(report, "%s: message changed (not checked)\n\t\t%s\n\t\t%s\n", where, strings.Join(append(lost, added...), "\n\t\t"), line)
				continue
			case nv == n0:
				kind, msgs = "message", append(lost, added...)
			}
			d := fmt.Sprintf("%s: %s\n\t\t%s\n\t\t%s", where, kind, strings.Join(msgs, "\n\t\t"), line)
			diffs = append(diffs, d)
			kd := knownDiff{a.Name, file(k.file), k.line, metaVariants[v], kind}
			got[kd] = true
			if !known[kd] {
				t.Errorf("spelling changed a finding (not in metaKnownDiffs):\n\t%s\n\tentry: %s", d, kd.goString())
			}
		}
	}
	for k := range known {
		if k.Analyzer != a.Name {
			continue
		}
		if ownTree := !strings.Contains(k.File, ":"); ownTree != (tr.analyzer == a) || (!ownTree && !strings.HasPrefix(k.File, tr.analyzer.Name+":")) {
			continue // an entry for another tree
		}
		if !got[k] {
			t.Errorf("metaKnownDiffs entry no longer differs, delete it: %s", k.goString())
		}
	}
	return diffs
}

func (k knownDiff) goString() string {
	return fmt.Sprintf("{%q, %q, %d, %q, %q},", k.Analyzer, k.File, k.Line, k.Variant, k.Kind)
}

type metaKey struct {
	file     string
	line     int
	category string
}

type metaMsg struct{ masked, raw string }

// metaMsgDiff returns the raw messages of a whose masked form b lacks, and
// those of b that a lacks, as multisets.
func metaMsgDiff(a, b []metaMsg) (onlyA, onlyB []string) {
	count := map[string]int{}
	for _, m := range b {
		count[m.masked]++
	}
	for _, m := range a {
		if count[m.masked] > 0 {
			count[m.masked]--
		} else {
			onlyA = append(onlyA, m.raw)
		}
	}
	count = map[string]int{}
	for _, m := range a {
		count[m.masked]++
	}
	for _, m := range b {
		if count[m.masked] > 0 {
			count[m.masked]--
		} else {
			onlyB = append(onlyB, m.raw)
		}
	}
	return onlyA, onlyB
}

// metaKeys returns the keys of a and b, sorted.
func metaKeys(a, b map[metaKey][]metaMsg) []metaKey {
	var keys []metaKey
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		x, y := keys[i], keys[j]
		if x.file != y.file {
			return x.file < y.file
		}
		if x.line != y.line {
			return x.line < y.line
		}
		return x.category < y.category
	})
	return keys
}

func metaSourceLine(data []byte, line int) string {
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return ""
	}
	return strings.TrimSpace(string(lines[line-1]))
}

// owns reports whether pkgPath is one of this tree's packages, any variant.
func (tr *metaTree) owns(pkgPath string) bool {
	_, _, ok := tr.pkgOf(strings.TrimSuffix(pkgPath, "_test"))
	return ok
}

// locate maps a file of the GOPATH back to its variant and its path
// relative to the tree's src.
func (tr *metaTree) locate(gopath, filename string) (int, string, bool) {
	rel, err := filepath.Rel(filepath.Join(gopath, "src"), filename)
	if err != nil {
		return 0, "", false
	}
	dir, base := path.Split(filepath.ToSlash(rel))
	v, pkg, ok := tr.pkgOf(strings.TrimSuffix(dir, "/"))
	return v, pkg + "/" + base, ok
}

// metaDiscover lists every analyzer's testdata packages and stubs, copies
// the stubs into gopath, and reads the packages' Go files.
func metaDiscover(t *testing.T, gopath string) ([]*metaTree, []*metaFile) {
	var trees []*metaTree
	var files []*metaFile
	stubFrom := map[string]string{} // stub import path -> the tree that has it
	for i, a := range passes.All() {
		src, err := filepath.Abs(filepath.Join(a.Name, "testdata", "src"))
		if err != nil {
			t.Fatal(err)
		}
		tr := &metaTree{index: i, analyzer: a, src: src}
		err = filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			rel, _ := filepath.Rel(src, path)
			rel = filepath.ToSlash(rel)
			pkg := filepath.ToSlash(filepath.Dir(rel))
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if first, _, _ := strings.Cut(pkg, "/"); strings.Contains(first, ".") {
				// A stub of a real module: copied once, as is.
				if !slices.Contains(tr.stubs, pkg) {
					tr.stubs = append(tr.stubs, pkg)
				}
				if prev, ok := stubFrom[rel]; ok && prev != a.Name {
					prevData, err := os.ReadFile(filepath.Join(prev, "testdata", "src", rel))
					if err != nil || !bytes.Equal(prevData, data) {
						t.Fatalf("stub %s differs between %s and %s testdata", rel, prev, a.Name)
					}
					return nil
				}
				stubFrom[rel] = a.Name
				dst := filepath.Join(gopath, "src", filepath.FromSlash(rel))
				if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
					return err
				}
				return os.WriteFile(dst, data, 0o644)
			}
			if !slices.Contains(tr.pkgs, pkg) {
				tr.pkgs = append(tr.pkgs, pkg)
			}
			files = append(files, &metaFile{tree: tr, rel: rel, data: data})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(tr.pkgs) == 0 {
			t.Fatalf("%s: no testdata packages under %s", a.Name, src)
		}
		t.Logf("%s: packages %v, stubs %v", a.Name, tr.pkgs, tr.stubs)
		trees = append(trees, tr)
	}
	return trees, files
}

func metaWrite(t *testing.T, gopath string, f *metaFile, variant int, data []byte) {
	dir, base := path.Split(f.rel)
	dst := filepath.Join(gopath, "src", filepath.FromSlash(f.tree.pkgPath(variant, strings.TrimSuffix(dir, "/"))), base)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// metaEdit replaces data[off:off+n] with text.
type metaEdit struct {
	off, n int
	text   string
}

func metaApply(data []byte, edits []metaEdit) []byte {
	sort.Slice(edits, func(i, j int) bool { return edits[i].off < edits[j].off })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.off < last {
			continue // overlapping (never expected): keep the first
		}
		out.Write(data[last:e.off])
		out.WriteString(e.text)
		last = e.off + e.n
	}
	out.Write(data[last:])
	return out.Bytes()
}

// metaImportEdits moves the imports of the tree's own packages under the
// variant's prefix. It parses f's original content.
func metaImportEdits(t *testing.T, f *metaFile, variant int) []metaEdit {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, f.rel, f.data, parser.ImportsOnly)
	if err != nil {
		t.Fatalf("%s: %v", f.rel, err)
	}
	var edits []metaEdit
	for _, imp := range file.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil || !slices.Contains(f.tree.pkgs, path) {
			continue
		}
		edits = append(edits, metaEdit{
			off:  fset.Position(imp.Path.Pos()).Offset,
			n:    len(imp.Path.Value),
			text: strconv.Quote(f.tree.pkgPath(variant, path)),
		})
	}
	return edits
}

func metaRewriteImports(t *testing.T, f *metaFile, variant int) []byte {
	return metaApply(f.data, metaImportEdits(t, f, variant))
}

// metaTypesMode loads the named packages from source, type-checked; with
// NeedDeps, their dependencies too (as analysistest does, and as analyzers
// with facts need), else dependencies come from export data.
const metaTypesMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
	packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// metaLoad loads the given variants of every tree, from source with all
// dependencies, as analysistest does, and fails on any load or type error.
func metaLoad(t *testing.T, gopath string, trees []*metaTree, variants []int, mode packages.LoadMode) []*packages.Package {
	var patterns []string
	for _, tr := range trees {
		for _, v := range variants {
			for _, p := range tr.pkgs {
				patterns = append(patterns, tr.pkgPath(v, p))
			}
		}
	}
	cfg := &packages.Config{
		Mode:  mode,
		Dir:   gopath,
		Tests: true,
		Env:   append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOWORK=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatalf("loading testdata: %v", err)
	}
	failed, rewritten := false, false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.ID, e)
			failed = true
			for _, tr := range trees {
				if v, _, ok := tr.pkgOf(strings.TrimSuffix(p.PkgPath, "_test")); ok && v > 0 {
					rewritten = true
				}
			}
		}
	})
	if rewritten {
		t.Errorf("a rewritten copy of the testdata does not build: the rewriting has a gap (fix it in passes/metamorphic_test.go, not in the analyzer); see the copies with TEMPGUARD_METAMORPHIC_OUT")
	}
	if failed {
		t.FailNow()
	}
	return pkgs
}

// A renamePlan is the renaming of every declared identifier of the testdata
// packages, computed once from the original trees' types and rendered per
// variant.
type renamePlan struct {
	fset *token.FileSet
	// per original file (gopath filename of variant 0): its package's info.
	files map[string]*planFile
	// decls maps the declaration (filename:offset) of each renamed object
	// to its new-name number and kind.
	decls   map[string]planName
	methods map[string]planName // by original method name
	fields  map[string]planName // by original field name
	// pkgNames maps the variant-0 path of each testdata package to its
	// new package name.
	pkgNames map[string]planName
	n        int
	// keep holds the names of exported methods of types outside the
	// testdata: methods of that name are never renamed.
	keep     map[string]bool
	origName map[string]bool // every renamed identifier's original name
}

type planName struct {
	n        int
	kind     string // v, fn, t, f, m, k, L, im
	exported bool
	special  string // Test, Benchmark, Fuzz, Example, or ""
	method   bool
	orig     string // the original name
}

type planFile struct {
	file *ast.File
	info *types.Info
	tok  *token.File
}

func declKey(fset *token.FileSet, pos token.Pos) string {
	p := fset.PositionFor(pos, false)
	return p.Filename + ":" + strconv.Itoa(p.Offset)
}

func newRenamePlan(pkgs []*packages.Package, trees []*metaTree) *renamePlan {
	p := &renamePlan{
		files:    map[string]*planFile{},
		decls:    map[string]planName{},
		methods:  map[string]planName{},
		fields:   map[string]planName{},
		pkgNames: map[string]planName{},
		keep:     map[string]bool{"Error": true},
		origName: map[string]bool{},
	}
	isTestdata := func(pkgPath string) bool {
		for _, tr := range trees {
			if tr.owns(pkgPath) {
				return true
			}
		}
		return false
	}
	var tdPkgs []*packages.Package
	seen := map[*types.Package]bool{}
	var keepFrom func(pkg *types.Package)
	keepFrom = func(pkg *types.Package) {
		if seen[pkg] {
			return
		}
		seen[pkg] = true
		for _, imp := range pkg.Imports() {
			keepFrom(imp)
		}
		if isTestdata(pkg.Path()) {
			return
		}
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || !tn.Exported() {
				continue
			}
			for _, typ := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
				ms := types.NewMethodSet(typ)
				for i := range ms.Len() {
					if m := ms.At(i).Obj(); m.Exported() {
						p.keep[m.Name()] = true
					}
				}
			}
		}
	}
	for _, pkg := range pkgs {
		p.fset = pkg.Fset
		if pkg.Types != nil {
			keepFrom(pkg.Types)
		}
		if isTestdata(pkg.PkgPath) {
			tdPkgs = append(tdPkgs, pkg)
		}
	}
	sort.Slice(tdPkgs, func(i, j int) bool { return tdPkgs[i].ID < tdPkgs[j].ID })
	for _, pkg := range tdPkgs {
		key, name := strings.TrimSuffix(pkg.PkgPath, "_test"), strings.TrimSuffix(pkg.Name, "_test")
		if _, ok := p.pkgNames[key]; ok || name == "main" {
			continue
		}
		p.n++
		p.pkgNames[key] = planName{n: p.n, kind: "pk", orig: name}
		p.origName[name] = true
	}
	// Files in declaration order so that numbering is deterministic.
	for _, pkg := range tdPkgs {
		for _, f := range pkg.Syntax {
			name := pkg.Fset.PositionFor(f.Pos(), false).Filename
			if _, ok := p.files[name]; ok {
				continue
			}
			p.files[name] = &planFile{file: f, info: pkg.TypesInfo, tok: pkg.Fset.File(f.Pos())}
		}
	}
	var names []string
	for name := range p.files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		pf := p.files[name]
		ast.Inspect(pf.file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if obj, ok := pf.info.Defs[n]; ok && obj != nil {
					p.declare(obj)
				}
			case *ast.CaseClause:
				if obj := pf.info.Implicits[n]; obj != nil {
					p.declare(obj)
				}
			}
			return true
		})
	}
	return p
}

var specialFuncRE = regexp.MustCompile(`^(Test|Benchmark|Fuzz|Example)([^a-z]|$)`)

// declare assigns a new name to obj, declared in a testdata file, if it is
// renamed at all.
func (p *renamePlan) declare(obj types.Object) {
	name := obj.Name()
	if name == "_" || name == "" {
		return
	}
	key := declKey(p.fset, obj.Pos())
	if _, ok := p.decls[key]; ok {
		return
	}
	pn := planName{exported: obj.Exported(), orig: name}
	switch obj := obj.(type) {
	case *types.PkgName:
		if name == "." {
			return
		}
		pn.kind = "im"
	case *types.Label:
		pn.kind = "L"
	case *types.Const:
		pn.kind = "k"
	case *types.TypeName:
		pn.kind = "t"
	case *types.Var:
		if obj.IsField() {
			if obj.Embedded() {
				return // named after its type
			}
			if _, ok := p.fields[name]; !ok {
				p.n++
				p.fields[name] = planName{n: p.n, kind: "f", exported: obj.Exported(), orig: name}
				p.origName[name] = true
			}
			return
		}
		pn.kind = "v"
	case *types.Func:
		sig := obj.Signature()
		if sig.Recv() != nil {
			if p.keep[name] {
				return
			}
			if _, ok := p.methods[name]; !ok {
				p.n++
				m := planName{n: p.n, kind: "m", exported: obj.Exported(), method: true, orig: name}
				if sm := specialFuncRE.FindStringSubmatch(name); sm != nil {
					m.special = sm[1]
				}
				p.methods[name] = m
				p.origName[name] = true
			}
			return
		}
		if name == "main" || name == "init" || name == "TestMain" {
			return
		}
		pn.kind = "fn"
		if sm := specialFuncRE.FindStringSubmatch(name); sm != nil {
			pn.special = sm[1]
		}
	default:
		return
	}
	p.n++
	pn.n = p.n
	p.decls[key] = pn
	p.origName[name] = true
}

// trapNameWords make the identifiers of the "trapnames" variant: each gets
// one of them ("check" or "must" for a function or method), chosen by a
// hash of its original name so that the choice does not move when other
// declarations are added. The names stay as short as typical names: some
// messages quote an expression only while it is short.
var trapNameWords = []string{"tmp", "sock", "keep", "cache", "state", "saved", "mount"}

func (pn planName) render(variant int) string {
	if pn.special != "" {
		if pn.special == "Example" {
			return fmt.Sprintf("Example_n%d", pn.n)
		}
		if pn.method {
			return fmt.Sprintf("%sM%d", pn.special, pn.n)
		}
		return fmt.Sprintf("%sN%d", pn.special, pn.n)
	}
	base := pn.kind
	if metaVariants[variant] == "trapnames" {
		h := fnv.New32a()
		h.Write([]byte(pn.orig))
		x := h.Sum32()
		base = trapNameWords[x%uint32(len(trapNameWords))]
		if pn.kind == "fn" || pn.kind == "m" {
			base = []string{"check", "must"}[x%2]
		}
	}
	s := fmt.Sprintf("%s%d", base, pn.n)
	r := []rune(s)
	if pn.exported {
		r[0] = unicode.ToUpper(r[0])
	} else {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// lookup returns the new name of the object that id denotes, if renamed.
func (p *renamePlan) lookup(pf *planFile, id *ast.Ident) (planName, bool) {
	obj, isDef := pf.info.Defs[id]
	if !isDef || obj == nil {
		if use, ok := pf.info.Uses[id]; ok {
			obj = use
		}
	}
	if obj == nil {
		if isDef {
			// The symbol of a type switch: its per-clause objects are
			// declared at its position.
			pn, ok := p.decls[declKey(p.fset, id.Pos())]
			return pn, ok
		}
		return planName{}, false
	}
	if !p.inTestdata(obj.Pos()) {
		return planName{}, false
	}
	switch obj := obj.(type) {
	case *types.PkgName:
		if pn, ok := p.decls[declKey(p.fset, obj.Pos())]; ok {
			return pn, true // a renamed import name
		}
		pn, ok := p.pkgNames[obj.Imported().Path()]
		return pn, ok
	case *types.Var:
		obj = obj.Origin()
		if obj.IsField() {
			if obj.Embedded() {
				if tn := embeddedTypeName(obj.Type()); tn != nil && p.inTestdata(tn.Pos()) {
					pn, ok := p.decls[declKey(p.fset, tn.Pos())]
					return pn, ok
				}
				return planName{}, false
			}
			pn, ok := p.fields[obj.Name()]
			return pn, ok
		}
		pn, ok := p.decls[declKey(p.fset, obj.Pos())]
		return pn, ok
	case *types.Func:
		obj = obj.Origin()
		if obj.Signature().Recv() != nil {
			pn, ok := p.methods[obj.Name()]
			return pn, ok
		}
		pn, ok := p.decls[declKey(p.fset, obj.Pos())]
		return pn, ok
	default:
		pn, ok := p.decls[declKey(p.fset, obj.Pos())]
		return pn, ok
	}
}

func embeddedTypeName(t types.Type) *types.TypeName {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	switch t := t.(type) {
	case *types.Named:
		return t.Origin().Obj()
	case *types.Alias:
		return t.Obj()
	}
	return nil
}

// inTestdata reports whether pos is in a testdata (non-stub) file.
func (p *renamePlan) inTestdata(pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	_, ok := p.files[p.fset.PositionFor(pos, false).Filename]
	return ok
}

// rewrite returns f's content for the variant: identifiers renamed (if the
// file was type-checked), comments rewritten, imports moved.
func (p *renamePlan) rewrite(t *testing.T, f *metaFile, variant int) []byte {
	// Edits are computed on the variant-0 file (imports moved under
	// v0/...) and applied to it.
	base := metaRewriteImports(t, f, 0)
	fset := token.NewFileSet()
	parsed, err := parser.ParseFile(fset, f.rel, base, parser.ImportsOnly)
	if err != nil {
		t.Fatalf("%s: %v", f.rel, err)
	}
	var edits []metaEdit
	for _, imp := range parsed.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		if v, pkg, ok := f.tree.pkgOf(path); ok && v == 0 {
			edits = append(edits, metaEdit{
				off:  fset.Position(imp.Path.Pos()).Offset,
				n:    len(imp.Path.Value),
				text: strconv.Quote(f.tree.pkgPath(variant, pkg)),
			})
		}
	}
	// The package clause, in every file (those the build constraints
	// exclude too, so that the directory keeps one package name).
	if pn, ok := p.pkgNames[f.tree.pkgPath(0, path.Dir(f.rel))]; ok && parsed.Name.Name != "main" {
		suffix := ""
		if strings.HasSuffix(parsed.Name.Name, "_test") {
			suffix = "_test"
		}
		edits = append(edits, metaEdit{off: fset.Position(parsed.Name.Pos()).Offset, n: len(parsed.Name.Name), text: pn.render(variant) + suffix})
	}
	if pf := p.fileOf(f); pf != nil {
		ast.Inspect(pf.file, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			if pn, ok := p.lookup(pf, id); ok {
				edits = append(edits, metaEdit{off: pf.tok.Offset(id.Pos()), n: len(id.Name), text: pn.render(variant)})
			}
			return true
		})
		for _, cg := range pf.file.Comments {
			for _, c := range cg.List {
				if text, ok := rewriteComment(c.Text, variant); ok {
					edits = append(edits, metaEdit{off: pf.tok.Offset(c.Pos()), n: len(c.Text), text: text})
				}
			}
		}
		if metaVariants[variant] == "neutral" || metaVariants[variant] == "trap" {
			lits, names := wordLiterals(pf)
			for _, lit := range lits {
				edits = append(edits, metaEdit{off: pf.tok.Offset(lit.Pos()), n: len(lit.Value), text: rewriteLiteral(lit.Value, variant, names[lit])})
			}
		}
	} else {
		// Excluded by build constraints on this host: comments only.
		full, err := parser.ParseFile(fset, f.rel+"#full", base, parser.ParseComments)
		if err != nil {
			t.Fatalf("%s: %v", f.rel, err)
		}
		for _, cg := range full.Comments {
			for _, c := range cg.List {
				if text, ok := rewriteComment(c.Text, variant); ok {
					edits = append(edits, metaEdit{off: fset.Position(c.Pos()).Offset, n: len(c.Text), text: text})
				}
			}
		}
	}
	out := metaApply(base, edits)
	if bytes.Count(out, []byte("\n")) != bytes.Count(base, []byte("\n")) {
		t.Fatalf("%s: rewriting changed the number of lines", f.rel)
	}
	return out
}

// wordCalls are the functions and methods (package path, name) whose
// string arguments' words are spelling only, with the arguments concerned:
// messages (printed, logged or made an error's text) and the names given
// to temporary files and to path elements below a directory. The words of
// such literals are rewritten, each letter run to one of the same length,
// so that lengths (socket path limits, say) and everything else (slashes,
// dots, "*", digits, formatting verbs, escapes) stay. Constant values that
// legitimately matter (directories such as "/tmp", environment variable
// names, network names) are never such arguments.
var wordCalls = map[[2]string]func(i int) bool{}

// nameCalls are the wordCalls whose literals name files: their extension
// (after the last dot) is kept, as a file type is not only spelling.
var nameCalls = map[[2]string]bool{}

func init() {
	all := func(int) bool { return true }
	notFirst := func(i int) bool { return i > 0 }
	second := func(i int) bool { return i == 1 }
	for _, n := range []string{"Print", "Printf", "Println", "Fprint", "Fprintf", "Fprintln", "Errorf"} {
		wordCalls[[2]string{"fmt", n}] = all
	}
	for _, n := range []string{"Print", "Printf", "Println", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"} {
		wordCalls[[2]string{"log", n}] = all // functions and *log.Logger methods
	}
	for _, n := range []string{"Log", "Logf", "Error", "Errorf", "Fatal", "Fatalf", "Skip", "Skipf"} {
		wordCalls[[2]string{"testing", n}] = all // *testing.T, B, F and TB methods
	}
	for _, n := range []string{"Debug", "Info", "Warn", "Error"} {
		wordCalls[[2]string{"log/slog", n}] = all
	}
	wordCalls[[2]string{"errors", "New"}] = all
	wordCalls[[2]string{"os", "CreateTemp"}] = second
	wordCalls[[2]string{"os", "MkdirTemp"}] = second
	wordCalls[[2]string{"io/ioutil", "TempFile"}] = second
	wordCalls[[2]string{"io/ioutil", "TempDir"}] = second
	wordCalls[[2]string{"path/filepath", "Join"}] = notFirst
	wordCalls[[2]string{"path", "Join"}] = notFirst
	for _, k := range [][2]string{{"os", "CreateTemp"}, {"os", "MkdirTemp"}, {"io/ioutil", "TempFile"}, {"io/ioutil", "TempDir"}, {"path/filepath", "Join"}, {"path", "Join"}} {
		nameCalls[k] = true
	}
}

// wordLiterals returns the string literals passed directly as the
// wordCalls' arguments concerned, in pf, and whether each names a file.
func wordLiterals(pf *planFile) (lits []*ast.BasicLit, names map[*ast.BasicLit]bool) {
	names = map[*ast.BasicLit]bool{}
	ast.Inspect(pf.file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		var id *ast.Ident
		switch fun := ast.Unparen(call.Fun).(type) {
		case *ast.Ident:
			id = fun
		case *ast.SelectorExpr:
			id = fun.Sel
		}
		if id == nil {
			return true
		}
		fn, ok := pf.info.Uses[id].(*types.Func)
		if !ok || fn.Pkg() == nil {
			return true
		}
		key := [2]string{fn.Pkg().Path(), fn.Name()}
		which := wordCalls[key]
		if which == nil {
			return true
		}
		for i, a := range call.Args {
			if lit, ok := ast.Unparen(a).(*ast.BasicLit); ok && lit.Kind == token.STRING && which(i) {
				lits = append(lits, lit)
				names[lit] = nameCalls[key]
			}
		}
		return true
	})
	return lits, names
}

// literalWordRE matches, in a string literal's source, an escape sequence
// or a formatting verb (both kept) or a run of letters (rewritten).
var literalWordRE = regexp.MustCompile(`\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)|%[-+# 0-9.*\[\]]*[a-zA-Z%]|[A-Za-z]+`)

// literalTrapWords are the trap words usable inside a literal's letter run.
var literalTrapWords = []string{"keep", "socket", "state", "cache", "tmp", "saved", "mount", "docker", "container", "hardcoded"}

// extensionRE matches a file name's extension, compound (.tar.gz) too:
// from the first dot of the last path element.
var extensionRE = regexp.MustCompile(`(\.[A-Za-z0-9]+)+$`)

// rewriteLiteral returns the literal lit (source form) with each run of
// letters replaced by letters of the same length: "lorem..." or, in the
// trap variant, a trap word that fits, padded with x. If isName, the
// extension is kept.
func rewriteLiteral(lit string, variant int, isName bool) string {
	next := 0
	body, ext := lit[1:len(lit)-1], ""
	if isName {
		if loc := extensionRE.FindStringIndex(body); loc != nil {
			body, ext = body[:loc[0]], body[loc[0]:]
		}
	}
	body = literalWordRE.ReplaceAllStringFunc(body, func(w string) string {
		if w[0] == '\\' || w[0] == '%' {
			return w
		}
		n := len(w)
		if metaVariants[variant] == "trap" {
			for range literalTrapWords {
				tw := literalTrapWords[next%len(literalTrapWords)]
				next++
				if len(tw) <= n {
					return tw + strings.Repeat("x", n-len(tw))
				}
			}
		}
		return strings.Repeat("lorem", n/5+1)[:n]
	})
	return lit[:1] + body + ext + lit[len(lit)-1:]
}

// checkRenamed fails the test if a variant still declares an identifier
// under a name that the plan renames elsewhere, other than the names it
// keeps on purpose: the rewriting missed it.
func (p *renamePlan) checkRenamed(t *testing.T, pkgs []*packages.Package, trees []*metaTree) {
	reported := map[string]bool{}
	packages.Visit(pkgs, nil, func(pkg *packages.Package) {
		owned := false
		for _, tr := range trees {
			owned = owned || tr.owns(pkg.PkgPath)
		}
		if !owned {
			return
		}
		for _, tr := range trees {
			if v, _, ok := tr.pkgOf(strings.TrimSuffix(pkg.PkgPath, "_test")); ok && v == 0 {
				return
			}
		}
		for id, obj := range pkg.TypesInfo.Defs {
			if obj == nil || !p.origName[id.Name] {
				continue
			}
			switch obj := obj.(type) {
			case *types.Var:
				if obj.Embedded() {
					continue
				}
			case *types.Func:
				if obj.Signature().Recv() != nil && p.keep[obj.Name()] {
					continue
				}
				if obj.Signature().Recv() == nil && (obj.Name() == "main" || obj.Name() == "init" || obj.Name() == "TestMain") {
					continue
				}
			case *types.PkgName:
				continue // the package's own name
			}
			if posn := pkg.Fset.Position(id.Pos()); !reported[posn.String()] {
				reported[posn.String()] = true
				t.Errorf("%s: %s was not renamed", posn, id.Name)
			}
		}
	})
}

// fileOf returns the type-checked syntax of f's variant-0 copy, or nil.
func (p *renamePlan) fileOf(f *metaFile) *planFile {
	for name, pf := range p.files {
		if strings.HasSuffix(filepath.ToSlash(name), "/src/"+f.tree.pkgPath(0, path.Dir(f.rel))+"/"+path.Base(f.rel)) {
			return pf
		}
	}
	return nil
}

// maskWords returns a function that replaces, in a message, every word that
// is the original or the new name of a renamed identifier.
func (p *renamePlan) maskWords() func(string) string {
	words := map[string]bool{}
	for name := range p.origName {
		words[name] = true
	}
	all := []map[string]planName{p.decls, p.methods, p.fields, p.pkgNames}
	for _, m := range all {
		for _, pn := range m {
			for v := range metaVariants {
				words[pn.render(v)] = true
			}
		}
	}
	re := regexp.MustCompile(`[\pL_][\pL\pN_]*`)
	quoted := regexp.MustCompile(`"[^"]*"`)
	letters := regexp.MustCompile(`[A-Za-z]+`)
	return func(msg string) string {
		// Quoted strings may quote rewritten literals: their words go.
		msg = quoted.ReplaceAllStringFunc(msg, func(q string) string { return letters.ReplaceAllString(q, "·") })
		return re.ReplaceAllStringFunc(msg, func(w string) string {
			if words[w] {
				return "·"
			}
			return w
		})
	}
}

var (
	neutralWords = "lorem ipsum dolor"
	trapWords    = "keep container socket state cache tmp hard-coded docker mount saved"
	directiveRE  = regexp.MustCompile(`^//([a-z0-9]+:\S|nolint|line |export |extern | ?\+build )`)
	generatedRE  = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)
	lineTextRE   = regexp.MustCompile(`(?m)\S.*?(\s*)$`)
)

// rewriteComment returns the variant's text for comment c, or false if c
// is kept. Each line of text becomes the variant's words (neutral, or every
// trap word at once); newlines are kept.
func rewriteComment(c string, variant int) (string, bool) {
	if directiveRE.MatchString(c) || generatedRE.MatchString(c) {
		return "", false
	}
	words := neutralWords
	if metaVariants[variant] == "trap" {
		words = trapWords
	}
	replace := func(text string) string { return lineTextRE.ReplaceAllString(text, words+"$1") }
	if body, ok := strings.CutPrefix(c, "//"); ok {
		// `// want` expectations, alone or after other text, are kept.
		trimmed := strings.TrimSpace(body)
		if strings.HasPrefix(trimmed, "want ") || strings.HasPrefix(trimmed, "want\t") {
			return "", false
		}
		if i := strings.Index(body, "// want"); i >= 0 {
			return "// " + words + " " + body[i:], true
		}
		return "// " + words, true
	}
	body := strings.TrimSuffix(strings.TrimPrefix(c, "/*"), "*/")
	return "/* " + replace(body) + " */", true
}
