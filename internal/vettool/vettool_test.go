package vettool

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

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

func TestPackageDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
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
