package tempmodel_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// probe reports the provenance of the argument of every call to a
// function named probe (probeCallers: with parameters resolved from call
// sites; probeSecond: of its second argument, also of f(g())), so testdata
// pins the model with // want comments.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "reports the provenance of probe(x) arguments",
	Requires: []*analysis.Analyzer{tempmodel.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		m := tempmodel.Get(pass)
		if !m.Relevant {
			return nil, nil
		}
		for cur := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			id, ok := call.Fun.(*ast.Ident)
			if !ok {
				continue
			}
			switch {
			case id.Name == "probe" && len(call.Args) == 1:
				m.Reportf(pass, call.Pos(), "%s", m.Prov(call.Args[0]))
			case id.Name == "probeCallers" && len(call.Args) == 1:
				m.Reportf(pass, call.Pos(), "callers: %s", m.ProvWithCallers(call.Args[0]))
			case id.Name == "probeSecond":
				// probeSecond(a, b) or probeSecond(g()): the second argument.
				m.Reportf(pass, call.Pos(), "second: %s", m.PathProv(call, 1, false, false))
			}
		}
		return nil, nil
	},
}

func TestProvenance(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probe, "prov", "provids", "routes")
}
