package temppattern_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/temppattern"
)

func TestFlagged(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), temppattern.Analyzer, "flagged", "subtests")
}

func TestQuiet(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), temppattern.Analyzer, "quiet")
}
