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

// closeProbe reports, at each function declaration, the parameters that
// the function's Summary says it closes (UseClose) and may close
// (UseMayClose).
var closeProbe = &analysis.Analyzer{
	Name:     "closeprobe",
	Doc:      "reports the UseClose and UseMayClose parameters of every function's summary",
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
				var closes, may []int
				for i := range s.Params {
					if s.Param(i)&tempmodel.UseClose != 0 {
						closes = append(closes, i)
					}
					if s.Param(i)&tempmodel.UseMayClose != 0 {
						may = append(may, i)
					}
				}
				if len(may) > 0 {
					m.Reportf(pass, fd.Name.Pos(), "closes %v may %v", fmt.Sprint(closes), fmt.Sprint(may))
				}
			}
		}
		return nil, nil
	},
}

func TestSummaryClose(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), closeProbe, "closes")
}
