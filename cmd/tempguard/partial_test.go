package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A tree with broken packages (a missing //go:embed file, a missing cgo
// header, a type error, a syntax error, and packages importing them) still
// gets findings for every package, and one line for each broken one.
func TestBrokenPackagesStillAnalysed(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "partial")
	writeFiles(t, dir, map[string]string{"syntaxerr/bad.go": "package syntaxerr\n\nfunc Bad() {\n\tx :=\n}\n"})
	r := tempguard(t, dir, "-json", "-predictabletemp", "./...")
	if r.code != exitFindings {
		t.Fatalf("exit code = %d, want %d\nstderr: %s", r.code, exitFindings, r.stderr)
	}
	var tree map[string]map[string][]jsonDiagnostic
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	var got []string
	for pkg, byAn := range tree {
		for _, diags := range byAn {
			for range diags {
				got = append(got, strings.TrimPrefix(pkg, "example.com/partial/"))
			}
		}
	}
	slices.Sort(got)
	want := []string{"cgomiss", "embedmiss", "good", "syntaxerr", "typeerr", "usesembed", "usestypeerr", "usestypeerr_test"}
	if !slices.Equal(got, want) {
		t.Errorf("findings in %v, want one in each of %v\nstderr: %s", got, want, r.stderr)
	}

	wantLines := []string{
		"tempguard: example.com/partial/embedmiss: analysed with errors: embedmiss/e.go:10:12: pattern missing.txt: no matching files found",
		"tempguard: example.com/partial/syntaxerr: analysed with errors: syntaxerr/bad.go:5:1: expected operand",
		"tempguard: example.com/partial/typeerr: analysed with errors: typeerr/t.go:8:9: cannot use \"x\"",
		"tempguard: example.com/partial/usestypeerr: analysed with errors: a dependency has errors: typeerr/t.go:8:9: cannot use",
		"tempguard: example.com/partial/usestypeerr_test: analysed with errors: a dependency has errors: typeerr/t.go:8:9: cannot use",
	}
	if out, _ := exec.Command("go", "env", "CGO_ENABLED").Output(); strings.TrimSpace(string(out)) == "1" {
		wantLines = append(wantLines, "tempguard: example.com/partial/cgomiss: analysed with errors: cgomiss/c.go:4:11: fatal error: tempguard_no_such_lib/no_such_header.h")
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	for _, w := range wantLines {
		n := 0
		for _, l := range lines {
			if strings.HasPrefix(l, w) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("stderr has %d lines starting %q, want 1:\n%s", n, w, r.stderr)
		}
	}
	if len(lines) != len(wantLines) {
		t.Errorf("stderr has %d lines, want %d (one per broken package):\n%s", len(lines), len(wantLines), r.stderr)
	}

	// With no findings, an incomplete analysis has its own exit code.
	r = tempguard(t, dir, "-tempcleanup", "./...")
	if r.code != exitIncomplete || !strings.Contains(r.stderr, "typeerr: analysed with errors") {
		t.Errorf("no findings: exit code = %d, want %d\nstderr: %s", r.code, exitIncomplete, r.stderr)
	}
}

func TestFailedPackages(t *testing.T) {
	got := failedPackages("# example.com/a\na.go:1:1: bad\n# example.com/b [example.com/b.test]\nb.go: x\nvet: c\n")
	if len(got) != 2 || !got["example.com/a"] || !got["example.com/b [example.com/b.test]"] {
		t.Errorf("failedPackages = %v", got)
	}
}

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"-: # example.com/c\nc.go:3:11: fatal error: x.h: No such file\n  3 | ...": "c.go:3:11: fatal error: x.h: No such file",
		"plain":  "plain",
		"a\nb\n": "a",
	} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// -fix applies the fixes found in packages that type-check, next to broken
// ones, and offers none in the broken ones (their types are partial).
func TestFixNextToBrokenPackages(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "partial")
	r := tempguard(t, dir, "-fix", "-tempperm", "./...")
	if r.code != exitFindings {
		t.Fatalf("exit code = %d, want %d\nstderr: %s", r.code, exitFindings, r.stderr)
	}
	for file, fixed := range map[string]bool{"good/g.go": true, "usesembed/u.go": true, "typeerr/t.go": false} {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(data), "0o600"); got != fixed {
			t.Errorf("%s fixed = %v, want %v:\n%s", file, got, fixed, data)
		}
	}
	if !strings.Contains(r.stderr, "typeerr: analysed with errors") {
		t.Errorf("stderr lacks the line on typeerr: %s", r.stderr)
	}
}
