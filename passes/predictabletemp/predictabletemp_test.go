package predictabletemp_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/predictabletemp"
)

func TestPredictableTemp(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), predictabletemp.Analyzer,
		"a", "fixes", "fiximports", "helpers", "usehelpers", "review", "glogstyle", "settmpdir")
}

// Files built only for Windows stay quiet: there the temp dir is per user.
func TestWindowsOnlyFilesQuiet(t *testing.T) {
	t.Setenv("GOOS", "windows")
	analysistest.Run(t, analysistest.TestData(), predictabletemp.Analyzer, "win")
}
