// Package crossdevice is the tempguard pass of the same name (see doc.go).
package crossdevice

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// Analyzer is the crossdevice pass.
var Analyzer = &analysis.Analyzer{
	Name:     "crossdevice",
	Doc:      "placeholder: not implemented yet",
	URL:      "https://github.com/tempguard/tempguard#crossdevice",
	Requires: []*analysis.Analyzer{tempmodel.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	m := tempmodel.Get(pass)
	if !m.Relevant {
		return nil, nil
	}
	return nil, nil
}
