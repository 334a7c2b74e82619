package passes_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"

	"github.com/tempguard/tempguard/passes"
)

// noop is the baseline: it requires the inspector and does nothing else.
var noop = &analysis.Analyzer{
	Name:     "noop",
	Doc:      "baseline",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	// A fact type, as tempguard has, so that both run on every dependency.
	FactTypes: []analysis.Fact{(*noopFact)(nil)},
}

type noopFact struct{}

func (*noopFact) AFact() {}

// BenchmarkSuite runs the whole suite, and the do-nothing baseline, over
// packages loaded once (type-checking is not measured here: see
// scripts/bench.sh for the end-to-end ratio under go vet). Compare:
//
//	go test ./passes -run '^$' -bench Suite -benchtime 3x
func BenchmarkSuite(b *testing.B) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: false}
	pkgs, err := packages.Load(cfg, "net/http", "os/exec", "cmd/go/internal/work", "archive/zip")
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		analyzers []*analysis.Analyzer
	}{
		{"noop", []*analysis.Analyzer{noop}},
		{"tempguard", passes.All()},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := checker.Analyze(tc.analyzers, pkgs, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
