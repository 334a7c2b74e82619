package tempcleanup_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/tempcleanup"
)

func TestTempCleanup(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), tempcleanup.Analyzer,
		"leaks", "quiet", "tests", "helpers", "crosspkg")
}
