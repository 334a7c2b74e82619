package tempreopen_test

import (
	"os"
	"sort"
	"testing"

	xtest "golang.org/x/tools/go/analysis/analysistest"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/tempreopen"
)

// Flagged cases with every fix compared to its golden file, compiled and
// re-analyzed; look-alikes (quiet, and beside the flagged cases in unixonly
// and usehelpers) must stay quiet. One load for all packages keeps it fast.
func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), tempreopen.Analyzer,
		"flagged", "quiet", "unixonly", "helpers", "usehelpers")
}

// Writes .golden files by applying every suggested fix (a development aid:
// WRITE_GOLDEN=flagged go test -run Golden; review the result by hand).
func TestWriteGolden(t *testing.T) {
	pkg := os.Getenv("WRITE_GOLDEN")
	if pkg == "" {
		t.Skip("set WRITE_GOLDEN=<package>")
	}
	type edit struct {
		pos, end int
		text     string
	}
	edits := map[string][]edit{}
	for _, r := range xtest.Run(t, xtest.TestData(), tempreopen.Analyzer, pkg) {
		fset := r.Action.Package.Fset
		for _, d := range r.Diagnostics {
			for _, f := range d.SuggestedFixes {
				for _, e := range f.TextEdits {
					p, q := fset.Position(e.Pos), fset.Position(e.End)
					if !e.End.IsValid() {
						q = p
					}
					edits[p.Filename] = append(edits[p.Filename], edit{p.Offset, q.Offset, string(e.NewText)})
				}
			}
		}
	}
	for file, es := range edits {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		sort.Slice(es, func(i, j int) bool { return es[i].pos > es[j].pos })
		out := string(src)
		for _, e := range es {
			out = out[:e.pos] + e.text + out[e.end:]
		}
		if err := os.WriteFile(file+".golden", []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
