package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParseArgs(t *testing.T) {
	for _, tc := range []struct {
		args, patterns []string
		json           bool
	}{
		{[]string{"./...", "-json"}, []string{"./..."}, true},
		{[]string{"-json", "./a", "./b"}, []string{"./a", "./b"}, true},
		{[]string{"./a", "-json", "./b"}, []string{"./a", "./b"}, true},
		{[]string{"./a", "--", "-json"}, []string{"./a", "-json"}, false},
		{[]string{"--", "-json"}, []string{"-json"}, false},
		{nil, nil, false},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		j := fs.Bool("json", false, "")
		got, err := parseArgs(fs, tc.args)
		if err != nil || !slices.Equal(got, tc.patterns) || *j != tc.json {
			t.Errorf("parseArgs(%q) = %q, json=%v, %v; want %q, json=%v", tc.args, got, *j, err, tc.patterns, tc.json)
		}
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if _, err := parseArgs(fs, []string{"./...", "-nosuchflag"}); err == nil {
		t.Errorf("an unknown flag after the patterns is not an error")
	}
}

// Flags after the patterns are flags.
func TestFlagsAfterPatterns(t *testing.T) {
	t.Parallel()
	r := tempguard(t, fixture(t, "variants"), "./...", "-json")
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, "{") {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A stray vendor/modules.txt makes the go command use -mod=vendor; -mod=mod
// (or GOFLAGS=-mod=mod) analyses the module anyway.
func TestModFlag(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "clean")
	writeFiles(t, dir, map[string]string{"vendor/modules.txt": "# example.com/gone v1.0.0\n## explicit\nexample.com/gone\n"})
	r := tempguard(t, dir, "./...")
	if r.code != exitError || !strings.Contains(r.stderr, "run with -mod=mod") {
		t.Errorf("stray vendor: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := tempguard(t, dir, "-mod=mod", "./..."); r.code != exitClean {
		t.Errorf("-mod=mod: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := tempguard(t, dir, "-mod=nonsense", "./..."); r.code != exitUsage {
		t.Errorf("-mod=nonsense: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runInEnv(t, dir, []string{"GOFLAGS=-mod=mod"}, tempguardBin, "./..."); r.code != exitClean {
		t.Errorf("GOFLAGS=-mod=mod: exit %d, stderr %q", r.code, r.stderr)
	}
}

const nestedFinding = `package sub

import "os"

func W() { os.WriteFile("/tmp/nested.txt", nil, 0o600) }
`

// Nested modules are not reached by ./...: tempguard says so, and
// -all-modules (or a go.work) analyses them.
func TestNestedModules(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":            "module example.com/root\n\ngo 1.26\n",
		"root.go":           "package root\n",
		"sub/go.mod":        "module example.com/sub\n\ngo 1.26\n",
		"sub/sub.go":        nestedFinding,
		"testdata/x/go.mod": "module example.com/ignored\n\ngo 1.26\n",
	})
	r := tempguard(t, dir, "./...")
	if r.code != exitClean || !strings.Contains(r.stderr, "1 nested module below this directory not analysed (sub): use -all-modules") {
		t.Errorf("root: exit %d, stderr %q", r.code, r.stderr)
	}
	r = tempguard(t, dir, "-all-modules")
	if r.code != exitFindings || !strings.Contains(r.stdout, "sub/sub.go:5:12") || strings.Contains(r.stderr, "nested") {
		t.Errorf("-all-modules: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := tempguard(t, dir, "-all-modules", "./sub"); r.code != exitUsage {
		t.Errorf("-all-modules with patterns: exit %d", r.code)
	}

	// A go.work that uses both: ./... covers them, nothing to say.
	writeFiles(t, dir, map[string]string{"go.work": "go 1.26\n\nuse (\n\t.\n\t./sub\n)\n"})
	r = tempguard(t, dir, "./...")
	if r.code != exitFindings || !strings.Contains(r.stdout, "sub/sub.go:5:12") || strings.Contains(r.stderr, "nested") {
		t.Errorf("go.work: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}

	// A repository root that is no module.
	dir = t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a/go.mod":   "module example.com/a\n\ngo 1.26\n",
		"a/a.go":     "package a\n",
		"sub/go.mod": "module example.com/sub\n\ngo 1.26\n",
		"sub/sub.go": nestedFinding,
	})
	r = tempguard(t, dir)
	if r.code != exitError || !strings.Contains(r.stderr, "2 nested modules below this directory not analysed (a, sub)") {
		t.Errorf("no root module: exit %d, stderr %q", r.code, r.stderr)
	}
	r = tempguard(t, dir, "-all-modules")
	if r.code != exitFindings || !strings.Contains(r.stdout, "sub/sub.go:5:12") {
		t.Errorf("no root module, -all-modules: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	// ... with a go.work at the root.
	writeFiles(t, dir, map[string]string{"go.work": "go 1.26\n\nuse (\n\t./a\n\t./sub\n)\n"})
	for _, args := range [][]string{nil, {"-all-modules"}} {
		r = tempguard(t, dir, args...)
		if r.code != exitFindings || !strings.Contains(r.stdout, "sub/sub.go:5:12") || r.stderr != "" {
			t.Errorf("go.work, no root module %q: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
}
