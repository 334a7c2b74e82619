package tempcleanup_test

import (
	"os"
	"sort"
	"testing"

	xtest "golang.org/x/tools/go/analysis/analysistest"

	"github.com/tempguard/tempguard/passes/tempcleanup"
)

// Writes .golden files by applying every suggested fix (dev tool).
func TestZZWriteGolden(t *testing.T) {
	if os.Getenv("WRITE_GOLDEN") == "" {
		t.Skip()
	}
	type ed struct {
		pos, end int
		text     string
	}
	edits := map[string][]ed{}
	for _, r := range xtest.Run(t, xtest.TestData(), tempcleanup.Analyzer, os.Getenv("WRITE_GOLDEN")) {
		fset := r.Action.Package.Fset
		for _, d := range r.Diagnostics {
			for _, f := range d.SuggestedFixes {
				for _, e := range f.TextEdits {
					p, q := fset.Position(e.Pos), fset.Position(e.End)
					if !e.End.IsValid() {
						q = p
					}
					edits[p.Filename] = append(edits[p.Filename], ed{p.Offset, q.Offset, string(e.NewText)})
				}
			}
		}
	}
	for file, es := range edits {
		src, _ := os.ReadFile(file)
		sort.Slice(es, func(i, j int) bool { return es[i].pos > es[j].pos })
		seen := map[ed]bool{}
		out := string(src)
		for _, e := range es {
			if seen[e] {
				continue
			}
			seen[e] = true
			out = out[:e.pos] + e.text + out[e.end:]
		}
		os.WriteFile(file+".golden", []byte(out), 0o644)
	}
}
