package vettool

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/passes"
)

func TestIsProtocol(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"./..."}, false},
		{[]string{"vet", "./..."}, false},
		{[]string{"-json", "./..."}, false},
		{[]string{"-flags"}, true},
		{[]string{"--flags"}, true},
		{[]string{"-V=full"}, true},
		{[]string{"--V=full"}, true},
		{[]string{"-V"}, true},
		{[]string{"-printf=false", "/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"/tmp/go-build1/b001/vet.cfg", "./..."}, false},
	} {
		if got := IsProtocol(c.args); got != c.want {
			t.Errorf("IsProtocol(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

// TestEnabledByArgs: unitchecker's rule, if any -NAME is true only those,
// else all but the -NAME=false ones; other flags (go vet's analyzers in
// the suite) and bad values change nothing.
func TestEnabledByArgs(t *testing.T) {
	all := passes.Names()
	if len(all) < 2 {
		t.Fatalf("passes.Names() = %v", all)
	}
	a, b := all[0], all[1]
	without := func(name string) []string {
		return slices.DeleteFunc(slices.Clone(all), func(n string) bool { return n == name })
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"x.cfg"}, all},
		{[]string{"-printf=false", "-json", "x.cfg"}, all},
		{[]string{"-" + a, "x.cfg"}, []string{a}},
		{[]string{"--" + a + "=true", "-" + b + "=1", "x.cfg"}, []string{a, b}},
		{[]string{"-" + a + "=false", "x.cfg"}, without(a)},
		{[]string{"-" + a + "=false", "-" + b, "x.cfg"}, []string{b}},
		{[]string{"-" + a + "=maybe", "x.cfg"}, all},
	} {
		if got := enabledByArgs(c.args); !slices.Equal(got, c.want) {
			t.Errorf("enabledByArgs(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

// writeCfg writes a vet.cfg-like file in dir and returns its path.
func writeCfg(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPackageDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string { return writeCfg(t, dir, name, text) }
	withDir := write("a.cfg", `{"Dir": "/src/p", "GoFiles": ["/other/x.go"]}`)
	filesOnly := write("b.cfg", `{"GoFiles": ["/src/q/x.go"]}`)
	bad := write("c.cfg", `not json`)
	filesFirst := write("d.cfg", `{"ImportMap": {"a": "b"}, "GoFiles": ["/src/r/x.go"], "Dir": "/src/r2", "PackageFile": {"x": "y"}}`)
	truncated := write("e.cfg", `{"GoFiles": ["/src/s/x.go"], "ImportMap": {"a": `)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{withDir}, "/src/p"},
		{[]string{filesOnly}, filepath.Dir("/src/q/x.go")},
		{[]string{bad}, "."},
		{[]string{filesFirst}, "/src/r2"},
		{[]string{truncated}, "."},
		{[]string{filepath.Join(dir, "missing.cfg")}, "."},
		{[]string{"-flags"}, "."},
		{nil, "."},
	} {
		if got := packageDir(c.args); got != c.want {
			t.Errorf("packageDir(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}

func TestCommandLine(t *testing.T) {
	got := CommandLine([]string{"/usr/bin/go", "vet", "-vettool=/a b/tempguard", "", "-printf.funcs=Logf", "./..."})
	want := `/usr/bin/go vet "-vettool=/a b/tempguard" "" -printf.funcs=Logf ./...`
	if got != want {
		t.Errorf("CommandLine = %s, want %s", got, want)
	}
}

func TestVetxOnly(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string { return writeCfg(t, dir, name, text) }
	long := strings.Repeat("x", 4096)
	for _, c := range []struct {
		name, text string
		want       bool
	}{
		{"on.cfg", "{\n\t\"Dir\": \"/p\",\n\t\"VetxOnly\": true,\n\t\"VetxOutput\": \"/o/vet.out\"\n}\n", true},
		{"off.cfg", "{\n\t\"Dir\": \"/p\",\n\t\"VetxOnly\": false,\n\t\"VetxOutput\": \"/o/vet.out\"\n}\n", false},
		{"compact.cfg", `{"Dir":"/p","VetxOnly":true}`, true},
		{"absent.cfg", `{"Dir": "/p"}`, false},
		// An import path spelled like the member, in a map before it.
		{"mapkey.cfg", `{"ImportMap": {"VetxOnly": "VetxOnly"}, "VetxOnly": true}`, true},
		{"mapkeyonly.cfg", `{"ImportMap": {"VetxOnly": "VetxOnly"}}`, false},
		// A string after the member holding the name, quotes escaped.
		{"escaped.cfg", `{"VetxOnly": true, "VetxOutput": "/o/\"VetxOnly\": false"}`, true},
		// Not in the last 2 KiB: the whole file is read.
		{"head.cfg", `{"VetxOnly": true, "VetxOutput": "/` + long + `"}`, true},
		{"headoff.cfg", `{"VetxOnly": false, "VetxOutput": "/` + long + `"}`, false},
		{"bad.cfg", `not json`, false},
	} {
		if got := vetxOnly([]string{"-flag", write(c.name, c.text)}); got != c.want {
			t.Errorf("%s: vetxOnly = %v, want %v", c.name, got, c.want)
		}
	}
	if vetxOnly([]string{filepath.Join(dir, "missing.cfg")}) || vetxOnly([]string{"-flags"}) || vetxOnly(nil) {
		t.Error("vetxOnly true without a vet.cfg file")
	}
}

// factsOnly leaves analyzers with facts or a result alone and makes the
// others do nothing, keeping their names and flags.
func TestFactsOnly(t *testing.T) {
	ran := false
	type fact struct{ analysis.Fact }
	withFacts := &analysis.Analyzer{Name: "withfacts", FactTypes: []analysis.Fact{new(fact)}, Run: func(*analysis.Pass) (any, error) { ran = true; return nil, nil }}
	withResult := &analysis.Analyzer{Name: "withresult", ResultType: reflect.TypeFor[int](), Run: func(*analysis.Pass) (any, error) { return 1, nil }}
	pass := &analysis.Analyzer{Name: "pass", Requires: []*analysis.Analyzer{withFacts}, Run: func(*analysis.Pass) (any, error) { ran = true; return nil, nil }}
	pass.Flags.Bool("opt", false, "an option")
	out := factsOnly([]*analysis.Analyzer{withFacts, withResult, pass})
	if out[0] != withFacts || out[1] != withResult {
		t.Errorf("analyzers with facts or a result were replaced")
	}
	if out[2] == pass || out[2].Name != "pass" || out[2].Flags.Lookup("opt") == nil || len(out[2].Requires) != 1 {
		t.Errorf("the pass's copy lost its name, flags or requirements: %+v", out[2])
	}
	if _, err := out[2].Run(nil); err != nil || ran {
		t.Errorf("the pass's copy ran its body (ran=%v, err=%v)", ran, err)
	}
}
