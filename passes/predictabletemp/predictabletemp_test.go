package predictabletemp_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/predictabletemp"
)

func TestPredictableTemp(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), predictabletemp.Analyzer,
		"a", "fixes", "fiximports", "helpers", "usehelpers", "review", "glogstyle", "settmpdir",
		"kinds", "fsabstract", "incident", "derived", "routes", "glogcve", "creators", "usecreators")
}

// predictabletemp stands alone: run by itself, it reports a predictable
// path that is also checked before it is created (checkthenopen's race) or
// created with a permissive mode (tempperm's), as it does beside them.
// If it left those lines to the other analyzers, this test would fail.
func TestStandsAlone(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), predictabletemp.Analyzer, "standalone")
}

// Files built only for Windows stay quiet: there the temp dir is per user.
func TestWindowsOnlyFilesQuiet(t *testing.T) {
	t.Setenv("GOOS", "windows")
	analysistest.Run(t, analysistest.TestData(), predictabletemp.Analyzer, "win")
}

// Names built in steps: +=, p = p + x, strings.Builder, strings.Join of
// an appended slice, time values.
func TestNames(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), predictabletemp.Analyzer, "names")
}
