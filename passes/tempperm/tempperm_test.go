package tempperm_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/tempperm"
)

func TestFlagged(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), tempperm.Analyzer, "flagged")
}

func TestQuiet(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tempperm.Analyzer, "quiet")
}

// Files built only for Windows stay quiet: no group/other bits there, and
// the temp dir is per user.
func TestWindowsOnlyFilesQuiet(t *testing.T) {
	t.Setenv("GOOS", "windows")
	analysistest.Run(t, analysistest.TestData(), tempperm.Analyzer, "winquiet")
}
