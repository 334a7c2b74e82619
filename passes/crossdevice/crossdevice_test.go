package crossdevice_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/crossdevice"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), crossdevice.Analyzer, "atomic", "noimport", "setenv", "chdir")
}
