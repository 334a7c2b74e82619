package passes_test

import (
	"path/filepath"
	"slices"
	"testing"

	xtest "golang.org/x/tools/go/analysis/analysistest"

	"github.com/tempguard/tempguard/passes"
)

// quietT records what analysistest would report about `// want`
// expectations (overlap.go has none: every finding is "unexpected").
type quietT struct{}

func (quietT) Errorf(string, ...any) {}

// TestEachAnalyzerStandsAlone runs each analyzer alone (as
// `tempguard -predictabletemp` does) on lines that more than one of them
// reports (overlap.go: a predictable path checked before it is written, or
// written with a permissive mode; a temp file renamed while open to
// another filesystem), and checks that each still reports its own: none
// stays silent because another covers the line.
func TestEachAnalyzerStandsAlone(t *testing.T) {
	want := map[string][]int{
		"predictabletemp": {12, 14, 17},
		"checkthenopen":   {12},
		"tempperm":        {14, 17},
		"tempcleanup":     {23},
		"tempreopen":      {30},
		"crossdevice":     {30},
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "overlap"))
	if err != nil {
		t.Fatal(err)
	}
	for name, lines := range want {
		a := passes.Lookup(name)
		if a == nil {
			t.Fatalf("no analyzer %s", name)
		}
		var got []int
		for _, r := range xtest.Run(quietT{}, dir, a, "overlap") {
			for _, d := range r.Diagnostics {
				got = append(got, r.Pass.Fset.Position(d.Pos).Line)
			}
		}
		t.Logf("%s alone: findings on lines %v", name, got)
		for _, l := range lines {
			if !slices.Contains(got, l) {
				t.Errorf("%s alone: no finding on overlap.go:%d ", name, l)
			}
		}
	}
}
