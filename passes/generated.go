package passes

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// Generated files are those that carry the standard marker ("// Code
// generated ... DO NOT EDIT." before the package clause), as go/ast's
// ast.IsGenerated tells. Code generators are fixed at their source, and a
// generated file is rewritten on the next generation, so a finding there
// is noise by default and a fix there is never offered.

// GeneratedReporter returns a Report function for pass that passes the
// diagnostics to report, except that it drops those in generated files
// unless include is set, and always drops the suggested fixes that would
// edit a generated file. It returns report itself when the package has no
// generated file. Every driver filters through it, so the rule lives in
// one place.
func GeneratedReporter(pass *analysis.Pass, report func(analysis.Diagnostic), include bool) func(analysis.Diagnostic) {
	generated := map[*token.File]bool{}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			if tf := pass.Fset.File(f.FileStart); tf != nil {
				generated[tf] = true
			}
		}
	}
	if len(generated) == 0 {
		return report
	}
	return func(d analysis.Diagnostic) {
		if generated[pass.Fset.File(d.Pos)] && !include {
			return
		}
		var fixes []analysis.SuggestedFix
		for _, fix := range d.SuggestedFixes {
			edits := true
			for _, e := range fix.TextEdits {
				if generated[pass.Fset.File(e.Pos)] {
					edits = false
					break
				}
			}
			if edits {
				fixes = append(fixes, fix)
			}
		}
		if len(fixes) != len(d.SuggestedFixes) {
			d.SuggestedFixes = fixes
		}
		report(d)
	}
}

// SkipGenerated returns copies of the analyzers whose diagnostics go
// through GeneratedReporter: none in generated files unless include says
// so (asked at each run, after flags are parsed; nil: never), and no fix
// that edits one. The copies keep the analyzers' names, flags, facts and
// requirements; the analysis itself is unchanged, so facts about
// generated code still flow to the code that uses it.
func SkipGenerated(analyzers []*analysis.Analyzer, include func() bool) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		c := *a
		run := a.Run
		c.Run = func(pass *analysis.Pass) (any, error) {
			p := *pass
			p.Report = GeneratedReporter(pass, pass.Report, include != nil && include())
			return run(&p)
		}
		out[i] = &c
	}
	return out
}
