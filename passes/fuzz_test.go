package passes_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tempguard/tempguard/passes"
)

// FuzzSuite feeds Go source files, seeded from every analyzer's testdata
// and mutated by the fuzzer, through parse, type-check and every tempguard
// analyzer (with the x/tools checker, which also validates each suggested
// fix and the encoding of facts), then applies each suggested fix on its
// own and requires the result to parse and type-check. Inputs that do not
// type-check are skipped: analyzers only run on code that builds.
//
//	go test ./passes -run '^$' -fuzz FuzzSuite -fuzztime 5m
//
// `go test ./...` runs the seeds (and testdata/fuzz/FuzzSuite, where the
// fuzzer keeps the inputs that failed).
func FuzzSuite(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("*", "testdata", "src"))
	if err != nil || len(seeds) == 0 {
		f.Fatalf("no testdata: %v", err)
	}
	var files []string
	for _, root := range seeds {
		filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && strings.HasSuffix(path, ".go") {
				files = append(files, path)
			}
			return nil
		})
	}
	sort.Strings(files)
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	env := newFuzzEnv(f, seeds, files)
	f.Fuzz(func(t *testing.T, src []byte) {
		env.check(t, src)
	})
}

// fuzzEnv type-checks inputs against the standard library's export data
// and the stub packages under the analyzers' testdata/src.
type fuzzEnv struct {
	mu      sync.Mutex
	fset    *token.FileSet
	roots   []string                  // */testdata/src
	exports map[string]string         // std import path -> export data file
	gc      types.ImporterFrom        // reads exports
	pkgs    map[string]*types.Package // stub packages, type-checked once
	dir     string                    // where inputs are written for Pass.ReadFile
}

func newFuzzEnv(f *testing.F, roots, files []string) *fuzzEnv {
	env := &fuzzEnv{fset: token.NewFileSet(), roots: roots, exports: map[string]string{}, pkgs: map[string]*types.Package{}}
	// The export data of every standard package the seeds import, with
	// their dependencies, from one go list (one per import is slow).
	std := map[string]bool{"os": true, "path/filepath": true, "io": true, "testing": true}
	for _, name := range files {
		pf, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			continue
		}
		for _, imp := range pf.Imports {
			if p, err := strconv.Unquote(imp.Path.Value); err == nil && !strings.Contains(strings.Split(p, "/")[0], ".") {
				std[p] = true
			}
		}
	}
	args := []string{"list", "-e", "-export", "-deps", "-f", "{{if .Export}}{{.ImportPath}} {{.Export}}{{end}}"}
	for p := range std {
		args = append(args, p)
	}
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		f.Fatalf("go list -export: %v", err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if path, file, ok := strings.Cut(line, " "); ok {
			env.exports[path] = file
		}
	}
	env.gc = importer.ForCompiler(env.fset, "gc", func(path string) (io.ReadCloser, error) {
		file, ok := env.exports[path]
		if !ok {
			return nil, fmt.Errorf("no export data for %q", path)
		}
		return os.Open(file)
	}).(types.ImporterFrom)
	env.dir = f.TempDir()
	return env
}

func (env *fuzzEnv) Import(path string) (*types.Package, error) {
	return env.ImportFrom(path, "", 0)
}

// ImportFrom imports a stub package from testdata/src, type-checking it
// from source, or a standard package from export data.
func (env *fuzzEnv) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	if p, ok := env.pkgs[path]; ok {
		return p, nil
	}
	for _, root := range env.roots {
		names, _ := filepath.Glob(filepath.Join(root, filepath.FromSlash(path), "*.go"))
		var syntax []*ast.File
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			pf, err := parser.ParseFile(env.fset, name, nil, parser.ParseComments)
			if err != nil {
				return nil, err
			}
			syntax = append(syntax, pf)
		}
		if len(syntax) == 0 {
			continue
		}
		p, err := (&types.Config{Importer: env}).Check(path, env.fset, syntax, nil)
		if err != nil {
			return nil, err
		}
		env.pkgs[path] = p
		return p, nil
	}
	return env.gc.ImportFrom(path, dir, mode)
}

// typeCheck parses and type-checks one file as a package of its own.
func (env *fuzzEnv) typeCheck(name string, src []byte) (*ast.File, *types.Package, *types.Info, error) {
	file, err := parser.ParseFile(env.fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, nil, nil, err
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
	conf := &types.Config{Importer: env, GoVersion: "go1.26", Sizes: types.SizesFor("gc", runtime.GOARCH)}
	pkg, err := conf.Check("fuzz/"+file.Name.Name, env.fset, []*ast.File{file}, info)
	return file, pkg, info, err
}

// check runs the suite on src and applies each suggested fix.
func (env *fuzzEnv) check(t *testing.T, src []byte) {
	env.mu.Lock()
	defer env.mu.Unlock()
	name := filepath.Join(env.dir, "input.go")
	if err := os.WriteFile(name, src, 0o644); err != nil { // for Pass.ReadFile
		t.Fatal(err)
	}
	file, tpkg, info, err := env.typeCheck(name, src)
	if err != nil {
		return // not a valid program: nothing to analyze
	}
	pkg := &packages.Package{
		ID:              tpkg.Path(),
		Name:            tpkg.Name(),
		PkgPath:         tpkg.Path(),
		Fset:            env.fset,
		GoFiles:         []string{name},
		CompiledGoFiles: []string{name},
		Syntax:          []*ast.File{file},
		Types:           tpkg,
		TypesInfo:       info,
		TypesSizes:      types.SizesFor("gc", runtime.GOARCH),
		Imports:         map[string]*packages.Package{},
	}
	graph, err := checker.Analyze(passes.All(), []*packages.Package{pkg}, &checker.Options{Sequential: true, SanityCheck: true})
	if err != nil {
		t.Fatalf("analysis failed: %v\n%s", err, src)
	}
	tf := env.fset.File(file.FileStart)
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s failed: %v\n%s", act.Analyzer.Name, act.Err, src)
		}
		for _, d := range act.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				fixed, err := applyFix(tf, src, fix.TextEdits)
				if err != nil {
					t.Fatalf("%s: fix %q of %q: %v\n%s", act.Analyzer.Name, fix.Message, d.Message, err, src)
				}
				if _, _, _, err := env.typeCheck(name, fixed); err != nil {
					t.Errorf("%s: fix %q of %q breaks the build: %v\n--- input:\n%s\n--- fixed:\n%s",
						act.Analyzer.Name, fix.Message, d.Message, err, src, fixed)
				}
			}
		}
	}
}

// applyFix applies the edits of one fix (all in tf) to src.
func applyFix(tf *token.File, src []byte, edits []analysis.TextEdit) ([]byte, error) {
	type edit struct {
		start, end int
		text       []byte
	}
	var es []edit
	for _, e := range edits {
		if e.Pos < token.Pos(tf.Base()) || e.End > token.Pos(tf.Base()+tf.Size()) {
			return nil, fmt.Errorf("edit outside the file")
		}
		es = append(es, edit{tf.Offset(e.Pos), tf.Offset(e.End), e.NewText})
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].start < es[j].start })
	var out bytes.Buffer
	last := 0
	for _, e := range es {
		if e.start < last || e.end < e.start {
			return nil, fmt.Errorf("overlapping edits")
		}
		out.Write(src[last:e.start])
		out.Write(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}
