package tempmodel_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// removeProbe reports, at each function declaration, the parameters that
// the function's Summary says it removes (UseRemove) and keeps (UseKeep).
var removeProbe = &analysis.Analyzer{
	Name:     "removeprobe",
	Doc:      "reports the UseRemove and UseKeep parameters of every function's summary",
	Requires: []*analysis.Analyzer{tempmodel.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		m := tempmodel.Get(pass)
		if !m.Relevant {
			return nil, nil
		}
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
				s := m.Summary(fn)
				if s == nil {
					continue
				}
				removes, keeps := []int{}, []int{}
				for i := range s.Params {
					if s.Param(i)&tempmodel.UseRemove != 0 {
						removes = append(removes, i)
					}
					if s.Param(i)&tempmodel.UseKeep != 0 {
						keeps = append(keeps, i)
					}
				}
				if len(removes)+len(keeps) > 0 {
					m.Reportf(pass, fd.Name.Pos(), "removes %v keeps %v", fmt.Sprint(removes), fmt.Sprint(keeps))
				}
			}
		}
		return nil, nil
	},
}

// TestSummaryRemoveKeep pins UseRemove and UseKeep, for functions of the
// package and, through facts, of an imported one.
func TestSummaryRemoveKeep(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), removeProbe, "removes", "removeslib")
}
