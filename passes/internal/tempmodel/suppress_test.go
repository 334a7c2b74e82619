package tempmodel_test

import (
	"fmt"
	"go/ast"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// flagger stands in for a tempguard pass: it is named tempperm and reports
// every argument of a call to flag(...) through the model, so the testdata
// pins which lines a //tempguard:ignore comment covers.
var flagger = &analysis.Analyzer{
	Name:     "tempperm",
	Doc:      "reports flag(x) arguments",
	Requires: []*analysis.Analyzer{tempmodel.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		m := tempmodel.Get(pass)
		if !m.Relevant {
			return nil, nil
		}
		for cur := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "flag" {
				for _, a := range call.Args {
					m.Reportf(pass, a.Pos(), "flagged")
				}
			}
		}
		return nil, nil
	},
}

func TestSuppressionScopes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), flagger, "suppress")
}

// finishing is flagger as drivers run it (passes.All): it also reports the
// suppressions that name it and suppressed nothing.
var finishing = func() *analysis.Analyzer {
	w := *flagger
	w.Run = func(pass *analysis.Pass) (any, error) {
		res, err := flagger.Run(pass)
		tempmodel.Finish(pass)
		return res, err
	}
	return &w
}()

// //nolint applies where golangci-lint applies it.
func TestNolintScopes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), flagger, "nolint")
}

// Under golangci-lint, the //nolint forms it applies itself are left to it.
func TestNolintLeftToDriver(t *testing.T) {
	tempmodel.SetDriverNolint([]string{"", "all", "tempguard"})
	defer tempmodel.SetDriverNolint(nil)
	analysistest.Run(t, analysistest.TestData(), flagger, "nolintdriver")
}

func TestFileIgnore(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), flagger, "fileignore")
}

func TestUnusedSuppressions(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), finishing, "unused")
}

// A problem with a comment is reported by an analyzer that runs.
func TestProblemsReportedByEnabled(t *testing.T) {
	tempmodel.SetEnabled([]string{"tempperm"})
	defer tempmodel.SetEnabled(nil)
	analysistest.Run(t, analysistest.TestData(), flagger, "enabled")
}

// With SetKeepSuppressed, suppressed diagnostics are reported, marked,
// with the comment as their last related position.
func TestKeepSuppressed(t *testing.T) {
	tempmodel.SetKeepSuppressed(true)
	defer tempmodel.SetKeepSuppressed(false)
	results := analysistest.Run(t, analysistest.TestData(), flagger, "keep")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			line := r.Pass.Fset.Position(d.Pos).Line
			desc := fmt.Sprintf("%d %s", line, d.Category)
			if strings.HasPrefix(d.Category, tempmodel.SuppressedCategory+"/") {
				rel := d.Related[len(d.Related)-1]
				why, ok := tempmodel.DirectiveReason(rel.Message)
				desc += fmt.Sprintf(" %d %q %q %v", r.Pass.Fset.Position(rel.Pos).Line, rel.Message, why, ok)
			}
			got = append(got, desc)
		}
	}
	want := []string{
		"10 perm-readable",
		`12 tempguard-suppressed/perm-readable 11 "//tempguard:ignore tempperm the reason" "the reason" true`,
		`13 tempguard-suppressed/perm-readable 13 "//nolint:tempperm // another reason" "another reason" true`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%q\nwant\n%q", got, want)
	}
}

func TestParseNolint(t *testing.T) {
	for _, tc := range []struct {
		text   string
		names  []string
		reason string
		ok     bool
	}{
		{"//nolint", nil, "", true},
		{"// nolint", nil, "", true},
		{"//nolint // why", nil, "why", true},
		{"//nolint:all", nil, "", true},
		{"//nolint:gosec,ALL", nil, "", true},
		{"//nolint:TempPerm, gosec // why", []string{"tempperm", "gosec"}, "why", true},
		{"//nolint:tempperm because", []string{"tempperm because"}, "", true},
		{"//nolintlint", nil, "", false},
		{"/* nolint */", nil, "", false},
		{"//tempguard:ignore tempperm x", nil, "", false},
	} {
		names, reason, ok := tempmodel.ParseNolint(tc.text)
		if !slices.Equal(names, tc.names) || reason != tc.reason || ok != tc.ok {
			t.Errorf("ParseNolint(%q) = %q, %q, %v; want %q, %q, %v", tc.text, names, reason, ok, tc.names, tc.reason, tc.ok)
		}
	}
}

func TestParseSuppression(t *testing.T) {
	for _, tc := range []struct {
		text   string
		names  []string
		reason string
		ok     bool
	}{
		{"//tempguard:ignore tempperm the reason", []string{"tempperm"}, "the reason", true},
		{"//tempguard:ignore tempperm,predictabletemp  two  spaces", []string{"tempperm", "predictabletemp"}, "two spaces", true},
		{"//tempguard:ignore tempperm", []string{"tempperm"}, "", true},
		{"//tempguard:ignore tempperm // nolint style", []string{"tempperm"}, "nolint style", true},
		{"//tempguard:ignore tempperm //", []string{"tempperm"}, "", true},
		{"//tempguard:ignore", nil, "", true},
		{"//tempguard:ignored tempperm x", nil, "", false},
		{"// tempguard:ignore tempperm x", nil, "", false},
		{"//nolint:tempguard", nil, "", false},
	} {
		names, reason, ok := tempmodel.ParseSuppression(tc.text)
		if !slices.Equal(names, tc.names) || reason != tc.reason || ok != tc.ok {
			t.Errorf("ParseSuppression(%q) = %q, %q, %v; want %q, %q, %v", tc.text, names, reason, ok, tc.names, tc.reason, tc.ok)
		}
	}
}
