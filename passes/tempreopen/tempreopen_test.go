package tempreopen_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes"
	"github.com/tempguard/tempguard/passes/tempreopen"
)

// Flagged cases with every fix compared to its golden file, compiled and
// re-analyzed; look-alikes (quiet, and beside the flagged cases in unixonly
// and usehelpers) must stay quiet. One load for all packages keeps it fast.
// The fixes must not give another analyzer of the suite a new finding.
func TestAnalyzer(t *testing.T) {
	analysistest.RunSuiteWithSuggestedFixes(t, analysistest.TestData(), tempreopen.Analyzer, passes.All(),
		"flagged", "quiet", "unixonly", "helpers", "usehelpers")
}
