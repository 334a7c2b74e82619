package config

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/passes"
)

func TestParseStrict(t *testing.T) {
	for _, tc := range []struct {
		yaml, err string
	}{
		{"", ""},
		{"# only a comment\n", ""},
		{"enable: [predictabletemp]\nseverity: error\ntests: false\nexclude: ['gen/**', '*.pb.go']\n", ""},
		{"disable: [tempperm]\ngenerated: true\ntest-advice: true\n", ""},
		{"disabel: [tempperm]\n", `line 1: unknown key "disabel"; valid keys: enable, disable, exclude, generated, tests, test-advice, severity, options`},
		{"enable: [predictabletmp]\n", `enable: unknown analyzer "predictabletmp"; valid analyzers: predictabletemp`},
		{"disable: [predictabletemp, checkthenopen, tempcleanup, tempreopen, tempperm, crossdevice, temppattern]\n", "every analyzer is disabled"},
		{"enable: [tempperm]\ndisable: [tempperm]\n", `analyzer "tempperm" is both enabled and disabled`},
		{"severity: fatal\n", `severity: unknown severity "fatal"`},
		{"tests: maybe\n", "cannot unmarshal"},
		{"exclude: ['[']\n", `exclude: bad pattern "["`},
		{"options:\n  tempperm:\n    strict: true\n", `options: analyzer tempperm has no options (got "strict")`},
		{"options:\n  nosuch: {}\n", `options: unknown analyzer "nosuch"`},
		{"- a\n- b\n", "want a mapping"},
		{"severity: [1\n", "did not find expected"},
	} {
		_, err := Parse([]byte(tc.yaml))
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: %v", tc.yaml, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: error %v, want %q", tc.yaml, err, tc.err)
		}
	}
}

func TestFindUpward(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if p, err := Find(sub); err != nil || p != "" && strings.HasPrefix(p, root) {
		t.Fatalf("no config: %q %v", p, err)
	}
	file := filepath.Join(root, "a", FileName)
	if err := os.WriteFile(file, []byte("severity: error\nexclude: [b/gen.go]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := FindAndLoad(sub)
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != file || c.Dir != filepath.Join(root, "a") || c.Threshold() != passes.Error {
		t.Errorf("FindAndLoad(%s) = %+v", sub, c)
	}
	if !c.Excluded(filepath.Join(sub, "gen.go")) || c.Excluded(filepath.Join(sub, "main.go")) {
		t.Errorf("exclude b/gen.go relative to the config's directory")
	}
	// The wire form for the vet tool round-trips.
	d, err := Decode(c.Encode())
	if err != nil || d.Dir != c.Dir || d.Severity != "error" || len(d.Exclude) != 1 {
		t.Errorf("Decode(Encode()) = %+v, %v", d, err)
	}
	if _, err := Decode(`{"dir":"/x","severty":"error"}`); err == nil {
		t.Errorf("Decode accepts an unknown field")
	}
	// The directory is in the wire form (a key of go vet's cache) only
	// when exclude patterns start from it.
	if a, b := Default(filepath.Join(root, "a")).Encode(), Default(sub).Encode(); a != b {
		t.Errorf("the defaults in two directories encode differently: %s, %s", a, b)
	}
	other := *c
	other.Dir = sub
	if c.Encode() == other.Encode() {
		t.Errorf("exclude patterns from two directories encode the same: %s", c.Encode())
	}
}

func TestEnabledNames(t *testing.T) {
	names := []string{"a", "b", "c"}
	for _, c := range []struct {
		cfg  *Config
		want []string
	}{
		{nil, names},
		{Default("/m"), names},
		{&Config{Settings: Settings{Disable: []string{"b"}}}, []string{"a", "c"}},
		{&Config{Settings: Settings{Enable: []string{"c", "a"}, Disable: []string{"a"}}}, []string{"c"}},
	} {
		if got := c.cfg.EnabledNames(names); !slices.Equal(got, c.want) {
			t.Errorf("%+v: EnabledNames = %v, want %v", c.cfg, got, c.want)
		}
	}
}

func TestExcluded(t *testing.T) {
	no := false
	c := &Config{Dir: "/m", Settings: Settings{Exclude: []string{"internal/gen/**", "*.pb.go", "testdata", "cmd/*/main.go"}, Tests: &no}}
	for file, want := range map[string]bool{
		"/m/internal/gen/x.go":       true,
		"/m/internal/gen/deep/y.go":  true,
		"/m/internal/generator/x.go": false,
		"/m/api/v1/a.pb.go":          true,
		"/m/api/v1/a.go":             false,
		"/m/pkg/testdata/src/x.go":   true,
		"/m/cmd/tool/main.go":        true,
		"/m/cmd/tool/sub/main.go":    false,
		"/m/pkg/x_test.go":           true,
		"/elsewhere/x.pb.go":         true,
		"/elsewhere/internal/gen/x":  false,
	} {
		if got := c.Excluded(file); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", file, got, want)
		}
	}
}

func TestKeep(t *testing.T) {
	c := Default("/m")
	d := func(cat string) analysis.Diagnostic { return analysis.Diagnostic{Category: cat} }
	if c.Keep("tempcleanup", d("test-tempdir"), "/m/x_test.go") || !c.Keep("tempcleanup", d("test-leak"), "/m/x_test.go") {
		t.Errorf("t.TempDir() advice is off by default, test leaks are reported")
	}
	c.TestAdvice = true
	if !c.Keep("tempcleanup", d("test-tempdir"), "/m/x_test.go") {
		t.Errorf("test-advice: true turns the advice on")
	}
	c.Report = passes.Warning // go vet: from the threshold up
	if c.Keep("checkthenopen", d("redundant-check"), "/m/x.go") || !c.Keep("checkthenopen", d("race"), "/m/x.go") {
		t.Errorf("notes below the threshold are dropped where the driver fails on any finding")
	}
	c.Disable = []string{"checkthenopen"}
	if c.Keep("checkthenopen", d("race"), "/m/x.go") {
		t.Errorf("a disabled analyzer reports nothing")
	}
}

// Generated files are not reported unless generated: true.
func TestGenerated(t *testing.T) {
	fset := token.NewFileSet()
	parse := func(name, src string) *ast.File {
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	gen := parse("/m/gen.go", "// Code generated by stringer; DO NOT EDIT.\n\npackage p\n\nvar X = 1\n")
	hand := parse("/m/hand.go", "// Code generated by hand, but not marked.\n\npackage p\n\nvar Y = 1\n")
	a := &analysis.Analyzer{Name: "tempperm", Doc: "fake", Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			pass.Report(analysis.Diagnostic{Pos: f.Name.Pos(), Message: fset.File(f.Pos()).Name()})
		}
		return nil, nil
	}}
	run := func(c *Config) []string {
		var got []string
		w := c.Wrap([]*analysis.Analyzer{a})[0]
		pass := &analysis.Pass{Analyzer: w, Fset: fset, Files: []*ast.File{gen, hand},
			Report: func(d analysis.Diagnostic) { got = append(got, d.Message) }}
		if _, err := w.Run(pass); err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := run(Default("/m")); !slices.Equal(got, []string{"/m/hand.go"}) {
		t.Errorf("default: reported in %q, want only hand.go", got)
	}
	c := Default("/m")
	c.Generated = true
	if got := run(c); !slices.Equal(got, []string{"/m/gen.go", "/m/hand.go"}) {
		t.Errorf("generated: true: reported in %q, want both", got)
	}
}
