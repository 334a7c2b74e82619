// Command realworld runs tempguard over a checked-in corpus of real modules
// and compares what it finds with a checked-in expectation file, so that a
// change of behaviour on real code shows up in review. Run it through
// scripts/realworld.sh (see the README).
//
// For each module of modules.txt, at its exact version, it downloads the
// module through the module proxy (go mod download), copies it into a
// writable work directory, and analyses it as the main module twice: with
// `tempguard -json ./...` (standalone) and with
// `go vet -vettool=tempguard -json ./...` (vet-tool mode). It records the exit
// codes, the findings per analyzer, and wall time, CPU time and peak RSS of
// each run, and fails on a panic, an internal error, an analysis of ours
// that was skipped or failed, a malformed message or JSON output, or
// findings that differ between the two modes or from expected.txt.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"
)

// module is one line of modules.txt: "path version [ci] [remove=file]".
type module struct {
	Path, Version string
	CI            bool   // part of the small subset .ci/run runs
	Remove        string // a file or directory deleted from the copy, to break a package as users' trees are broken
}

func (m module) String() string {
	s := m.Path + "@" + m.Version
	if m.Remove != "" {
		s += " remove=" + m.Remove
	}
	return s
}

func main() {
	os.Exit(run())
}

func run() int {
	dir := flag.String("dir", "scripts/realworld", "directory holding modules.txt and expected.txt")
	work := flag.String("work", filepath.Join(os.TempDir(), "tempguard-realworld"), "work directory for the module copies and tools (kept between runs)")
	update := flag.Bool("update", false, "rewrite expected.txt for the modules run instead of comparing")
	ci := flag.Bool("ci", false, "run only the modules marked ci in modules.txt")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: scripts/realworld.sh [-ci] [-update] [-work dir] [module ...]\n")
		flag.PrintDefaults()
	}
	flag.Parse()

	mods, err := readModules(filepath.Join(*dir, "modules.txt"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "realworld:", err)
		return 1
	}
	mods, err = selectModules(mods, *ci, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "realworld:", err)
		return 2
	}
	if err := os.MkdirAll(*work, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "realworld:", err)
		return 1
	}
	standaloneBin, vetBin, err := buildTools(*work)
	if err != nil {
		fmt.Fprintln(os.Stderr, "realworld:", err)
		return 1
	}

	expFile := filepath.Join(*dir, "expected.txt")
	expected, err := readExpected(expFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintln(os.Stderr, "realworld:", err)
		return 1
	}
	if expected == nil {
		expected = map[string][]string{}
	}

	failed := false
	var table []string
	for _, m := range mods {
		fmt.Fprintf(os.Stderr, "== %s\n", m)
		res, err := analyse(m, *work, standaloneBin, vetBin)
		if err != nil {
			fmt.Fprintf(os.Stderr, "FAIL %s: %v\n", m, err)
			failed = true
			continue
		}
		for _, p := range res.problems {
			fmt.Fprintf(os.Stderr, "FAIL %s: %s\n", m, p)
			failed = true
		}
		table = append(table, res.rows()...)
		got := res.expectation()
		if *update {
			expected[m.String()] = got
			continue
		}
		want, ok := expected[m.String()]
		if !ok {
			fmt.Fprintf(os.Stderr, "FAIL %s: not in expected.txt (run with -update and review the diff)\n", m)
			failed = true
			continue
		}
		if d := diffLines(want, got); d != "" {
			fmt.Fprintf(os.Stderr, "FAIL %s: findings differ from expected.txt (- expected, + now):\n%s", m, d)
			failed = true
		}
	}

	fmt.Printf("%-52s %-10s %4s %8s %8s %9s  %s\n", "module", "mode", "exit", "wall_s", "cpu_s", "rss_MiB", "findings per analyzer")
	for _, r := range table {
		fmt.Println(r)
	}
	if *update {
		if err := writeExpected(expFile, expected); err != nil {
			fmt.Fprintln(os.Stderr, "realworld:", err)
			return 1
		}
		fmt.Fprintf(os.Stderr, "wrote %s: review the diff (git diff %s)\n", expFile, expFile)
	}
	if failed {
		fmt.Fprintln(os.Stderr, "realworld: FAIL")
		return 1
	}
	fmt.Fprintf(os.Stderr, "realworld: ok (%d modules)\n", len(mods))
	return 0
}

func readModules(file string) ([]module, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var mods []module
	for i, line := range strings.Split(string(data), "\n") {
		if j := strings.IndexByte(line, '#'); j >= 0 {
			line = line[:j]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("%s:%d: want \"module version [ci] [remove=file]\"", file, i+1)
		}
		m := module{Path: f[0], Version: f[1]}
		for _, opt := range f[2:] {
			switch rm, isRemove := strings.CutPrefix(opt, "remove="); {
			case opt == "ci":
				m.CI = true
			case isRemove && rm != "" && filepath.IsLocal(rm):
				m.Remove = rm
			default:
				return nil, fmt.Errorf("%s:%d: unknown option %q (want ci or remove=file)", file, i+1, opt)
			}
		}
		mods = append(mods, m)
	}
	return mods, nil
}

func selectModules(all []module, ci bool, names []string) ([]module, error) {
	if len(names) == 0 {
		if !ci {
			return all, nil
		}
		var out []module
		for _, m := range all {
			if m.CI {
				out = append(out, m)
			}
		}
		return out, nil
	}
	var out []module
	for _, n := range names {
		found := false
		for _, m := range all {
			if n == m.Path || n == m.Path+"@"+m.Version || n == m.String() {
				out = append(out, m)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("%s is not in modules.txt", n)
		}
	}
	return out, nil
}

// buildTools builds tempguard twice under different tool IDs, stamped with
// the time, so that neither mode replays the other's (or an earlier run's)
// cached vet results; compiled dependencies stay shared in the build cache.
func buildTools(work string) (standalone, vet string, err error) {
	bin := filepath.Join(work, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return "", "", err
	}
	base := filepath.Join(bin, "tempguard")
	cmd := exec.Command("go", "build", "-o", base, "./cmd/tempguard")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return "", "", fmt.Errorf("building tempguard: %v", err)
	}
	data, err := os.ReadFile(base)
	if err != nil {
		return "", "", err
	}
	stamp := time.Now().UTC().Format(time.RFC3339Nano)
	standalone, vet = filepath.Join(bin, "tempguard-standalone"), filepath.Join(bin, "tempguard-vet")
	for _, t := range []struct{ path, mark string }{{standalone, "standalone"}, {vet, "vet"}} {
		b := append(append([]byte{}, data...), "\nrealworld "+t.mark+" "+stamp+"\n"...)
		if err := os.WriteFile(t.path, b, 0o755); err != nil {
			return "", "", err
		}
	}
	return standalone, vet, nil
}

// runStats is one analysis run.
type runStats struct {
	mode     string
	exit     int
	wall     time.Duration
	cpu      time.Duration
	maxRSS   int64 // KiB
	findings []string
	perAn    map[string]int
	stderr   string
}

type modResult struct {
	mod      module
	runs     []*runStats
	prepared string // how the copy was made buildable
	problems []string
}

func (r *modResult) rows() []string {
	var out []string
	for _, s := range r.runs {
		var names []string
		for n := range s.perAn {
			names = append(names, n)
		}
		sort.Strings(names)
		var per []string
		for _, n := range names {
			per = append(per, fmt.Sprintf("%s=%d", n, s.perAn[n]))
		}
		out = append(out, fmt.Sprintf("%-52s %-10s %4d %8.1f %8.1f %9d  %s",
			r.mod, s.mode, s.exit, s.wall.Seconds(), s.cpu.Seconds(), s.maxRSS/1024, strings.Join(per, " ")))
	}
	return out
}

// expectation is the module's section of expected.txt: exit codes, the
// standalone run's report lines on skipped or degraded packages, and the
// findings.
func (r *modResult) expectation() []string {
	var out []string
	var exits []string
	for _, s := range r.runs {
		exits = append(exits, fmt.Sprintf("%s=%d", s.mode, s.exit))
	}
	out = append(out, "exit "+strings.Join(exits, " "))
	for _, s := range r.runs {
		if s.mode != "standalone" {
			continue
		}
		for _, l := range strings.Split(s.stderr, "\n") {
			if reportLine.MatchString(l) {
				out = append(out, "report "+l)
			}
		}
		out = append(out, s.findings...)
	}
	return out
}

// reportLine matches the standalone driver's end-of-run line on a package
// it skipped or analysed with errors.
var reportLine = regexp.MustCompile(`^tempguard: .*(skipped|analysed with errors)`)

func analyse(m module, work, standaloneBin, vetBin string) (*modResult, error) {
	src, err := download(m)
	if err != nil {
		return nil, err
	}
	name := m.Path + "@" + m.Version
	if m.Remove != "" {
		name += "-broken"
	}
	dir := filepath.Join(work, "mod", strings.ReplaceAll(name, "/", "_"))
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	if err := copyTree(src, dir); err != nil {
		return nil, err
	}
	if m.Remove != "" {
		if _, err := os.Stat(filepath.Join(dir, m.Remove)); err != nil {
			return nil, fmt.Errorf("remove=%s: %v", m.Remove, err)
		}
		if err := os.RemoveAll(filepath.Join(dir, m.Remove)); err != nil {
			return nil, err
		}
	}
	res := &modResult{mod: m}
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local")
	// Make the copy loadable: the module's own go.sum, completed with
	// -mod=mod, usually does; otherwise go mod tidy.
	if out, err := command(dir, env, "go", "list", "-e", "-deps", "-test", "./...").CombinedOutput(); err != nil || bytes.Contains(out, []byte("missing go.sum entry")) {
		if out, err := command(dir, env, "go", "mod", "tidy", "-e").CombinedOutput(); err != nil {
			return nil, fmt.Errorf("go mod tidy: %v\n%s", err, out)
		}
		res.prepared = "go mod tidy"
	}
	// Warm the build cache with the dependencies' export data, so that
	// neither mode's numbers include compiling them.
	command(dir, env, "go", "list", "-e", "-export", "-deps", "-test", "./...").Run()

	// Standalone.
	sa, stdout, err := measure(dir, env, "standalone", standaloneBin, "-json", "./...")
	if err != nil {
		return nil, err
	}
	saF, err := findingsOf(stdout, dir, true)
	if err != nil {
		res.problems = append(res.problems, "standalone: "+err.Error())
	}
	sa.setFindings(saF)
	res.runs = append(res.runs, sa)

	// Vet-tool mode.
	vt, stdout, err := measure(dir, env, "vettool", "go", "vet", "-vettool="+vetBin, "-json", "./...")
	if err != nil {
		return nil, err
	}
	vtF, err := findingsOf(stdout, dir, false)
	if err != nil {
		res.problems = append(res.problems, "vettool: "+err.Error())
	}
	vt.setFindings(vtF)
	res.runs = append(res.runs, vt)

	for _, s := range res.runs {
		if crash.MatchString(s.stderr) {
			res.problems = append(res.problems, fmt.Sprintf("%s: crash or internal error:\n%s", s.mode, indent(s.stderr)))
		}
		if s.exit != 0 && s.exit != 3 && s.exit != 4 && s.mode == "standalone" {
			res.problems = append(res.problems, fmt.Sprintf("standalone exit code %d:\n%s", s.exit, indent(s.stderr)))
		}
		for _, f := range s.findings {
			if msg := f[strings.Index(f, ": ")+2:]; !wellFormed(msg) {
				res.problems = append(res.problems, fmt.Sprintf("%s: malformed message: %q", s.mode, f))
			}
		}
	}
	// Where go vet analysed every package, both modes must agree; where it
	// skipped some, the standalone driver analyses more.
	if vt.exit == 0 {
		if d := diffLines(vt.findings, sa.findings); d != "" {
			res.problems = append(res.problems, "standalone and vet-tool findings differ (- vettool, + standalone):\n"+d)
		}
	}
	return res, nil
}

// crash matches a panic or runtime crash, an internal error, an analysis
// of ours that was skipped or failed, in a run's stderr.
var crash = regexp.MustCompile(`(?m)^panic: |^goroutine \d+ \[|internal error|analysis skipped|analyzer \w+ failed|did not run: panic`)

func indent(s string) string {
	s = strings.TrimRight(s, "\n")
	if len(s) > 4000 {
		s = s[:4000] + "\n..."
	}
	return "\t" + strings.ReplaceAll(s, "\n", "\n\t")
}

// wellFormed: one line, not empty, no surrounding space.
func wellFormed(msg string) bool {
	return msg != "" && !strings.ContainsAny(msg, "\n\r") && strings.TrimSpace(msg) == msg
}

func (s *runStats) setFindings(f []string) {
	s.findings = f
	s.perAn = map[string]int{}
	for _, l := range f {
		an, _, _ := strings.Cut(l, " ")
		s.perAn[an]++
	}
}

func command(dir string, env []string, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	return cmd
}

// measure runs one analysis and records exit code, wall and CPU time and
// peak RSS (of the largest process in the tree, as /usr/bin/time reports).
func measure(dir string, env []string, mode, name string, args ...string) (*runStats, []byte, error) {
	cmd := command(dir, env, name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	s := &runStats{mode: mode, wall: time.Since(start), stderr: stderr.String()}
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return nil, nil, fmt.Errorf("%s: %v", mode, err)
		}
	}
	s.exit = cmd.ProcessState.ExitCode()
	s.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.maxRSS = ru.Maxrss
	}
	fmt.Fprintf(os.Stderr, "   %-10s exit %d, %.1fs\n", mode, s.exit, s.wall.Seconds())
	return s, stdout.Bytes(), nil
}

type jsonDiag struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

// findingsOf parses the JSON output (one tree, or go vet's stream of trees)
// into sorted, de-duplicated "analyzer file:line:col: message" lines with
// paths relative to the module root.
func findingsOf(out []byte, root string, single bool) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(out))
	seen := map[string]bool{}
	var lines []string
	n := 0
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return lines, fmt.Errorf("malformed JSON output: %v", err)
		}
		n++
		for pkg, byAn := range tree {
			for an, raw := range byAn {
				var diags []jsonDiag
				if err := json.Unmarshal(raw, &diags); err != nil {
					return lines, fmt.Errorf("%s: analyzer %s: %s", pkg, an, raw)
				}
				for _, d := range diags {
					posn := d.Posn
					if rel, err := filepath.Rel(root, posn); err == nil && !strings.HasPrefix(rel, "..") {
						posn = filepath.ToSlash(rel)
					}
					l := an + " " + posn + ": " + d.Message
					if !seen[l] {
						seen[l] = true
						lines = append(lines, l)
					}
				}
			}
		}
	}
	if single && n != 1 && len(out) > 0 {
		return lines, fmt.Errorf("want one JSON tree, got %d", n)
	}
	sort.Strings(lines)
	return lines, nil
}

// download fetches m through the module proxy and returns its directory in
// the module cache.
func download(m module) (string, error) {
	at := m.Path + "@" + m.Version
	out, err := exec.Command("go", "mod", "download", "-json", at).Output()
	var info struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &info); jerr != nil || info.Error != "" || err != nil {
		return "", fmt.Errorf("go mod download %s: %v %s", at, err, info.Error)
	}
	return info.Dir, nil
}

// copyTree copies the (read-only) module cache directory into a writable
// directory.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// readExpected reads expected.txt: sections headed "== module@version".
func readExpected(file string) (map[string][]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]string{}
	cur := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "== ") {
			cur = strings.TrimPrefix(l, "== ")
			out[cur] = []string{}
			continue
		}
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if cur == "" {
			return nil, fmt.Errorf("%s: line before the first == section: %q", file, l)
		}
		out[cur] = append(out[cur], l)
	}
	return out, sc.Err()
}

func writeExpected(file string, exp map[string][]string) error {
	var names []string
	for n := range exp {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("# tempguard's findings on the real-module corpus of modules.txt.\n")
	b.WriteString("# Generated by scripts/realworld.sh -update; review every change.\n")
	for _, n := range names {
		fmt.Fprintf(&b, "\n== %s\n", n)
		for _, l := range exp[n] {
			b.WriteString(l + "\n")
		}
	}
	return os.WriteFile(file, []byte(b.String()), 0o644)
}

// diffLines lists the lines only in want (-) and only in got (+).
func diffLines(want, got []string) string {
	count := map[string]int{}
	for _, l := range want {
		count[l]++
	}
	for _, l := range got {
		count[l]--
	}
	var b strings.Builder
	for _, l := range want {
		if count[l] > 0 {
			fmt.Fprintf(&b, "\t- %s\n", l)
			count[l]--
		}
	}
	for _, l := range got {
		if count[l] < 0 {
			fmt.Fprintf(&b, "\t+ %s\n", l)
			count[l]++
		}
	}
	return b.String()
}
