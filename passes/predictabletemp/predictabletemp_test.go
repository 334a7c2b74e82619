package predictabletemp_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/predictabletemp"
)

func TestPredictableTemp(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), predictabletemp.Analyzer,
		"a", "fixes", "fiximports", "helpers", "usehelpers")
}
