package tempcleanup_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes"
	"github.com/tempguard/tempguard/passes/tempcleanup"
)

// The fixes must converge for the whole suite: a fix of tempcleanup (a
// test's file moved under t.TempDir()) must not give another analyzer a
// new finding (a file still open when the t.TempDir() cleanup runs).
func TestTempCleanup(t *testing.T) {
	analysistest.RunSuiteWithSuggestedFixes(t, analysistest.TestData(), tempcleanup.Analyzer, passes.All(),
		"leaks", "quiet", "tests", "helpers", "crosspkg", "ownpaths", "shareddir")
}
