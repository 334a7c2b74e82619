package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tempguard/tempguard/passes"
)

// tempguardBin is the tempguard binary built once for the end-to-end
// tests, and suiteBin cmd/tempguard-vet beside it (where `tempguard vet`
// finds it).
var tempguardBin, suiteBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "tempguard-test-*")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tempguardBin, suiteBin = filepath.Join(dir, "tempguard"), filepath.Join(dir, "tempguard-vet")
	if runtime.GOOS == "windows" {
		tempguardBin += ".exe"
		suiteBin += ".exe"
	}
	build := exec.Command("go", "build", "-o", dir+string(filepath.Separator), ".", "../tempguard-vet")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building tempguard and tempguard-vet:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fixture returns the absolute path of a module under the repo's testdata.
func fixture(t *testing.T, name string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// copyFixture copies a fixture module into a temp dir (for -fix tests).
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	src := fixture(t, name)
	dst := t.TempDir()
	err := filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

type result struct {
	stdout, stderr string
	code           int
}

func runIn(t *testing.T, dir string, name string, args ...string) result {
	t.Helper()
	return runInEnv(t, dir, nil, name, args...)
}

// runInEnv is runIn with env added to the command's environment (tests
// that run in parallel cannot use t.Setenv).
func runInEnv(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("running %s %v: %v", name, args, err)
		}
		code = ee.ExitCode()
	}
	return result{stdout.String(), stderr.String(), code}
}

func tempguard(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runIn(t, dir, tempguardBin, args...)
}

// keys renders findings as "file:line: analyzer", relative to dir.
func keys(t *testing.T, dir string, findings []Finding) []string {
	t.Helper()
	var out []string
	for _, f := range findings {
		rel, err := filepath.Rel(dir, f.File)
		if err != nil {
			rel = f.File
		}
		out = append(out, fmt.Sprintf("%s:%d: %s", filepath.ToSlash(rel), f.Line, f.Analyzer))
	}
	sort.Strings(out)
	return out
}

// demoWant are the demo's findings, one or more per analyzer. The
// predictabletemp one at upload.go:41 needs a fact from another package
// (the path comes from a helper in internal/tmputil). The tempcleanup one
// at report.go:11: the report's name is returned on success only, and
// the CSV write's error return leaks the file.
var demoWant = []string{
	"cache/cache.go:13: checkthenopen",
	"cache/cache.go:13: predictabletemp",
	"cache/cache.go:13: tempperm",
	"cache/cache.go:17: tempperm",
	"report/report.go:11: tempcleanup",
	"report/report.go:11: temppattern",
	"runner/runner.go:16: tempreopen",
	"upload/upload.go:15: tempcleanup",
	"upload/upload.go:36: crossdevice",
	"upload/upload.go:41: predictabletemp",
}

func TestStandaloneAndVetToolAgree(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "demo")
	// Standalone, JSON.
	r := tempguard(t, dir, "-json", "./...")
	if r.code != exitFindings {
		t.Fatalf("standalone exit code = %d, want %d\nstderr: %s", r.code, exitFindings, r.stderr)
	}
	standalone, err := parseVetJSON([]byte(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	// The go vet protocol, driven by the go command directly.
	v := runIn(t, dir, "go", "vet", "-vettool="+tempguardBin, "-json", "./...")
	if v.code != 0 {
		t.Fatalf("go vet -vettool -json exit code = %d\nstderr: %s", v.code, v.stderr)
	}
	vetted, err := parseVetJSON([]byte(v.stdout))
	if err != nil {
		t.Fatal(err)
	}
	sk, vk := keys(t, dir, standalone), keys(t, dir, vetted)
	if !slices.Equal(sk, vk) {
		t.Errorf("standalone and vet-tool findings differ:\nstandalone: %q\nvet-tool:   %q", sk, vk)
	}
	if !slices.Equal(sk, demoWant) {
		t.Errorf("demo findings:\n got %q\nwant %q", sk, demoWant)
	}
	// Plain go vet (text) exits 1 with findings.
	if v := runIn(t, dir, "go", "vet", "-vettool="+tempguardBin, "./..."); v.code != 1 || !strings.Contains(v.stderr, "predictable temp") {
		t.Errorf("go vet -vettool text: code %d, stderr %q", v.code, v.stderr)
	}
}

func TestTextOutput(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "demo")
	r := tempguard(t, dir, "./...")
	if r.code != exitFindings {
		t.Fatalf("exit code = %d, want %d; stderr %s", r.code, exitFindings, r.stderr)
	}
	want := "upload/upload.go:41:12: error: [predictabletemp] predictable temp file path built from os.Getpid(); use os.CreateTemp(\"\", \"demo-*.txt\")"
	if !strings.Contains(r.stdout, want) {
		t.Errorf("text output lacks %q:\n%s", want, r.stdout)
	}
}

func TestExitCodes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		fixture string
		args    []string
		code    int
		stderr  string
	}{
		{"clean", "clean", []string{"./..."}, exitClean, ""},
		{"findings", "variants", []string{"./..."}, exitFindings, ""},
		{"exit-zero", "variants", []string{"-exit-zero", "./..."}, exitClean, ""},
		{"type error", "broken", []string{"./..."}, exitFindings, "analysed with errors: broken.go:9:9: cannot use f"},
		{"type error, no findings", "broken", []string{"-tempcleanup", "./..."}, exitIncomplete, "cannot use f"},
		{"no packages", "clean", []string{"./nosuchdir/..."}, exitError, "nosuchdir"},
		{"no such package", "clean", []string{"example.com/nosuchpkg"}, exitError, "nosuchpkg"},
		{"no such package among broken ones", "partial", []string{"./good", "./typeerr", "./nosuchdir"}, exitError, "nosuchdir"},
		{"bad flag", "clean", []string{"-nosuchflag"}, exitUsage, "nosuchflag"},
		{"disable analyzer", "variants", []string{"-predictabletemp=false", "./..."}, exitClean, ""},
		{"enable only another", "variants", []string{"-tempcleanup", "./..."}, exitClean, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := tempguard(t, fixture(t, tc.fixture), tc.args...)
			if r.code != tc.code {
				t.Errorf("exit code = %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, tc.stderr) {
				t.Errorf("stderr %q lacks %q", r.stderr, tc.stderr)
			}
		})
	}
}

// A package with tests is analyzed twice by go vet (package and test
// variant); each finding must be reported once.
func TestJSONDeduplicated(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "variants")
	r := tempguard(t, dir, "-json", "./...")
	var tree map[string]map[string][]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("bad JSON %q: %v", r.stdout, err)
	}
	n := 0
	for _, byAnalyzer := range tree {
		for _, diags := range byAnalyzer {
			n += len(diags)
		}
	}
	if n != 1 {
		t.Errorf("got %d findings, want 1:\n%s", n, r.stdout)
	}
}

func TestFixConvergesAndBuilds(t *testing.T) {
	t.Parallel()
	// -diff shows the changes and leaves the files alone.
	dir := copyFixture(t, "demo")
	before, _ := os.ReadFile(filepath.Join(dir, "cache", "cache.go"))
	d := tempguard(t, dir, "-fix", "-diff", "./...")
	if d.code != exitFindings || !strings.Contains(d.stdout, "--- a/cache/cache.go\n+++ b/cache/cache.go\n") || !strings.Contains(d.stdout, "@@ -") {
		t.Errorf("-diff: code %d, output:\n%s\nstderr: %s", d.code, d.stdout, d.stderr)
	}
	// The tools people apply patches with take it as it is.
	patchFile := filepath.Join(t.TempDir(), "fix.patch")
	if err := os.WriteFile(patchFile, []byte(d.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tool := range [][]string{{"git", "apply", "--check", patchFile}, {"patch", "-p1", "--dry-run", "-i", patchFile}} {
		if _, err := exec.LookPath(tool[0]); err != nil {
			t.Logf("%s not installed: not checking that it applies the -diff output", tool[0])
			continue
		}
		if r := runIn(t, dir, tool[0], tool[1:]...); r.code != 0 {
			t.Errorf("%s rejects the -diff output:\n%s%s", strings.Join(tool[:len(tool)-1], " "), r.stdout, r.stderr)
		}
	}
	after, _ := os.ReadFile(filepath.Join(dir, "cache", "cache.go"))
	if !bytes.Equal(before, after) {
		t.Errorf("-diff modified the file")
	}

	r0 := tempguard(t, dir, "-json", "./...")
	f0, err := parseVetJSON([]byte(r0.stdout))
	if err != nil {
		t.Fatal(err)
	}
	fixable := 0
	for _, f := range f0 {
		if len(f.Fixes) > 0 {
			fixable++
		}
	}
	if fixable == 0 {
		t.Fatal("demo has no fixable findings")
	}
	r := tempguard(t, dir, "-fix", "./...")
	if r.code == exitError {
		t.Fatalf("-fix failed: %s", r.stderr)
	}
	if b := runIn(t, dir, "go", "build", "./..."); b.code != 0 {
		t.Fatalf("fixed demo does not build:\n%s", b.stderr)
	}
	r1 := tempguard(t, dir, "-json", "./...")
	f1, err := parseVetJSON([]byte(r1.stdout))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range f1 {
		if len(f.Fixes) > 0 {
			t.Errorf("after -fix, a fixable finding remains: %s:%d [%s] %s", f.File, f.Line, f.Analyzer, f.Message)
		}
	}
	if len(f1) != len(f0)-fixable {
		t.Errorf("after -fix: %d findings, want %d (before %d, fixable %d)", len(f1), len(f0)-fixable, len(f0), fixable)
	}
	// -fix ends with a summary: the fixes it applied (one per fixable
	// finding), the files it changed, the findings left.
	files := map[string]bool{}
	for _, f := range f0 {
		for _, fix := range f.Fixes[:min(len(f.Fixes), 1)] {
			for _, e := range fix.Edits {
				files[e.Filename] = true
			}
		}
	}
	want := fmt.Sprintf("tempguard: applied %d fixes in %d files; %d findings remain\n", fixable, len(files), len(f1))
	if !strings.HasSuffix(r.stderr, want) {
		t.Errorf("-fix: stderr does not end with %q:\n%s", want, r.stderr)
	}
	if r := tempguard(t, dir, "-fix", "./..."); !strings.HasSuffix(r.stderr, fmt.Sprintf("tempguard: applied no fixes; %d findings remain\n", len(f1))) {
		t.Errorf("-fix with nothing to fix: stderr %q", r.stderr)
	}
	if strings.Contains(d.stderr, "applied") {
		t.Errorf("-diff printed a summary: %s", d.stderr)
	}
}

// -v says what tempguard does and -progress=on (as on a terminal) shows
// the packages analysed, both on stderr; neither shows without asking when
// stderr is not a terminal, and stdout stays the findings.
func TestFeedback(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "demo")
	quiet := tempguard(t, dir, "./...")
	js := tempguard(t, dir, "-json", "./...")
	for _, r := range []result{quiet, js} {
		if r.stderr != "" {
			t.Errorf("stderr not a terminal, no -v: stderr %q", r.stderr)
		}
	}
	v := tempguard(t, dir, "-v", "-json", "./...")
	if v.stdout != js.stdout {
		t.Errorf("-v changed stdout:\n%s", v.stdout)
	}
	for _, want := range []string{
		"tempguard: configuration: none (no .tempguard.yaml in ",
		"tempguard: running: " + goCommandPath(t) + " vet -vettool=" + tempguardBin + " -json ",
		"tempguard: running: " + goCommandPath(t) + " list ",
		"tempguard: package example.com/demo/cache\n",
		"tempguard: 6 packages to report on, ",
		"tempguard: go vet took ",
	} {
		if !strings.Contains(v.stderr, want) {
			t.Errorf("-v lacks %q:\n%s", want, v.stderr)
		}
	}
	if strings.Contains(v.stderr, "analysing packages") {
		t.Errorf("-v -json showed progress on a pipe:\n%s", v.stderr)
	}
	p := tempguard(t, dir, "-progress=on", "./...")
	if p.stdout != quiet.stdout || !strings.Contains(p.stderr, "tempguard: analysing packages: ") || !strings.Contains(p.stderr, "tempguard: analysed ") {
		t.Errorf("-progress=on: stderr %q", p.stderr)
	}
	if r := tempguard(t, dir, "-progress=sometimes", "./..."); r.code != exitUsage || !strings.Contains(r.stderr, "want auto, on or off") {
		t.Errorf("-progress=sometimes: exit %d, stderr %q", r.code, r.stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, ".tempguard.yaml"), []byte("severity: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Last, and on one small package: a configuration is a new key of go
	// vet's cache, for every dependency of what it analyses.
	if r := tempguard(t, dir, "-v", "./cache"); !strings.Contains(r.stderr, "tempguard: configuration: "+filepath.Join(dir, ".tempguard.yaml")+"\n") {
		t.Errorf("-v does not name the configuration file:\n%s", r.stderr)
	}
}

func goCommandPath(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// On a terminal (a character device) -progress=auto shows the line for
// text output only; elsewhere only -progress=on does.
func TestSetupFeedback(t *testing.T) {
	tty, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer tty.Close()
	t.Setenv("TERM", "xterm")
	defer func() { fb = feedback{} }()
	for _, tc := range []struct {
		stderr   io.Writer
		progress string
		format   string
		on, tty  bool
	}{
		{tty, "auto", "text", true, true},
		{tty, "auto", "json", false, false},
		{tty, "auto", "sarif", false, false},
		{tty, "off", "text", false, false},
		{&bytes.Buffer{}, "auto", "text", false, false},
		{&bytes.Buffer{}, "on", "json", true, false},
		{tty, "on", "text", true, true},
	} {
		o := &options{stderr: tc.stderr, progress: tc.progress, format: tc.format}
		if err := o.setupFeedback(); err != nil {
			t.Fatal(err)
		}
		if (fb.progress != nil) != tc.on || fb.tty != tc.tty {
			t.Errorf("-progress=%s -format=%s on %T: progress %v, redrawn %v; want %v, %v", tc.progress, tc.format, tc.stderr, fb.progress != nil, fb.tty, tc.on, tc.tty)
		}
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "clean")
	r := tempguard(t, dir, "help")
	for _, name := range passes.Names() {
		if !strings.Contains(r.stdout, "  -"+name+" ") {
			t.Errorf("help lacks %s", name)
		}
	}
	r = tempguard(t, dir, "help", "predictabletemp")
	// The whole "# Analyzer predictabletemp" section of its doc.go, its own
	// headings included (x/tools would stop at the first heading).
	if r.code != 0 || !strings.HasPrefix(r.stdout, "predictabletemp: report files created at predictable paths") ||
		!strings.Contains(r.stdout, "CVE-2024-45339") || !strings.Contains(r.stdout, "\n# Fixes\n\nFix: ") || !strings.Contains(r.stdout, "Before:") ||
		strings.Contains(r.stdout, "Package predictabletemp") {
		t.Errorf("help predictabletemp: code %d\n%s", r.code, r.stdout)
	}
	if r := tempguard(t, dir, "help", "nosuch"); r.code != exitUsage {
		t.Errorf("help nosuch: code %d", r.code)
	}
}
