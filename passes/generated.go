package passes

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// SkipGenerated returns copies of the analyzers that do not report
// diagnostics in generated files: files that carry the standard marker
// ("// Code generated ... DO NOT EDIT." before the package clause), as
// go/ast's ast.IsGenerated tells. Code generators are fixed at their
// source, and a generated file is rewritten on the next generation, so a
// finding there is noise. The copies keep the analyzers' names, flags,
// facts and requirements; the analysis itself is unchanged, so facts about
// generated code still flow to the code that uses it. If skip is not nil,
// it is asked at each run (after flags are parsed) whether to skip.
func SkipGenerated(analyzers []*analysis.Analyzer, skip func() bool) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		c := *a
		run := a.Run
		c.Run = func(pass *analysis.Pass) (any, error) {
			if skip != nil && !skip() {
				return run(pass)
			}
			report := pass.Report
			generated := map[*ast.File]bool{}
			for _, f := range pass.Files {
				if ast.IsGenerated(f) {
					generated[f] = true
				}
			}
			if len(generated) > 0 {
				pass.Report = func(d analysis.Diagnostic) {
					if !generated[fileOf(pass.Files, d.Pos)] {
						report(d)
					}
				}
			}
			return run(pass)
		}
		out[i] = &c
	}
	return out
}

func fileOf(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
