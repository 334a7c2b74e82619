package tempreopen_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/tempreopen"
)

// Flagged cases with every fix compared to its golden file, compiled and
// re-analyzed; look-alikes (quiet, and beside the flagged cases in unixonly
// and usehelpers) must stay quiet. One load for all packages keeps it fast.
func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), tempreopen.Analyzer,
		"flagged", "quiet", "unixonly", "helpers", "usehelpers")
}
