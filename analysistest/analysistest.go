// Package analysistest is tempguard's test harness over
// golang.org/x/tools/go/analysis/analysistest.
//
// [Run] checks the `// want` expectations of a testdata package exactly as
// x/tools does. [RunWithSuggestedFixes] also compares every suggested fix
// with its .golden file and then holds the fixes to tempguard's standard:
//
//   - every package, with each .golden file in place of its source file,
//     must load and type-check (a fix that breaks the build fails the test);
//   - the analyzer, run again on that fixed package, must report nothing new:
//     only the findings that had no fix may remain (fixes converge).
//
// Testdata uses the GOPATH layout of x/tools: dir/src/<pkg>/*.go.
package analysistest

import (
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	xtest "golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Testing is the subset of *testing.T the harness uses.
type Testing interface {
	Errorf(format string, args ...any)
	Helper()
	TempDir() string
}

// TestData returns the absolute path of ./testdata.
func TestData() string { return xtest.TestData() }

// Run runs a on the packages matched by patterns under dir/src and checks
// the diagnostics and facts against the `// want` comments.
func Run(t Testing, dir string, a *analysis.Analyzer, patterns ...string) []*xtest.Result {
	t.Helper()
	return xtest.Run(t.(xtest.Testing), dir, a, patterns...)
}

// RunWithSuggestedFixes is [Run], plus: the fixes of every diagnostic are
// applied and compared with the .golden files beside each source file, the
// fixed packages must type-check, and a second run of a on them must report
// only the findings that had no fix.
//
// With TEMPGUARD_UPDATE_GOLDEN=1 in the environment it (re)writes the
// golden files from the fixes instead of comparing: review them before
// committing.
func RunWithSuggestedFixes(t Testing, dir string, a *analysis.Analyzer, patterns ...string) []*xtest.Result {
	t.Helper()
	if os.Getenv("TEMPGUARD_UPDATE_GOLDEN") != "" {
		results := Run(t, dir, a, patterns...)
		writeGoldens(t, results)
		return results
	}
	results := xtest.RunWithSuggestedFixes(t.(xtest.Testing), dir, a, patterns...)
	checkConvergence(t, dir, a, results)
	return results
}

// RunSuiteWithSuggestedFixes is [RunWithSuggestedFixes], plus: every
// other analyzer of suite, run on the fixed packages, must report no more
// findings in a fixed file than it reports in the original file. A fix of
// a must not make work for another analyzer (a test's file moved under
// t.TempDir() while it stays open would be tempreopen's next finding).
func RunSuiteWithSuggestedFixes(t Testing, dir string, a *analysis.Analyzer, suite []*analysis.Analyzer, patterns ...string) []*xtest.Result {
	t.Helper()
	if os.Getenv("TEMPGUARD_UPDATE_GOLDEN") != "" {
		results := Run(t, dir, a, patterns...)
		writeGoldens(t, results)
		return results
	}
	results := xtest.RunWithSuggestedFixes(t.(xtest.Testing), dir, a, patterns...)
	checkConvergence(t, dir, a, results, suite...)
	return results
}

// checkConvergence builds a copy of dir/src with every golden file in place
// of its source, loads the packages, and re-runs a; and, for each analyzer
// of suite other than a, compares its findings per fixed file with those
// on the original packages.
func checkConvergence(t Testing, dir string, a *analysis.Analyzer, results []*xtest.Result, suite ...*analysis.Analyzer) {
	t.Helper()
	// Findings without fixes, per source file, from the first run.
	unfixed := map[string]int{}
	fixedFiles := map[string]bool{}
	var pkgPaths []string
	seenPkg := map[string]bool{}
	seenDiag := map[string]bool{}
	for _, r := range results {
		if r.Action == nil || r.Action.Package == nil {
			continue
		}
		pkg := r.Action.Package
		if !seenPkg[pkg.PkgPath] && !strings.HasSuffix(pkg.PkgPath, ".test") && !strings.Contains(pkg.ID, " [") {
			seenPkg[pkg.PkgPath] = true
			pkgPaths = append(pkgPaths, pkg.PkgPath)
		}
		for _, d := range r.Diagnostics {
			posn := pkg.Fset.Position(d.Pos)
			if key := fmt.Sprint(posn, d.Message); seenDiag[key] {
				continue // package and its test variant
			} else {
				seenDiag[key] = true
			}
			file := posn.Filename
			if len(d.SuggestedFixes) == 0 {
				unfixed[file]++
			} else {
				fixedFiles[file] = true
			}
		}
	}
	if len(fixedFiles) == 0 {
		return
	}
	// Copy dir/src, substituting goldens.
	tmp := t.TempDir()
	src := filepath.Join(dir, "src")
	golden := map[string]string{} // copied path -> original path
	err := filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		dst := filepath.Join(tmp, "src", rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if strings.HasSuffix(path, ".golden") {
			return nil
		}
		from := path
		if _, err := os.Stat(path + ".golden"); err == nil && fixedFiles[path] {
			from = path + ".golden"
			golden[dst] = path
		}
		data, err := os.ReadFile(from)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Errorf("copying testdata: %v", err)
		return
	}
	if len(golden) == 0 {
		return
	}
	sort.Strings(pkgPaths)
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo |
			packages.NeedDeps | packages.NeedModule,
		Dir:   tmp,
		Tests: true,
		Env:   append(os.Environ(), "GOPATH="+tmp, "GO111MODULE=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, pkgPaths...)
	if err != nil {
		t.Errorf("loading fixed packages: %v", err)
		return
	}
	broken := false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("fixed code does not compile: %v", e)
			broken = true
		}
	})
	if broken {
		return
	}
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Errorf("re-running %s on fixed code: %v", a.Name, err)
		return
	}
	after := map[string][]string{}
	seen := map[string]bool{}
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Errorf("re-running %s on fixed code: %v", a.Name, act.Err)
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			key := fmt.Sprintf("%s:%d:%d %s", posn.Filename, posn.Line, posn.Column, d.Message)
			if seen[key] {
				continue // package and its test variant
			}
			seen[key] = true
			if orig, ok := golden[posn.Filename]; ok {
				after[orig] = append(after[orig], fmt.Sprintf("%s:%d: %s", filepath.Base(orig), posn.Line, d.Message))
			}
		}
	}
	for _, orig := range golden {
		if got, want := len(after[orig]), unfixed[orig]; got > want {
			t.Errorf("fixes for %s do not converge: a second run reports %d finding(s), only %d had no fix:\n\t%s",
				filepath.Base(orig), got, want, strings.Join(after[orig], "\n\t"))
		}
	}
	var others []*analysis.Analyzer
	for _, b := range suite {
		if b != a {
			others = append(others, b)
		}
	}
	if len(others) == 0 {
		return
	}
	// The other analyzers, on the fixed and on the original packages.
	fixedBy := suiteFindings(t, others, pkgs)
	ocfg := *cfg
	ocfg.Dir = dir
	ocfg.Env = append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off")
	opkgs, err := packages.Load(&ocfg, pkgPaths...)
	if err != nil {
		t.Errorf("loading original packages: %v", err)
		return
	}
	origBy := suiteFindings(t, others, opkgs)
	for fixed, orig := range golden {
		for _, b := range others {
			got, was := fixedBy[fixed][b.Name], origBy[orig][b.Name]
			if len(got) > len(was) {
				t.Errorf("fixes of %s in %s make work for %s: %d finding(s) on the fixed file, %d before:\n\t%s",
					a.Name, filepath.Base(orig), b.Name, len(got), len(was), strings.Join(got, "\n\t"))
			}
		}
	}
}

// suiteFindings runs analyzers on pkgs and returns their findings' texts
// by file and analyzer name (a package and its test variant counted once).
func suiteFindings(t Testing, analyzers []*analysis.Analyzer, pkgs []*packages.Package) map[string]map[string][]string {
	t.Helper()
	out := map[string]map[string][]string{}
	g, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		t.Errorf("running the suite: %v", err)
		return out
	}
	seen := map[string]bool{}
	for act := range g.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Errorf("running %s: %v", act.Analyzer.Name, act.Err)
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			key := fmt.Sprintf("%s %s:%d:%d %s", act.Analyzer.Name, posn.Filename, posn.Line, posn.Column, d.Message)
			if seen[key] {
				continue
			}
			seen[key] = true
			if out[posn.Filename] == nil {
				out[posn.Filename] = map[string][]string{}
			}
			out[posn.Filename][act.Analyzer.Name] = append(out[posn.Filename][act.Analyzer.Name],
				fmt.Sprintf("%s:%d: [%s] %s", filepath.Base(posn.Filename), posn.Line, act.Analyzer.Name, d.Message))
		}
	}
	return out
}

// writeGoldens applies the fixes of every diagnostic to its file and writes
// <file>.golden, formatted.
func writeGoldens(t Testing, results []*xtest.Result) {
	t.Helper()
	type edit struct {
		start, end int
		text       string
	}
	edits := map[string][]edit{}
	seen := map[string]bool{}
	for _, r := range results {
		if r.Action == nil || r.Action.Package == nil {
			continue
		}
		fset := r.Action.Package.Fset
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					start := fset.Position(e.Pos)
					end := start
					if e.End.IsValid() {
						end = fset.Position(e.End)
					}
					key := fmt.Sprint(start, end, string(e.NewText))
					if seen[key] {
						continue
					}
					seen[key] = true
					edits[start.Filename] = append(edits[start.Filename], edit{start.Offset, end.Offset, string(e.NewText)})
				}
			}
		}
	}
	for file, es := range edits {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		sort.Slice(es, func(i, j int) bool { return es[i].start > es[j].start })
		out := string(src)
		for _, e := range es {
			out = out[:e.start] + e.text + out[e.end:]
		}
		formatted, err := format.Source([]byte(out))
		if err != nil {
			t.Errorf("fixed %s does not parse: %v", file, err)
			formatted = []byte(out)
		}
		if err := os.WriteFile(file+".golden", formatted, 0o644); err != nil {
			t.Errorf("%v", err)
		}
	}
}
