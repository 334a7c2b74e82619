package tempperm_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/predictabletemp"
	"github.com/tempguard/tempguard/passes/tempperm"
)

// TestIncidentScreenshot: the Incus CVE-2026-33711 shape (os.Create at a
// predictable /tmp name, then Chmod to 0600) is reported by tempperm (the
// window before the Chmod, fixed by creating with the final mode) and,
// standing alone, by predictabletemp (the predictable name) at the same
// call; the fixed form (os.CreateTemp) by neither.
func TestIncidentScreenshot(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), tempperm.Analyzer, "incident")

	dir := analysistest.TestData()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "incident")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("loading incident: %v", err)
	}
	g, err := checker.Analyze([]*analysis.Analyzer{predictabletemp.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, act := range g.Roots {
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			got = append(got, filepath.Base(posn.Filename)+":"+strconv.Itoa(posn.Line))
		}
	}
	if want := "incident.go:16"; strings.Join(got, " ") != want {
		t.Errorf("predictabletemp reports at %v, want exactly %s (the os.Create)", got, want)
	}
}
