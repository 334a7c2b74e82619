package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// suiteModule writes a module with a printf bug, which go vet finds, and a
// temppattern one, which tempguard finds.
func suiteModule(t *testing.T, path string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod": "module " + path + "\n\ngo 1.26\n",
		"p.go":   "package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc F() (*os.File, error) { return os.CreateTemp(\"\", \"report.csv\") }\n\nfunc G() { fmt.Printf(\"%d\\n\", \"x\") }\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestVetSuite(t *testing.T) {
	t.Parallel()
	dir := suiteModule(t, "example.com/suite")
	const printfFinding = `p.go:10:24: fmt.Printf format %d has arg "x" of wrong type string`
	const tempguardFinding = `p.go:8:37: os.CreateTemp pattern "report.csv" has no "*"`

	// tempguard alone first: its cached results must not be replayed for
	// the suite (the suite's tool ID differs), nor the suite's for it.
	alone := runIn(t, dir, "go", "vet", "-vettool="+tempguardBin, "./...")
	if strings.Contains(alone.stderr, "fmt.Printf") || !strings.Contains(alone.stderr, tempguardFinding) {
		t.Errorf("vet-tool mode: %s", alone.stderr)
	}
	vet := runIn(t, dir, "go", "vet", "./...")
	suite := tempguard(t, dir, "vet", "./...")
	if !strings.Contains(vet.stderr, printfFinding) {
		t.Fatalf("go vet did not find the printf bug: %s", vet.stderr)
	}
	if !strings.Contains(suite.stderr, printfFinding) || !strings.Contains(suite.stderr, tempguardFinding) {
		t.Errorf("tempguard vet: %s", suite.stderr)
	}
	if suite.code != vet.code || suite.code != 1 {
		t.Errorf("exit codes: tempguard vet %d, go vet %d", suite.code, vet.code)
	}
	alone = runIn(t, dir, "go", "vet", "-vettool="+tempguardBin, "./...")
	if strings.Contains(alone.stderr, "fmt.Printf") {
		t.Errorf("vet-tool mode after the suite: %s", alone.stderr)
	}

	// go vet's flags: an analyzer disabled, -json (exit 0, as go vet's).
	r := tempguard(t, dir, "vet", "-printf=false", "./...")
	if strings.Contains(r.stderr, "fmt.Printf") || !strings.Contains(r.stderr, tempguardFinding) {
		t.Errorf("-printf=false: %s", r.stderr)
	}
	r = tempguard(t, dir, "vet", "-json", "./...")
	if v := runIn(t, dir, "go", "vet", "-json", "./..."); r.code != v.code || !strings.Contains(v.stdout, `"printf"`) {
		t.Errorf("-json: exit %d, go vet's %d: %s", r.code, v.code, v.stdout)
	}
	if !strings.Contains(r.stdout, `"printf"`) || !strings.Contains(r.stdout, `"temppattern"`) {
		t.Errorf("-json: %s", r.stdout)
	}
	// A clean package exits 0; a bad pattern exits as go vet does.
	os.WriteFile(filepath.Join(dir, "p.go"), []byte("package p\n"), 0o644)
	if r := tempguard(t, dir, "vet", "./..."); r.code != 0 {
		t.Errorf("clean: exit %d, %s", r.code, r.stderr)
	}
	bad, badVet := tempguard(t, dir, "vet", "./nonexistent/..."), runIn(t, dir, "go", "vet", "./nonexistent/...")
	if bad.code != badVet.code || bad.code == 0 {
		t.Errorf("bad pattern: exit %d, go vet %d", bad.code, badVet.code)
	}
}

// TestSuiteCommand: tempguard-vet run directly does what `tempguard vet`
// does, which forwards to it.
func TestSuiteCommand(t *testing.T) {
	t.Parallel()
	dir := suiteModule(t, "example.com/suitecmd")
	for _, args := range [][]string{{"./..."}, {"-json", "./..."}, {"-printf=false", "./..."}, {"./nonexistent/..."}, {"-h"}} {
		direct := runIn(t, dir, suiteBin, args...)
		forwarded := tempguard(t, dir, append([]string{"vet"}, args...)...)
		if args[0] == "-h" {
			if direct.code != 0 || forwarded.code != 0 || !strings.HasPrefix(direct.stdout, "usage: tempguard-vet ") || !strings.HasPrefix(forwarded.stdout, "usage: tempguard vet ") {
				t.Errorf("-h: tempguard-vet exit %d:\n%s\ntempguard vet exit %d:\n%s", direct.code, direct.stdout, forwarded.code, forwarded.stdout)
			}
			continue
		}
		if args[0] == "./..." && (direct.code != 1 || !strings.Contains(direct.stderr, "fmt.Printf format %d") || !strings.Contains(direct.stderr, `"report.csv" has no "*"`)) {
			t.Errorf("tempguard-vet ./...: exit %d, want 1 and both findings:\n%s", direct.code, direct.stderr)
		}
		// The same lines: go vet prints a package's findings in the
		// order the analyzers finish, or from its cache.
		if direct.code != forwarded.code || sortedLines(direct.stdout) != sortedLines(forwarded.stdout) || sortedLines(direct.stderr) != sortedLines(forwarded.stderr) {
			t.Errorf("%v: tempguard-vet: exit %d\n%s%s\ntempguard vet: exit %d\n%s%s", args,
				direct.code, direct.stdout, direct.stderr, forwarded.code, forwarded.stdout, forwarded.stderr)
		}
	}
}

// TestVetForwarderNotFound: without tempguard-vet beside tempguard or on
// PATH, `tempguard vet` says what to install and exits 1; its help needs no
// tempguard-vet.
func TestVetForwarderNotFound(t *testing.T) {
	t.Parallel()
	bin, empty := t.TempDir(), t.TempDir()
	alone := filepath.Join(bin, filepath.Base(tempguardBin))
	data, err := os.ReadFile(tempguardBin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(alone, data, 0o755); err != nil {
		t.Fatal(err)
	}
	env := []string{"PATH=" + empty}
	r := runInEnv(t, empty, env, alone, "vet", "./...")
	const install = "go install github.com/tempguard/tempguard/cmd/tempguard-vet@"
	if r.code != exitError || !strings.Contains(r.stderr, install) || strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
		t.Errorf("exit %d, want %d and one line naming %q on stderr:\nstdout: %s\nstderr: %s", r.code, exitError, install, r.stdout, r.stderr)
	}
	if h := runInEnv(t, empty, env, alone, "vet", "-h"); h.code != exitClean || !strings.HasPrefix(h.stdout, "usage: tempguard vet ") || !strings.Contains(h.stdout, install) {
		t.Errorf("vet -h: exit %d\n%s%s", h.code, h.stdout, h.stderr)
	}
}

func sortedLines(s string) string {
	lines := strings.Split(s, "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
