package tempmodel_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// TestGateKeepsCrossPackageFacts pins the facts the cheap relevance gate
// must not lose: a package that imports no file API but calls one that
// does (middle) is summarized, so a caller two packages down (top) learns
// that its argument is removed; a package that only closes an io.Closer
// parameter (closer) exports that. Functions whose summary says nothing
// export no fact.
func TestGateKeepsCrossPackageFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tempmodel.Analyzer,
		"example.com/chain/files", "example.com/chain/middle", "example.com/chain/top", "example.com/chain/closer")
}
