package checkthenopen_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/checkthenopen"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// TestFlagged checks the reported races and their fixes (golden files),
// through the project harness: fixed code must compile and converge.
func TestFlagged(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), checkthenopen.Analyzer, "flagged", "imports", "imports2", "lookalike", "root")
}

// TestQuiet checks the look-alikes that must not be reported.
func TestQuiet(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), checkthenopen.Analyzer, "quiet", "helpers")
}

// TestSummaries checks the existence-check wrappers the shared layer
// records for this pass (Summary.Exists, exported by tempmodel.Analyzer).
func TestSummaries(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), tempmodel.Analyzer, "summaries")
}
