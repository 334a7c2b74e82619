// Command nofacts is the fact-free baseline of tempguard's speed
// measurements: the do-nothing vet tool of ../noop without a fact type. The
// go command runs a vet tool on the dependencies of the named packages only
// when it declares facts, so this baseline analyzes just the named packages:
// it is what a vet tool costs that needs nothing from dependencies.
// scripts/bench.sh runs it next to noop, tempguard and go vet.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/analysis/unitchecker"
)

var analyzer = &analysis.Analyzer{
	Name:     "nofacts",
	Doc:      "does nothing but require the inspector, and declares no facts (a speed baseline)",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { unitchecker.Main(analyzer) }
