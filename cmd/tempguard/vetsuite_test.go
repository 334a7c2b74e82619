package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestVetSuite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod": "module example.com/suite\n\ngo 1.26\n",
		"p.go":   "package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc F() (*os.File, error) { return os.CreateTemp(\"\", \"report.csv\") }\n\nfunc G() { fmt.Printf(\"%d\\n\", \"x\") }\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
