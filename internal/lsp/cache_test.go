package lsp

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/passes"
)

// summary renders a result for comparison.
func summary(res *result) string {
	if res == nil {
		return "<nil>"
	}
	s := fmt.Sprintf("problems=%d healthy=%d\n", len(res.problems), len(res.healthy))
	paths := make([]string, 0, len(res.files))
	for p := range res.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		for _, f := range res.files[p] {
			s += fmt.Sprintf("%s %+v %s %s %+v\n", filepath.Base(p), f.diag.Range, f.diag.Code, f.diag.Message, f.diag.RelatedInformation)
			for _, fx := range f.fixes {
				s += fmt.Sprintf("  fix %s %v\n", fx.title, fx.edits)
			}
		}
	}
	return s
}

// The dependency cache gives the same results as a full load, is reused
// when only the directory's files change, and is dropped when a
// dependency changes (in an overlay or on disk).
func TestDependencyCache(t *testing.T) {
	t.Parallel()
	fixture, _ := os.ReadFile("../../testdata/lsp/fixture/main.go")
	dir := writeModule(t, map[string]string{
		"a/a.go":        "package a\n\nimport (\n\t\"os\"\n\n\t\"example.com/m/b\"\n)\n\nfunc F() { os.Create(b.Name()) }\n",
		"a/a_test.go":   "package a\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\nfunc TestF(t *testing.T) { F(); os.Create(\"t\") }\n",
		"a/ax_test.go":  "package a_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/m/a\"\n)\n\nfunc TestX(t *testing.T) { a.F() }\n",
		"b/b.go":        "package b\n\nimport (\n\t\"os\"\n\t\"path/filepath\"\n)\n\nfunc Name() string { return filepath.Join(os.TempDir(), \"b.lock\") }\n",
		"main/main.go":  string(fixture),
		"broken/bad.go": "package broken\n\nimport \"os\"\n\nvar x int = \"s\"\n\nfunc F() { os.Create(\"x\") }\n",
		// d's external test imports e, which imports d: "e [d.test]"
		// depends on the edited package, so d cannot use the cache.
		"d/d.go":       "package d\n\nimport \"os\"\n\nfunc F() { os.Create(\"d\") }\n",
		"d/dx_test.go": "package d_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/m/e\"\n)\n\nfunc TestX(t *testing.T) { e.G() }\n",
		"e/e.go":       "package e\n\nimport \"example.com/m/d\"\n\nfunc G() { d.F() }\n",
	})
	for _, tc := range []struct {
		pkg       string
		analyzers []*analysis.Analyzer
	}{
		{"a", []*analysis.Analyzer{fixme}},
		// predictabletemp knows b.Name() returns a shared temp path only
		// through tempmodel's fact on b: the cached run must replay it.
		{"a", passes.All()},
		{"main", passes.All()},
		{"broken", []*analysis.Analyzer{fixme}},
		{"d", []*analysis.Analyzer{fixme}},
	} {
		pdir := filepath.Join(dir, tc.pkg)
		ctx := context.Background()
		first, cache, err := analyze(ctx, pdir, nil, tc.analyzers, &Options{}, nil)
		if tc.pkg == "d" {
			if err != nil || cache != nil || len(first.files) != 1 {
				t.Errorf("d: err %v, cache %v, results:\n%s", err, cache, summary(first))
			}
			continue
		}
		if err != nil || cache == nil {
			t.Fatalf("%s: first: %v, cache %v", tc.pkg, err, cache)
		}
		second, cache2, err := analyze(ctx, pdir, nil, tc.analyzers, &Options{}, cache)
		if len(cache.memo) == 0 && len(tc.analyzers) > 1 { // passes with facts run on dependencies
			t.Errorf("%s: no analyzer runs memoized", tc.pkg)
		}
		if err != nil || cache2 != cache || cache.uses != 1 {
			t.Fatalf("%s: second: %v, cache reused: %v, uses %d", tc.pkg, err, cache2 == cache, cache.uses)
		}
		// The first analysis is a full load (go/packages type-checks
		// everything); the second type-checks the roots itself.
		if a, b := summary(first), summary(second); a != b {
			t.Errorf("%s: results differ:\nfull load:\n%s\ncached:\n%s", tc.pkg, a, b)
		}
		t.Logf("%s: %s", tc.pkg, summary(second))
		if len(first.files) == 0 && tc.pkg != "broken" {
			t.Errorf("%s: no findings", tc.pkg)
		}
		if tc.pkg == "broken" && len(first.problems) == 0 {
			t.Errorf("broken: no problem reported")
		}
		if !reflect.DeepEqual(first.healthy, second.healthy) {
			t.Errorf("%s: healthy files differ", tc.pkg)
		}
	}

	// An edit in the directory reuses the cache; an edit to a dependency
	// (an open document in another directory, or a saved file) does not.
	adir := filepath.Join(dir, "a")
	ctx := context.Background()
	_, cache, _ := analyze(ctx, adir, nil, []*analysis.Analyzer{fixme}, &Options{}, nil)
	edited := map[string][]byte{filepath.Join(adir, "a.go"): []byte("package a\n\nimport (\n\t\"os\"\n\n\t\"example.com/m/b\"\n)\n\nfunc F() { os.Create(b.Name() + \"2\") }\n")}
	res, next, err := analyze(ctx, adir, edited, []*analysis.Analyzer{fixme}, &Options{}, cache)
	if err != nil || next != cache {
		t.Fatalf("root edit: err %v, reused %v", err, next == cache)
	}
	if got := summary(res); !strings.Contains(got, `b.Name() + "2"`) {
		t.Errorf("root edit not analyzed:\n%s", got)
	}
	depEdit := map[string][]byte{filepath.Join(dir, "b", "b.go"): []byte("package b\n\nfunc Name() string { return \"/tmp/c\" }\n\nfunc Other() {}\n")}
	if _, next, err := analyze(ctx, adir, depEdit, []*analysis.Analyzer{fixme}, &Options{}, cache); err != nil || next == cache {
		t.Fatalf("dependency overlay: err %v, reused %v", err, next == cache)
	}
	later := time.Now().Add(time.Minute)
	os.Chtimes(filepath.Join(dir, "b", "b.go"), later, later)
	if _, next, err := analyze(ctx, adir, nil, []*analysis.Analyzer{fixme}, &Options{}, cache); err != nil || next == cache {
		t.Fatalf("dependency saved: err %v, reused %v", err, next == cache)
	}
}
