package main

// Analysis that survives broken packages.
//
// go vet stops before analysing anything when one package fails to load (a
// missing //go:embed file, a syntax error, an import that cannot be
// found), and it skips every package that imports one that fails to
// compile (missing cgo headers) or to type-check. Users' trees are often
// partly broken, so the standalone driver does not stop there:
//
//  1. It runs go vet on the patterns, as always. If that succeeds, that is
//     the whole run.
//  2. Otherwise it lists the packages (go list -e -deps -test). If some fail
//     to load, go vet is run again on the packages that load cleanly, named
//     one by one.
//  3. The packages go vet could not analyse (those that failed to load,
//     those whose "# package" header heads an error in go vet's output, and
//     every package that depends on one of them) are loaded again with
//     go/packages, which tolerates errors, and analysed in this process by
//     the x/tools checker with RunDespiteErrors, facts coming from their
//     dependencies' source.
//  4. The run ends with one line per package that was analysed with errors
//     or skipped (no syntax to analyse), and the exit code says the
//     analysis was incomplete (exitIncomplete) unless there are findings.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"os/exec"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tempguard/tempguard/internal/vettool"
	"github.com/tempguard/tempguard/passes"
)

// listedPackage is one package of go list -e -deps -test -json.
type listedPackage struct {
	ImportPath string
	ForTest    string
	DepOnly    bool
	Deps       []string
	Error      *struct{ Pos, Err string }
	// Files, to tell a package from a pattern or path that names none.
	GoFiles, CgoFiles, InvalidGoFiles []string
	DepsErrors                        []*struct {
		ImportStack []string
		Err         string
	}
}

// base is the import path of the package a test variant or external test
// package is for (go/packages loads it, with its tests, by that path).
func (p *listedPackage) base() string {
	if p.ForTest != "" {
		return p.ForTest
	}
	b, _, _ := strings.Cut(p.ImportPath, " ")
	return strings.TrimSuffix(b, ".test")
}

// analyse runs the analysis of the working directory's module (or, with
// -all-modules, of it and the modules nested below it), and notes what it
// left out.
func (o *options) analyse(self string) (*vetResult, error) {
	if o.allModules {
		return o.analyseAllModules(self)
	}
	inWork, uncovered := o.nestedSplit()
	if len(inWork) > 0 {
		// ./... in a go.work workspace matches the packages of the
		// module in the working directory only: name the others.
		defer func(p []string) { o.patterns = p }(o.patterns)
		o.patterns = append(slices.Clip(o.patterns), workspacePatterns(inWork)...)
		if _, err := os.Stat("go.mod"); err != nil {
			o.patterns = workspacePatterns(inWork) // no module here
		}
	}
	res, err := o.analyseHere(self)
	if err != nil {
		return nil, err
	}
	if res.failed {
		res.trailer += vendoringHint(res.errText)
	}
	if len(uncovered) > 0 {
		res.trailer += nestedNote(uncovered)
	}
	return res, nil
}

// analyseHere runs go vet and, where it could not analyse some packages,
// analyses those through go/packages (see the comment at the top).
func (o *options) analyseHere(self string) (*vetResult, error) {
	res, err := o.vet(self, o.patterns)
	if err != nil || !res.failed {
		return res, err
	}
	listed, err := goList(o.buildFlags(), o.patterns)
	if err != nil || len(listed) == 0 {
		// The patterns themselves are wrong (or the go command cannot
		// load anything): go vet's message says why.
		return res, nil
	}
	var roots []*listedPackage
	loadErr := map[string]bool{}  // base import paths of roots that fail to load
	ownErr := map[string]string{} // a root's own load error, by import path
	for _, p := range listed {
		if p.DepOnly || strings.HasSuffix(p.ImportPath, ".test") {
			continue
		}
		if p.Error != nil && len(p.GoFiles)+len(p.CgoFiles)+len(p.InvalidGoFiles) == 0 {
			// A pattern matching nothing, a directory or import path
			// with no package: the command line is wrong, and go vet's
			// message says how.
			return res, nil
		}
		roots = append(roots, p)
		if p.Error != nil || len(p.DepsErrors) > 0 {
			loadErr[p.base()] = true
		}
		if p.Error != nil {
			id, _, _ := strings.Cut(p.ImportPath, " ")
			ownErr[id] = p.Error.Err
			if p.Error.Pos != "" {
				ownErr[id] = p.Error.Pos + ": " + p.Error.Err
			}
		}
	}
	if len(roots) == 0 {
		return res, nil
	}
	if len(loadErr) > 0 {
		// go vet analysed nothing: run it again on the packages that load.
		var clean []string
		for _, p := range roots {
			if !loadErr[p.base()] && !contains(clean, p.base()) {
				clean = append(clean, p.base())
			}
		}
		if len(clean) > 0 {
			res, err = o.vet(self, clean)
			if err != nil {
				return nil, err
			}
		} else {
			res = &vetResult{}
		}
	}
	failedHere := failedPackages(res.errText)
	if len(loadErr) == 0 && len(failedHere) == 0 {
		// go vet failed for a reason that is not one package's (a bad
		// flag, inconsistent vendoring, ...): report it as it is.
		return res, nil
	}
	var redo []string
	for _, p := range roots {
		bad := loadErr[p.base()] || failedHere[p.ImportPath]
		for _, d := range p.Deps {
			bad = bad || failedHere[d]
		}
		if bad && !contains(redo, p.base()) {
			redo = append(redo, p.base())
		}
	}
	if len(redo) == 0 {
		// The failing packages are not ones we analyse and nothing we
		// analyse depends on them.
		res.failed = false
		res.errText = ""
		return res, nil
	}
	sort.Strings(redo)
	more, notes, err := o.analyseDespiteErrors(redo, ownErr)
	if err != nil {
		return nil, err
	}
	active, suppressed := splitSuppressed(more)
	res.findings = mergeFindings(res.findings, active)
	res.suppressed = mergeFindings(res.suppressed, suppressed)
	res.failed = false
	res.errText = strings.Join(notes, "")
	res.incomplete = len(notes) > 0
	return res, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// buildFlags are the go build flags of the run (for go list and go/packages).
func (o *options) buildFlags() []string {
	var a []string
	if o.tags != "" {
		a = append(a, "-tags="+o.tags)
	}
	if o.mod != "" {
		a = append(a, "-mod="+o.mod)
	}
	return append(a, o.extraArgs...)
}

// goList lists the packages of the patterns with their dependencies and
// load errors. EmbedFiles is asked for so that go list resolves the
// //go:embed patterns (and reports the ones that match nothing).
func goList(flags, patterns []string) ([]*listedPackage, error) {
	gobin, err := exec.LookPath(goCommand)
	if err != nil {
		return nil, err
	}
	args := append([]string{"list", "-e", "-deps", "-test", "-json=ImportPath,ForTest,DepOnly,Deps,Error,DepsErrors,EmbedFiles,GoFiles,CgoFiles,InvalidGoFiles"}, flags...)
	args = append(args, patterns...)
	cmd := exec.Command(gobin, args...)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := vettool.RunChild(cmd, verbosef); err != nil { // dies with tempguard, as go vet does
		return nil, err
	}
	var out []*listedPackage
	dec := json.NewDecoder(&stdout)
	for {
		p := new(listedPackage)
		if err := dec.Decode(p); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// failedPackages are the packages whose "# importpath" (or "# importpath
// [variant]") header heads output in go vet's stderr: a compile error of
// a dependency (a missing cgo header) or a type error that stopped the vet
// tool. Output under such a header that is only a warning makes the
// package look failed too, which costs only a second analysis.
func failedPackages(errText string) map[string]bool {
	out := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(errText))
	for sc.Scan() {
		if l, ok := strings.CutPrefix(sc.Text(), "# "); ok && l != "" {
			out[strings.TrimSpace(l)] = true
		}
	}
	return out
}

// mergeFindings adds more to findings, de-duplicated and sorted as
// parseVetJSON leaves them.
func mergeFindings(findings, more []Finding) []Finding {
	seen := map[string]bool{}
	for _, f := range findings {
		seen[f.Analyzer+"\x00"+f.Posn+"\x00"+f.Message] = true
	}
	for _, f := range more {
		k := f.Analyzer + "\x00" + f.Posn + "\x00" + f.Message
		if !seen[k] {
			seen[k] = true
			findings = append(findings, f)
		}
	}
	sortFindings(findings)
	return findings
}

// sortFindings orders findings by file, line, column and analyzer.
func sortFindings(out []Finding) {
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Analyzer < b.Analyzer
	})
}

// guardOnce makes the analyzers (and those they require) run on ill-typed
// packages and turns a panic of one into an error of that analysis, once
// per process: the standalone process runs no other analysis.
var guardOnce sync.Once

func guardAnalyzers(all []*analysis.Analyzer) {
	guardOnce.Do(func() {
		seen := map[*analysis.Analyzer]bool{}
		var visit func(a *analysis.Analyzer)
		visit = func(a *analysis.Analyzer) {
			if seen[a] {
				return
			}
			seen[a] = true
			a.RunDespiteErrors = true
			run := a.Run
			a.Run = func(pass *analysis.Pass) (res any, err error) {
				defer func() {
					if r := recover(); r != nil {
						res, err = nil, fmt.Errorf("panic: %v", r)
					}
				}()
				return run(pass)
			}
			for _, r := range a.Requires {
				visit(r)
			}
		}
		for _, a := range all {
			visit(a)
		}
	})
}

// selectedAnalyzers applies the analyzer flags (-name, -name=false,
// -name.option=value) as the vet tool does: naming analyzers with =true
// runs only those; =false turns some off.
func (o *options) selectedAnalyzers() ([]*analysis.Analyzer, error) {
	all := passes.All()
	enable, disable := map[string]bool{}, map[string]bool{}
	for _, f := range o.vetFlags {
		name, val, _ := strings.Cut(strings.TrimPrefix(f, "-"), "=")
		if an, opt, ok := strings.Cut(name, "."); ok {
			for _, a := range all {
				if a.Name == an {
					if err := a.Flags.Set(opt, val); err != nil {
						return nil, fmt.Errorf("-%s: %v", name, err)
					}
				}
			}
			continue
		}
		if b, _ := strconv.ParseBool(val); b {
			enable[name] = true
		} else {
			disable[name] = true
		}
	}
	var out []*analysis.Analyzer
	for _, a := range all {
		if (len(enable) > 0 && !enable[a.Name]) || disable[a.Name] {
			continue
		}
		out = append(out, a)
	}
	return out, nil
}

// analyseDespiteErrors loads the packages with go/packages, errors
// tolerated, and runs the analyzers on them (and on their dependencies,
// for facts). It returns the findings and one line per package analysed
// with errors or skipped. listErr holds errors go list found that
// go/packages does not report (a //go:embed pattern matching no file).
func (o *options) analyseDespiteErrors(paths []string, listErr map[string]string) ([]Finding, []string, error) {
	analyzers, err := o.selectedAnalyzers()
	if err != nil {
		return nil, nil, err
	}
	guardAnalyzers(passes.All())
	if o.cfg != nil { // .tempguard.yaml, as the vet tool applies it (after guarding: Wrap copies)
		if err := o.cfg.ApplyOptions(); err != nil {
			return nil, nil, err
		}
		analyzers = o.cfg.Wrap(analyzers)
	}
	var names []string
	for _, a := range analyzers {
		names = append(names, a.Name)
	}
	passes.SetEnabled(o.cfg.EnabledNames(names))
	verbosef("analysing %s that go vet could not, through go/packages: %s", plural(len(paths), "package"), strings.Join(paths, " "))
	cfg := &packages.Config{
		Mode:       packages.LoadAllSyntax | packages.NeedModule,
		Tests:      true,
		BuildFlags: o.buildFlags(),
	}
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		return nil, nil, fmt.Errorf("loading %s: %v", strings.Join(paths, " "), err)
	}
	want := map[string]bool{}
	for _, p := range paths {
		want[p] = true
	}
	var roots []*packages.Package
	var notes []string
	noted := map[string]bool{} // one line per package, not per test variant
	note := func(p *packages.Package, what, why string) {
		id, _, _ := strings.Cut(p.ID, " ")
		if !noted[id] {
			noted[id] = true
			notes = append(notes, fmt.Sprintf("tempguard: %s: %s: %s\n", id, what, why))
		}
	}
	degraded := map[string]bool{} // IDs of packages analysed with errors
	for _, p := range pkgs {
		if strings.HasSuffix(p.ID, ".test") || !want[strings.TrimSuffix(p.PkgPath, "_test")] {
			continue // the generated test main, or a package not asked for
		}
		if len(p.Syntax) == 0 || p.Types == nil {
			if len(p.Errors) > 0 || len(p.CompiledGoFiles) > 0 {
				note(p, "skipped", firstError(p))
			}
			continue // else a directory with only tests: its test variant is analysed
		}
		roots = append(roots, p)
		id, _, _ := strings.Cut(p.ID, " ")
		switch {
		case len(p.Errors) > 0 || p.IllTyped:
			degraded[p.ID] = true
			note(p, "analysed with errors", firstError(p))
		case listErr[id] != "":
			note(p, "analysed with errors", oneLine(listErr[id]))
		}
	}
	if len(roots) == 0 {
		return nil, notes, nil
	}
	graph, err := checker.Analyze(analyzers, roots, nil)
	if err != nil {
		return nil, nil, err
	}
	var out []Finding
	failed := map[string]bool{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			id, _, _ := strings.Cut(act.Package.ID, " ") // one line for a package and its test variant
			k := id + "\x00" + act.Analyzer.Name
			if !failed[k] {
				failed[k] = true
				notes = append(notes, fmt.Sprintf("tempguard: %s: analysed with errors: analyzer %s did not run: %v\n",
					id, act.Analyzer.Name, oneLine(act.Err.Error())))
			}
			continue
		}
		for _, d := range act.Diagnostics {
			out = append(out, toFinding(act.Package, act.Analyzer.Name, d, !degraded[act.Package.ID]))
		}
	}
	sort.Strings(notes)
	return out, dedupe(notes), nil
}

func dedupe(s []string) []string {
	var out []string
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// firstError says what is wrong with a package: its first error and how
// many more there are or, when only a dependency is broken, which one.
func firstError(p *packages.Package) string {
	errs := p.Errors
	if len(errs) == 0 {
		packages.Visit([]*packages.Package{p}, nil, func(q *packages.Package) {
			if len(errs) == 0 && len(q.Errors) > 0 {
				errs = q.Errors
			}
		})
		if len(errs) == 0 {
			return "no Go files to analyse"
		}
		return "a dependency has errors: " + errorLine(errs[0])
	}
	msg := errorLine(errs[0])
	if len(errs) > 1 {
		msg += fmt.Sprintf(" (and %d more errors)", len(errs)-1)
	}
	return msg
}

// errorLine is a package error on one line, its position relative to the
// working directory.
func errorLine(e packages.Error) string {
	if e.Pos == "" || e.Pos == "-" {
		return oneLine(e.Msg)
	}
	return relPath(e.Pos) + ": " + oneLine(e.Msg)
}

// oneLine is the first line of an error that says something: the go
// command's "# package" headers and its "-: " (no position) prefix are
// dropped.
func oneLine(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "-: ")
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "# ") {
			return l
		}
	}
	return strings.TrimSpace(s)
}

// toFinding converts a diagnostic of the checker into the form go vet's
// JSON gives. Fixes are dropped where the package did not type-check: they
// were computed from partial types.
func toFinding(p *packages.Package, analyzer string, d analysis.Diagnostic, withFixes bool) Finding {
	fset := p.Fset
	posn := func(pos token.Pos) string {
		if !pos.IsValid() {
			return ""
		}
		return fset.Position(pos).String()
	}
	id, _, _ := strings.Cut(p.ID, " ") // as parseVetJSON names test variants
	f := Finding{
		Analyzer: analyzer,
		Package:  id,
		Posn:     posn(d.Pos),
		End:      posn(d.End),
		Message:  d.Message,
		Category: d.Category,
	}
	if f.End == "" {
		f.End = f.Posn
	}
	for _, r := range d.Related {
		f.Related = append(f.Related, jsonRelatedInformation{Posn: posn(r.Pos), End: posn(r.End), Message: r.Message})
	}
	if withFixes {
		for _, sf := range d.SuggestedFixes {
			jf := jsonSuggestedFix{Message: sf.Message}
			for _, e := range sf.TextEdits {
				file := fset.File(e.Pos)
				if file == nil {
					continue
				}
				end := e.End
				if !end.IsValid() {
					end = e.Pos
				}
				jf.Edits = append(jf.Edits, jsonTextEdit{
					Filename: file.Name(), Start: file.Offset(e.Pos), End: file.Offset(end), New: string(e.NewText),
				})
			}
			f.Fixes = append(f.Fixes, jf)
		}
	}
	f.File, f.Line, f.Col = splitPosn(f.Posn)
	return f
}
