package golangci

import (
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/internal/config"
	"github.com/tempguard/tempguard/passes"
)

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func build(t *testing.T, raw any) ([]*analysis.Analyzer, error) {
	t.Helper()
	p, err := New(raw)
	if err != nil {
		return nil, err
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("tempguard")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(as), passes.Names(); !slices.Equal(got, want) {
		t.Errorf("analyzers = %v, want %v", got, want)
	}
	if err := analysis.Validate(as); err != nil {
		t.Errorf("analysis.Validate: %v", err)
	}
	for _, a := range as {
		if a.Name == Name {
			t.Errorf("an analyzer is named %q like the linter: golangci-lint would drop its name from messages", Name)
		}
	}
}

func TestSettings(t *testing.T) {
	all := passes.Names()
	without := func(drop ...string) []string {
		var out []string
		for _, n := range all {
			if !slices.Contains(drop, n) {
				out = append(out, n)
			}
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		raw     any
		want    []string
		wantErr []string // substrings of the error
	}{
		{name: "nil", raw: nil, want: all},
		{name: "empty", raw: map[string]any{}, want: all},
		{name: "empty lists", raw: map[string]any{"enable": []any{}, "disable": nil}, want: all},
		{name: "disable", raw: map[string]any{"disable": []any{"tempperm", "crossdevice"}}, want: without("tempperm", "crossdevice")},
		{name: "enable", raw: map[string]any{"enable": []any{"tempcleanup", "predictabletemp"}}, want: []string{"predictabletemp", "tempcleanup"}},
		{name: "enable and disable", raw: map[string]any{"enable": []any{"tempcleanup", "predictabletemp"}, "disable": []any{"tempperm"}}, want: []string{"predictabletemp", "tempcleanup"}},
		{
			name:    "unknown key",
			raw:     map[string]any{"disabled": []any{"tempperm"}},
			wantErr: []string{`unknown key "disabled"`, "valid keys: enable, disable, exclude, generated, tests, test-advice, severity, options"},
		},
		{
			name:    "unknown analyzer in disable",
			raw:     map[string]any{"disable": []any{"tempperms"}},
			wantErr: []string{`disable: unknown analyzer "tempperms"`, "valid analyzers: " + strings.Join(all, ", ")},
		},
		{
			name:    "unknown analyzer in enable",
			raw:     map[string]any{"enable": []any{"predictabletemp", "G303"}},
			wantErr: []string{`enable: unknown analyzer "G303"`, "valid analyzers: "},
		},
		{
			name:    "analyzer names are case sensitive",
			raw:     map[string]any{"disable": []any{"TempPerm"}},
			wantErr: []string{`unknown analyzer "TempPerm"`},
		},
		{
			name:    "not a list",
			raw:     map[string]any{"disable": "tempperm"},
			wantErr: []string{"disable must be a list of analyzer names", "predictabletemp"},
		},
		{
			name:    "not a mapping",
			raw:     []any{"tempperm"},
			wantErr: []string{"want a mapping with keys enable, disable, exclude, generated, tests, test-advice, severity, options"},
		},
		{
			name:    "both enabled and disabled",
			raw:     map[string]any{"enable": []any{"tempperm"}, "disable": []any{"tempperm"}},
			wantErr: []string{`"tempperm" is both enabled and disabled`},
		},
		{
			name:    "everything disabled",
			raw:     map[string]any{"disable": toAny(all)},
			wantErr: []string{"every analyzer is disabled"},
		},
		{
			name:    "options for an unknown analyzer",
			raw:     map[string]any{"options": map[string]any{"nosuch": map[string]any{"x": 1}}},
			wantErr: []string{`options: unknown analyzer "nosuch"`, "valid analyzers: "},
		},
		{
			name:    "unknown option",
			raw:     map[string]any{"options": map[string]any{"tempperm": map[string]any{"no-such-flag": true}}},
			wantErr: []string{"tempperm has no", `"no-such-flag"`},
		},
		{name: "the rest of the .tempguard.yaml schema", raw: map[string]any{"exclude": []any{"gen/**"}, "generated": true, "tests": false, "test-advice": true, "severity": "note"}, want: all},
		{
			name:    "bad severity",
			raw:     map[string]any{"severity": "fatal"},
			wantErr: []string{`severity: unknown severity "fatal"`},
		},
		{
			name:    "tests not a bool",
			raw:     map[string]any{"tests": "maybe"},
			wantErr: []string{"tempguard settings:", "maybe"},
		},
		{
			name:    "options not a mapping",
			raw:     map[string]any{"options": []any{"x"}},
			wantErr: []string{"options must map analyzer names"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := build(t, tc.raw)
			if tc.wantErr != nil {
				if err == nil {
					t.Fatalf("no error; analyzers %v", names(got))
				}
				for _, w := range tc.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q does not contain %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(names(got), tc.want) {
				t.Errorf("analyzers = %v, want %v", names(got), tc.want)
			}
		})
	}
}

// TestSharedAnalyzersUntouched checks that building plugins with settings
// leaves passes.All() as it was.
func TestSharedAnalyzersUntouched(t *testing.T) {
	before := passes.All()
	var snap []analysis.Analyzer
	for _, a := range before {
		snap = append(snap, *a)
	}
	built, err := build(t, map[string]any{"disable": []any{"tempperm"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range built {
		if slices.Contains(before, w) {
			t.Errorf("BuildAnalyzers returned the shared %s, want a wrapped copy", w.Name)
		}
	}
	after := passes.All()
	if len(after) != len(before) {
		t.Fatalf("passes.All() changed length: %d -> %d", len(before), len(after))
	}
	for i, a := range after {
		if a != before[i] || a.Name != snap[i].Name || a.Doc != snap[i].Doc || len(a.Requires) != len(snap[i].Requires) ||
			reflect.ValueOf(a.Run).Pointer() != reflect.ValueOf(snap[i].Run).Pointer() {
			t.Errorf("passes.All()[%d] changed", i)
		}
	}
}

func toAny(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func TestOptions(t *testing.T) {
	var max int
	var dirs string
	a := &analysis.Analyzer{Name: "fake", Doc: "fake", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	a.Flags.IntVar(&max, "max", 1, "")
	a.Flags.StringVar(&dirs, "dirs", "", "")
	b := &analysis.Analyzer{Name: "other", Doc: "other", Run: a.Run}

	s, err := DecodeSettings(map[string]any{"options": map[string]any{"fake": map[string]any{"max": 7, "dirs": []any{"/a", "/b"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.analyzers([]*analysis.Analyzer{a, b}); err != nil {
		t.Fatal(err)
	}
	if max != 7 || dirs != "/a,/b" {
		t.Errorf("max, dirs = %d, %q; want 7, \"/a,/b\"", max, dirs)
	}

	s, _ = DecodeSettings(map[string]any{"options": map[string]any{"fake": map[string]any{"maxx": 7}}})
	if _, err := s.analyzers([]*analysis.Analyzer{a, b}); err == nil || !strings.Contains(err.Error(), "valid options: dirs, max") {
		t.Errorf("unknown option: err = %v", err)
	}
	s, _ = DecodeSettings(map[string]any{"options": map[string]any{"fake": map[string]any{"max": "many"}}})
	if _, err := s.analyzers([]*analysis.Analyzer{a, b}); err == nil || !strings.Contains(err.Error(), "fake.max") {
		t.Errorf("bad value: err = %v", err)
	}
}

func TestWrapFoldsRelated(t *testing.T) {
	fset := token.NewFileSet()
	fa := fset.AddFile("/src/a/a.go", -1, 100)
	fa.SetLines([]int{0, 10, 20, 30})
	fb := fset.AddFile("/src/b/b.go", -1, 100)
	fb.SetLines([]int{0, 10})
	at := func(f *token.File, line, col int) token.Pos { return f.LineStart(line) + token.Pos(col-1) }

	orig := &analysis.Analyzer{
		Name: "fake",
		Doc:  "fake",
		Run: func(pass *analysis.Pass) (any, error) {
			pass.Report(analysis.Diagnostic{
				Pos:     at(fa, 3, 2),
				Message: "racy open",
				Related: []analysis.RelatedInformation{
					{Pos: at(fa, 1, 5), Message: "checked here"},
					{Pos: at(fb, 2, 1), Message: "defined here"},
				},
			})
			pass.Reportf(at(fa, 4, 1), "plain")
			return "result", nil
		},
	}
	run := func(a *analysis.Analyzer) ([]analysis.Diagnostic, any) {
		var got []analysis.Diagnostic
		pass := &analysis.Pass{Analyzer: a, Fset: fset, Report: func(d analysis.Diagnostic) { got = append(got, d) }}
		res, err := a.Run(pass)
		if err != nil {
			t.Fatal(err)
		}
		return got, res
	}

	w := Wrap(orig)
	if w == orig || w.Name != orig.Name || w.Doc != orig.Doc {
		t.Fatalf("Wrap: want a copy with the same name and doc")
	}
	got, res := run(w)
	if res != "result" {
		t.Errorf("result = %v, want the wrapped analyzer's", res)
	}
	if len(got) != 2 {
		t.Fatalf("got %d diagnostics, want 2", len(got))
	}
	if want := "racy open (a.go:1:5: checked here) (../b/b.go:2:1: defined here)"; got[0].Message != want || got[0].Related != nil {
		t.Errorf("folded diagnostic = %q, related %v; want %q, none", got[0].Message, got[0].Related, want)
	}
	if got[1].Message != "plain" {
		t.Errorf("plain diagnostic = %q", got[1].Message)
	}

	// The original is untouched.
	got, _ = run(orig)
	if got[0].Message != "racy open" || len(got[0].Related) != 2 {
		t.Errorf("original analyzer changed: %q, %d related", got[0].Message, len(got[0].Related))
	}
}

// The plugin reports from the severity threshold up (golangci-lint fails
// on any issue) and applies exclude, tests and test-advice as
// .tempguard.yaml does.
func TestSeverityAndFilters(t *testing.T) {
	fset := token.NewFileSet()
	wd, _ := os.Getwd()
	fa := fset.AddFile(filepath.Join(wd, "a.go"), -1, 100)
	fa.SetLines([]int{0, 10, 20})
	ft := fset.AddFile(filepath.Join(wd, "gen", "a_test.go"), -1, 100)
	ft.SetLines([]int{0, 10, 20})
	fake := &analysis.Analyzer{
		Name: "checkthenopen", // the classification is by analyzer name and category
		Doc:  "fake",
		Run: func(pass *analysis.Pass) (any, error) {
			pass.Report(analysis.Diagnostic{Pos: fa.LineStart(1), Category: "redundant-check", Message: "note"})
			pass.Report(analysis.Diagnostic{Pos: fa.LineStart(2), Category: "race-shared-dir", Message: "error"})
			pass.Report(analysis.Diagnostic{Pos: ft.LineStart(1), Category: "race", Message: "in a test"})
			return nil, nil
		},
	}
	run := func(raw map[string]any) []string {
		t.Helper()
		s, err := DecodeSettings(raw)
		if err != nil {
			t.Fatal(err)
		}
		cfg := &config.Config{Settings: s.Filter, Dir: wd}
		cfg.Report = cfg.Threshold()
		p := &Plugin{analyzers: []*analysis.Analyzer{fake}, cfg: cfg}
		as, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		pass := &analysis.Pass{Analyzer: as[0], Fset: fset, Report: func(d analysis.Diagnostic) { got = append(got, d.Message) }}
		if _, err := as[0].Run(pass); err != nil {
			t.Fatal(err)
		}
		return got
	}
	for _, tc := range []struct {
		raw  map[string]any
		want []string
	}{
		{nil, []string{"error", "in a test"}},
		{map[string]any{"severity": "note"}, []string{"note", "error", "in a test"}},
		{map[string]any{"severity": "error"}, []string{"error"}},
		{map[string]any{"tests": false}, []string{"error"}},
		{map[string]any{"exclude": []any{"gen/**"}}, []string{"error"}},
	} {
		if got := run(tc.raw); !slices.Equal(got, tc.want) {
			t.Errorf("settings %v: reported %q, want %q", tc.raw, got, tc.want)
		}
	}
}

// Each analyzer is also a linter of its own, which runs only it.
func TestPerAnalyzerLinters(t *testing.T) {
	for _, n := range passes.Names() {
		newPlugin, err := register.GetPlugin(n)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		p, err := newPlugin(map[string]any{})
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		as, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		if got := names(as); !slices.Equal(got, []string{n}) {
			t.Errorf("linter %s runs %v", n, got)
		}
	}
	if _, err := NewSingle("tempperm", map[string]any{"disable": []any{"tempperm"}}); err == nil || !strings.Contains(err.Error(), "enable and disable are settings of the tempguard linter") {
		t.Errorf("per-analyzer linter with disable: err = %v", err)
	}
	if _, err := NewSingle("tempperm", map[string]any{"options": map[string]any{"tempperm": map[string]any{"nosuch": 1}}}); err == nil {
		t.Errorf("per-analyzer linter with a bad option: no error")
	}
	// The rest of the schema applies as under the tempguard linter.
	p, err := NewSingle("checkthenopen", map[string]any{"severity": "note", "exclude": []any{"gen/**"}})
	if err != nil {
		t.Fatal(err)
	}
	if cfg := p.(*Plugin).cfg; cfg == nil || cfg.Report != passes.Note || !slices.Equal(cfg.Exclude, []string{"gen/**"}) {
		t.Errorf("per-analyzer linter with severity and exclude: config %+v", cfg)
	}
}

// Under the tempguard linter, //nolint:<analyzer> works (the analyzers
// apply it) and the forms golangci-lint applies itself are left to it.
func TestNolintUnderGolangci(t *testing.T) {
	mu.Lock()
	linters, enabled = map[string]bool{}, map[string]bool{} // as in a golangci-lint run that enables tempguard only
	mu.Unlock()
	p, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	defer passes.SetDriverNolint(nil)
	defer passes.SetEnabled(nil)
	for _, a := range as {
		if a.Name == "predictabletemp" {
			analysistest.Run(t, analysistest.TestData(), a, "nolint")
		}
	}
}
