package tempperm_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/tempperm"
)

func TestFlagged(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), tempperm.Analyzer, "flagged")
}

// The file-system abstractions of the file-API table (afero.Fs) are seen
// as os's calls; an Fs that is provably in memory is not.
func TestFSAbstraction(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), tempperm.Analyzer, "fsabstract")
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
