// Command noop is the baseline for tempguard's speed measurements: a vet
// tool whose one analyzer requires inspect and does nothing else, so it
// pays what every vet tool pays (parsing, type-checking, the inspector)
// and no more. It declares a fact type, as tempguard does, so that the go
// command runs it on every dependency too: both tools then analyze the same
// packages. scripts/bench.sh runs it and tempguard the same way.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/analysis/unitchecker"
)

var analyzer = &analysis.Analyzer{
	Name:      "noop",
	Doc:       "does nothing but require the inspector (a speed baseline)",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{(*fact)(nil)},
}

type fact struct{}

func (*fact) AFact() {}

func main() { unitchecker.Main(analyzer) }
