// Package passes lists tempguard's analyzers, in the order the CLI, the
// golangci-lint plugin and the language server present them.
package passes

//go:generate go run ./internal/docs/docgen -passes .

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/passes/checkthenopen"
	"github.com/tempguard/tempguard/passes/crossdevice"
	"github.com/tempguard/tempguard/passes/predictabletemp"
	"github.com/tempguard/tempguard/passes/tempcleanup"
	"github.com/tempguard/tempguard/passes/temppattern"
	"github.com/tempguard/tempguard/passes/tempperm"
	"github.com/tempguard/tempguard/passes/tempreopen"
)

// All returns every tempguard analyzer, as drivers run them: each also
// reports the suppression comments that name it and suppressed nothing
// (see driver.go). The slice is new on each call; the analyzers are the
// same.
func All() []*analysis.Analyzer {
	return append([]*analysis.Analyzer(nil), withFinish(analyzers())...)
}

func analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		predictabletemp.Analyzer,
		checkthenopen.Analyzer,
		tempcleanup.Analyzer,
		tempreopen.Analyzer,
		tempperm.Analyzer,
		crossdevice.Analyzer,
		temppattern.Analyzer,
	}
}

// Names returns the analyzers' names, in order.
func Names() []string {
	var names []string
	for _, a := range All() {
		names = append(names, a.Name)
	}
	return names
}

// Lookup returns the analyzer with the given name, or nil.
func Lookup(name string) *analysis.Analyzer {
	for _, a := range All() {
		if a.Name == name {
			return a
		}
	}
	return nil
}
