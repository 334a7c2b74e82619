package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/tempguard/tempguard/internal/config"
	"github.com/tempguard/tempguard/internal/vettool"
	"github.com/tempguard/tempguard/passes"
)

// options are the standalone mode's flags.
type options struct {
	json       bool
	fix        bool
	diff       bool
	format     string
	baseline   string          // -baseline file
	writeBase  bool            // -write-baseline
	known      map[string]bool // fingerprints in the -baseline file
	tags       string
	exitZero   bool
	chdir      string
	mod        string // -mod, as for go build
	allModules bool   // -all-modules
	version    bool
	// configuration: -config, -severity, -test-advice, and the result
	configFile string
	severity   string
	testAdvice bool
	cfg        *config.Config
	// feedback: -v, -progress; shown is the number of findings the last
	// report printed (for -fix's summary)
	verbose   bool
	progress  string
	shown     int
	vetFlags  []string // analyzer enable/disable and analyzer option flags, passed to the vet tool
	patterns  []string
	stdout    io.Writer
	stderr    io.Writer
	extraArgs []string // further go vet build flags (tests only)
}

// newFlagSet declares the standalone flags into o.
func newFlagSet(o *options) *flag.FlagSet {
	fs := flag.NewFlagSet("tempguard", flag.ContinueOnError)
	fs.SetOutput(o.stderr)
	fs.BoolVar(&o.json, "json", false, "print findings as JSON (the x/tools analysis JSON tree, de-duplicated)")
	fs.BoolVar(&o.fix, "fix", false, "apply the first suggested fix of each finding, then report what remains")
	fs.BoolVar(&o.diff, "diff", false, "with -fix: print the fixes as a unified diff instead of applying them")
	fs.StringVar(&o.format, "format", "text", "output format: text, json (the x/tools JSON tree) or sarif (SARIF 2.1.0 for code scanning)")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in this baseline `file`")
	fs.BoolVar(&o.writeBase, "write-baseline", false, "record the current findings in the -baseline file and exit 0")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags, as for go build")
	fs.BoolVar(&o.exitZero, "exit-zero", false, "exit 0 even when there are findings (errors still exit 1)")
	fs.StringVar(&o.chdir, "C", "", "change to `dir` before doing anything else")
	fs.StringVar(&o.mod, "mod", "", "module download `mode` as for go build: mod, readonly or vendor (-mod=mod ignores a stale vendor directory)")
	fs.BoolVar(&o.allModules, "all-modules", false, "also analyse every module nested below the current directory (./... of each)")
	fs.BoolVar(&o.version, "version", false, "print the version (the module version from the build info) and exit")
	fs.Var(&passThrough{o: o, name: vettool.ReportGeneratedFlag, isBool: true}, vettool.ReportGeneratedFlag,
		"also report findings in generated files (// Code generated ... DO NOT EDIT.); -fix never edits them")
	fs.StringVar(&o.configFile, "config", "", "read the configuration from `file` (default: "+config.FileName+" in the working directory or its nearest parent)")
	fs.StringVar(&o.severity, "severity", "", "lowest `level` of finding that makes the exit code 3: error, warning or note (default warning, or the config's severity)")
	fs.BoolVar(&o.verbose, "v", false, "print what tempguard does on stderr: the configuration file, the go commands it runs, the packages it analyses")
	fs.StringVar(&o.progress, "progress", "auto", "show packages analysed/total on stderr: auto (on a terminal, for text output, after 1.5s), on or off")
	fs.BoolVar(&o.testAdvice, "test-advice", false, "also report t.TempDir() advice (notes) for tests that already remove their temp dir")
	for _, a := range passes.All() {
		name := a.Name
		fs.Var(&passThrough{o: o, name: name, isBool: true}, name, "enable only "+name+" (or =false to disable it): "+firstLine(a.Doc))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(&passThrough{o: o, name: name + "." + f.Name}, name+"."+f.Name, f.Usage)
		})
	}
	fs.Usage = func() { usage(o.stderr) }
	return fs
}

// passThrough is a flag forwarded to the vet tool as -name=value.
type passThrough struct {
	o      *options
	name   string
	isBool bool
	value  string
}

func (p *passThrough) String() string   { return p.value }
func (p *passThrough) IsBoolFlag() bool { return p.isBool }
func (p *passThrough) Set(v string) error {
	if p.isBool {
		if _, err := strconv.ParseBool(v); err != nil {
			return err
		}
	}
	p.value = v
	p.o.vetFlags = append(p.o.vetFlags, "-"+p.name+"="+v)
	return nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

func standalone(args []string) int {
	o := &options{stdout: os.Stdout, stderr: os.Stderr}
	return o.main(args)
}

func (o *options) main(args []string) int {
	// Analyses in this process (of packages go vet cannot load, see
	// partial.go) keep suppressed findings too, as the vet tool is asked to.
	passes.SetKeepSuppressed(true)
	fs := newFlagSet(o)
	patterns, err := parseArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitUsage
	}
	if o.version {
		return version(o.stdout)
	}
	if o.chdir != "" {
		if err := os.Chdir(o.chdir); err != nil {
			fmt.Fprintf(o.stderr, "tempguard: %v\n", err)
			return exitError
		}
	}
	cfg, err := o.loadConfig()
	if err != nil {
		fmt.Fprintf(o.stderr, "tempguard: %v\n", err)
		return exitUsage
	}
	o.cfg = cfg
	o.patterns = patterns
	if len(o.patterns) == 0 {
		o.patterns = []string{"./..."}
	}
	if err := validMod(o.mod); err != nil {
		fmt.Fprintf(o.stderr, "tempguard: %v\n", err)
		return exitUsage
	}
	if o.allModules && !o.recursivePatterns() {
		fmt.Fprintf(o.stderr, "tempguard: -all-modules analyses ./... of each module: give no package patterns\n")
		return exitUsage
	}
	if o.json {
		formatSet := false
		fs.Visit(func(f *flag.Flag) { formatSet = formatSet || f.Name == "format" })
		if formatSet && o.format != "json" {
			fmt.Fprintf(o.stderr, "tempguard: -json and -format=%s disagree\n", o.format)
			return exitUsage
		}
		o.format = "json"
	}
	switch o.format {
	case "text", "json", "sarif":
	default:
		fmt.Fprintf(o.stderr, "tempguard: unknown -format %q (want text, json or sarif)\n", o.format)
		return exitUsage
	}
	if err := o.setupFeedback(); err != nil {
		fmt.Fprintf(o.stderr, "tempguard: %v\n", err)
		return exitUsage
	}
	if cfg.Path != "" {
		verbosef("configuration: %s", cfg.Path)
	} else {
		verbosef("configuration: none (no %s in %s or above): the defaults", config.FileName, cfg.Dir)
	}
	if o.writeBase && o.baseline == "" {
		fmt.Fprintf(o.stderr, "tempguard: -write-baseline needs -baseline=file\n")
		return exitUsage
	}
	if o.writeBase && (o.fix || o.diff) {
		fmt.Fprintf(o.stderr, "tempguard: -write-baseline and -fix do not go together\n")
		return exitUsage
	}
	if o.baseline != "" && !o.writeBase {
		// Read it before the analysis, which takes much longer.
		known, err := readBaseline(o.baseline)
		if errors.Is(err, errNoBaseline) {
			fmt.Fprintf(o.stderr, "tempguard: baseline %s does not exist (yet): reporting every finding\n", o.baseline)
			known, err = map[string]bool{}, nil
		}
		if err != nil {
			fmt.Fprintf(o.stderr, "tempguard: %v\n", err)
			return exitError
		}
		o.known = known
	}
	if o.diff && !o.fix {
		o.fix = true
	}

	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(o.stderr, "tempguard: cannot find own executable: %v\n", err)
		return exitError
	}
	defer vettool.WatchSignals()()
	if o.fix {
		return o.runFix(self)
	}
	res, err := o.analyse(self)
	if err != nil {
		fmt.Fprintf(o.stderr, "tempguard: %v\n", err)
		return exitError
	}
	return o.report(res)
}

// vetArgs are the flags given to go vet before the patterns.
func (o *options) vetArgs() []string {
	a := append([]string{"-" + vettool.KeepSuppressedFlag + "=true"}, o.buildFlags()...)
	if o.cfg != nil {
		a = append(a, "-"+vettool.SettingsFlag+"="+o.cfg.Encode())
	}
	return append(a, o.vetFlags...)
}

// vetResult is what one go vet run produced.
type vetResult struct {
	findings   []Finding // not suppressed
	suppressed []Finding // suppressed by a comment (Suppression set)
	errText    string    // what go vet printed on stderr (type errors, bad patterns)
	failed     bool      // go vet exited non-zero
	// incomplete: some packages were analysed with errors or skipped
	// (see partial.go); errText has one line for each.
	incomplete bool
	trailer    string // notes printed last: modules left out, hints
}

// Finding is one diagnostic of one analyzer, de-duplicated across a package
// and its test variant.
type Finding struct {
	Analyzer string                   `json:"analyzer"`
	Package  string                   `json:"package"`
	Posn     string                   `json:"posn"`
	End      string                   `json:"end"`
	Message  string                   `json:"message"`
	Fixes    []jsonSuggestedFix       `json:"suggested_fixes,omitempty"`
	Related  []jsonRelatedInformation `json:"related,omitempty"`
	Category string                   `json:"category,omitempty"`

	File        string       `json:"-"`
	Line, Col   int          `json:"-"`
	Suppression *suppression `json:"-"` // the comment that suppresses it, if any
}

// suppression is the //tempguard:ignore, //tempguard:file-ignore or
// //nolint comment that suppressed a finding.
type suppression struct {
	Posn, End     string
	Justification string // the reason the comment gives
}

type jsonTextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonSuggestedFix struct {
	Message string         `json:"message"`
	Edits   []jsonTextEdit `json:"edits"`
}

type jsonRelatedInformation struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

type jsonDiagnostic struct {
	Category       string                   `json:"category,omitempty"`
	Severity       string                   `json:"severity,omitempty"` // error, warning or note (from the category)
	Kind           string                   `json:"kind,omitempty"`     // security, reliability or hygiene
	Posn           string                   `json:"posn"`
	End            string                   `json:"end"`
	Message        string                   `json:"message"`
	SuggestedFixes []jsonSuggestedFix       `json:"suggested_fixes,omitempty"`
	Related        []jsonRelatedInformation `json:"related,omitempty"`
}

// goCommand is the go command to run; tests may override it.
var goCommand = "go"

// vet runs `go vet -vettool=self -json` on patterns and parses its output.
func (o *options) vet(self string, patterns []string) (*vetResult, error) {
	gobin, err := exec.LookPath(goCommand)
	if err != nil {
		return nil, fmt.Errorf("the go command is needed to load packages: %v", err)
	}
	args := append([]string{"vet", "-vettool=" + self, "-json"}, o.vetArgs()...)
	args = append(args, patterns...)
	cmd := exec.Command(gobin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	var env []string
	prog, progEnv := startProgress()
	if prog != nil {
		env = append(env, progEnv)
	}
	if prog != nil || fb.verbose != nil {
		// What go vet will analyse: the total of the progress line, and
		// for -v the packages. go list runs beside go vet.
		listed := make(chan struct{})
		defer func() { <-listed }()
		go func() {
			defer close(listed)
			o.listForFeedback(patterns, prog)
		}()
	}
	runErr := vettool.RunChild(cmd, verbosef, env...)
	prog.stop()
	if runErr == vettool.ErrInterrupted {
		return nil, runErr
	}
	res := &vetResult{errText: stderr.String()}
	if runErr != nil {
		var ee *exec.ExitError
		if !errors.As(runErr, &ee) {
			return nil, fmt.Errorf("running go vet: %v", runErr)
		}
		res.failed = true
	}
	if strings.Contains(res.errText, "matched no packages") || strings.Contains(res.errText, "no packages to vet") {
		res.failed = true
	}
	findings, err := parseVetJSON(stdout.Bytes())
	if err != nil {
		return nil, err
	}
	res.findings, res.suppressed = splitSuppressed(findings)
	return res, nil
}

// splitSuppressed separates the findings that a comment suppressed (marked
// by the analyzers, see passes.SuppressedCategory) from the others, and
// drops a report that a comment suppressed nothing when it did suppress
// something in another build of the package (its test variant).
func splitSuppressed(findings []Finding) (active, suppressed []Finding) {
	used := map[[2]string]bool{} // analyzer, comment position
	for _, f := range findings {
		cat, ok := strings.CutPrefix(f.Category, passes.SuppressedCategory)
		if !ok || cat != "" && cat[0] != '/' || len(f.Related) == 0 {
			active = append(active, f)
			continue
		}
		marker := f.Related[len(f.Related)-1]
		f.Category = strings.TrimPrefix(cat, "/")
		f.Related = f.Related[: len(f.Related)-1 : len(f.Related)-1]
		if len(f.Related) == 0 {
			f.Related = nil
		}
		why, _ := passes.DirectiveReason(marker.Message)
		f.Suppression = &suppression{Posn: marker.Posn, End: marker.End, Justification: why}
		used[[2]string{f.Analyzer, marker.Posn}] = true
		suppressed = append(suppressed, f)
	}
	kept := active[:0]
	for _, f := range active {
		if f.Category == passes.UnusedCategory && used[[2]string{f.Analyzer, f.Posn}] {
			continue
		}
		kept = append(kept, f)
	}
	return kept, suppressed
}

// parseVetJSON reads the stream of JSON trees (package ID → analyzer →
// diagnostics or error) that go vet prints, de-duplicates the findings of a
// package and its test variant, and sorts them by position.
func parseVetJSON(data []byte) ([]Finding, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	seen := map[string]bool{}
	var out []Finding
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("reading go vet output: %v", err)
		}
		for id, byAnalyzer := range tree {
			pkg, _, _ := strings.Cut(id, " ")
			for name, raw := range byAnalyzer {
				var diags []jsonDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					var e struct {
						Err string `json:"error"`
					}
					if json.Unmarshal(raw, &e) == nil && e.Err != "" {
						return nil, fmt.Errorf("%s: analyzer %s failed: %s", pkg, name, e.Err)
					}
					return nil, fmt.Errorf("reading go vet output for %s/%s: %v", pkg, name, err)
				}
				for _, d := range diags {
					key := name + "\x00" + d.Posn + "\x00" + d.Message
					if seen[key] {
						continue
					}
					seen[key] = true
					f := Finding{
						Analyzer: name, Package: pkg, Posn: d.Posn, End: d.End, Message: d.Message,
						Fixes: d.SuggestedFixes, Related: d.Related, Category: d.Category,
					}
					f.File, f.Line, f.Col = splitPosn(d.Posn)
					out = append(out, f)
				}
			}
		}
	}
	sortFindings(out)
	return out, nil
}

// splitPosn splits "file:line:col".
func splitPosn(posn string) (file string, line, col int) {
	rest := posn
	if i := strings.LastIndexByte(rest, ':'); i >= 0 {
		if n, err := strconv.Atoi(rest[i+1:]); err == nil {
			col = n
			rest = rest[:i]
		}
	}
	if i := strings.LastIndexByte(rest, ':'); i >= 0 {
		if n, err := strconv.Atoi(rest[i+1:]); err == nil {
			line = n
			rest = rest[:i]
		} else {
			line, col = col, 0
		}
	}
	return rest, line, col
}

// report prints the findings and errors and returns the exit code.
func (o *options) report(res *vetResult) int {
	src := newSources()
	findings := res.findings
	fps := src.fingerprints(findings)
	if o.writeBase {
		if res.errText != "" {
			fmt.Fprint(o.stderr, res.errText)
		}
		if res.failed || res.incomplete {
			fmt.Fprintf(o.stderr, "tempguard: not writing %s: the analysis failed or was incomplete\n", o.baseline)
			return exitError
		}
		if err := writeBaseline(o.baseline, findings, fps, src); err != nil {
			fmt.Fprintf(o.stderr, "tempguard: %v\n", err)
			return exitError
		}
		fmt.Fprintf(o.stderr, "tempguard: recorded %s in %s\n", plural(len(findings), "finding"), o.baseline)
		return exitClean
	}
	hidden := 0
	if o.known != nil {
		findings, fps, hidden = filterBaseline(findings, fps, o.known)
	}
	o.shown = len(findings)
	switch o.format {
	case "json":
		writeJSON(o.stdout, findings)
	case "sarif":
		if err := writeSARIF(o.stdout, findings, fps, res.suppressed, src.fingerprints(res.suppressed), src, res); err != nil {
			fmt.Fprintf(o.stderr, "tempguard: %v\n", err)
			return exitError
		}
	default:
		tw := &textWriter{w: o.stdout, color: useColor(o.stdout, os.Getenv), src: src}
		tw.write(findings)
	}
	if res.errText != "" {
		fmt.Fprint(o.stderr, res.errText)
	}
	fmt.Fprint(o.stderr, res.trailer)
	if hidden > 0 {
		fmt.Fprintf(o.stderr, "tempguard: %s in %s not shown\n", plural(hidden, "finding"), o.baseline)
	}
	switch {
	case res.failed:
		return exitError
	case o.failing(findings) > 0 && !o.exitZero:
		return exitFindings
	case res.incomplete:
		return exitIncomplete
	}
	return exitClean
}

// failing counts the findings at or above the severity threshold.
func (o *options) failing(findings []Finding) int {
	min := passes.Warning
	if o.cfg != nil {
		min = o.cfg.Threshold()
	}
	n := 0
	for _, f := range findings {
		if f.class().Severity >= min {
			n++
		}
	}
	return n
}

// class is the finding's classification (severity, kind, CWE).
func (f *Finding) class() passes.Class { return passes.Classify(f.Analyzer, f.Category) }

func pluralFixes(n int) string {
	if n == 1 {
		return "1 fix"
	}
	return fmt.Sprintf("%d fixes", n)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// relPath shows file relative to the working directory when it is below it.
func relPath(file string) string {
	wd, err := os.Getwd()
	if err != nil {
		return file
	}
	if rel, err := filepath.Rel(wd, file); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return file
}

// writeJSON prints the x/tools JSON tree (package → analyzer → diagnostics)
// with each finding once.
func writeJSON(w io.Writer, findings []Finding) {
	tree := map[string]map[string][]jsonDiagnostic{}
	for _, f := range findings {
		if tree[f.Package] == nil {
			tree[f.Package] = map[string][]jsonDiagnostic{}
		}
		cl := f.class()
		tree[f.Package][f.Analyzer] = append(tree[f.Package][f.Analyzer], jsonDiagnostic{
			Category: cl.Category, Severity: cl.Severity.String(), Kind: string(cl.Kind),
			Posn: f.Posn, End: f.End, Message: f.Message,
			SuggestedFixes: f.Fixes, Related: f.Related,
		})
	}
	data, _ := json.MarshalIndent(tree, "", "\t")
	fmt.Fprintf(w, "%s\n", data)
}

// runFix applies fixes through go vet -fix (which merges the edits of all
// packages and skips conflicting ones), then reports what remains.
// maxFixRounds bounds the rounds of -fix (see fix.go).
const maxFixRounds = 5

// runFix applies the suggested fixes in rounds (see fix.go) and then
// reports the findings that remain; with -diff it prints the first round's
// changes instead and exits 3 if there are any.
func (o *options) runFix(self string) int {
	defer stopJanitor()
	applied := 0
	files := map[string]bool{}
	// summary ends a -fix run (not -diff) that got to report.
	summary := func(code int) int {
		fixes := "applied no fixes"
		if applied > 0 {
			fixes = fmt.Sprintf("applied %s in %s", pluralFixes(applied), plural(len(files), "file"))
		}
		remain := "no findings remain"
		switch {
		case o.shown == 1:
			remain = "1 finding remains"
		case o.shown > 1:
			remain = fmt.Sprintf("%d findings remain", o.shown)
		}
		fmt.Fprintf(o.stderr, "tempguard: %s; %s\n", fixes, remain)
		return code
	}
	for round := 1; ; round++ {
		res, err := o.analyse(self)
		if err != nil {
			fmt.Fprintf(o.stderr, "tempguard: %v\n", err)
			return exitError
		}
		if res.failed {
			if o.diff {
				return o.report(res)
			}
			return summary(o.report(res))
		}
		// An incomplete analysis still fixes what it found: findings in
		// packages analysed with errors come without fixes.
		fixable := 0
		for _, f := range res.findings {
			if len(f.Fixes) > 0 {
				fixable++
			}
		}
		if fixable == 0 || round > maxFixRounds {
			if o.diff {
				return o.report(res)
			}
			return summary(o.report(res))
		}
		n, written, err := fixRound(res.findings, o.diff, o.stdout)
		if err == vettool.ErrInterrupted {
			fmt.Fprintf(o.stderr, "tempguard: interrupted: stopped between two files (each is either fixed or untouched)\n")
			return exitError
		}
		if err != nil {
			fmt.Fprintf(o.stderr, "tempguard: applying fixes: %v\n", err)
			return exitError
		}
		if o.diff {
			if n > 0 {
				return exitFindings
			}
			return exitClean
		}
		applied += n
		for _, f := range written {
			files[f] = true
		}
		verbosef("round %d: applied %s in %s", round, pluralFixes(n), plural(len(written), "file"))
		if n == 0 {
			return summary(o.report(res))
		}
	}
}

// loadConfig resolves the standalone mode's configuration: -config, else
// .tempguard.yaml from the working directory upward; then the flags that
// override it.
func (o *options) loadConfig() (*config.Config, error) {
	var cfg *config.Config
	var err error
	if o.configFile != "" {
		cfg, err = config.Load(o.configFile)
	} else {
		cfg, err = config.FindAndLoad(".")
	}
	if err != nil {
		return nil, err
	}
	if o.severity != "" {
		if _, err := passes.ParseSeverity(o.severity); err != nil {
			return nil, fmt.Errorf("-severity: %v", err)
		}
		cfg.Severity = o.severity
	}
	if o.testAdvice {
		cfg.TestAdvice = true
	}
	return cfg, nil
}
