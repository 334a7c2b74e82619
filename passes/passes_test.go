package passes_test

import (
	"bytes"
	"encoding/gob"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/passes"
	"github.com/tempguard/tempguard/passes/internal/docs"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

func TestSuiteShape(t *testing.T) {
	all := passes.All()
	if err := analysis.Validate(all); err != nil {
		t.Fatalf("analysis.Validate: %v", err)
	}
	// The public contract: the names of tempmodel.AnalyzerNames, in that
	// order (the one list of names; everything else asks passes.All()).
	if got := passes.Names(); !reflect.DeepEqual(got, tempmodel.AnalyzerNames) {
		t.Fatalf("analyzer names = %q, tempmodel.AnalyzerNames = %q", got, tempmodel.AnalyzerNames)
	}
	for _, a := range all {
		if a.Doc == "" || strings.Contains(a.Doc, "placeholder") {
			t.Errorf("%s: missing doc", a.Name)
		}
		// Extract checks only the text; the 'Fix: ' paragraph is checked
		// here (and by docgen).
		if _, err := docs.Parse(a.Doc); err != nil {
			t.Errorf("%s: doc.go: %v", a.Name, err)
		}
		if a.URL == "" {
			t.Errorf("%s: missing URL", a.Name)
		}
		if passes.Lookup(a.Name) != a {
			t.Errorf("Lookup(%q) failed", a.Name)
		}
	}
}

// Every fact type of every analyzer in the closure must survive gob, as the
// go command, Bazel's nogo and the x/tools drivers serialize them.
func TestFactsAreGobSerializable(t *testing.T) {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		for _, f := range a.FactTypes {
			typ := reflect.TypeOf(f)
			if typ.Kind() != reflect.Pointer {
				t.Errorf("%s: fact type %v is not a pointer", a.Name, typ)
				continue
			}
			v := reflect.New(typ.Elem()).Interface()
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(v); err != nil {
				t.Errorf("%s: fact %v does not gob-encode: %v", a.Name, typ, err)
				continue
			}
			out := reflect.New(typ.Elem()).Interface()
			if err := gob.NewDecoder(&buf).Decode(out); err != nil {
				t.Errorf("%s: fact %v does not gob-decode: %v", a.Name, typ, err)
			}
		}
	}
	for _, a := range passes.All() {
		visit(a)
	}
}

// Each passes/<name> package exports exactly one variable, Analyzer, and no
// other package-level mutable state that is exported.
func TestOneAnalyzerPerPackage(t *testing.T) {
	for _, name := range passes.Names() {
		dir := filepath.Join(".", name)
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var exported []string
		fset := token.NewFileSet()
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			if f.Name.Name != name {
				t.Errorf("%s: package name %s", e.Name(), f.Name.Name)
			}
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				for _, s := range gd.Specs {
					for _, id := range s.(*ast.ValueSpec).Names {
						if id.IsExported() {
							exported = append(exported, id.Name)
						}
					}
				}
			}
		}
		if !reflect.DeepEqual(exported, []string{"Analyzer"}) {
			t.Errorf("package %s exports variables %v, want exactly [Analyzer]", name, exported)
		}
		for _, want := range []string{name + ".go", "doc.go", name + "_test.go"} {
			if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
				t.Errorf("package %s lacks %s", name, want)
			}
		}
	}
}
