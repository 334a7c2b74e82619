package tempmodel_test

import (
	"go/ast"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes"
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

// The names a suppression accepts are the registered analyzers.
func TestAnalyzerNames(t *testing.T) {
	if got := passes.Names(); !slices.Equal(got, tempmodel.AnalyzerNames) {
		t.Errorf("tempmodel.AnalyzerNames = %q, passes.Names() = %q", tempmodel.AnalyzerNames, got)
	}
}
