package tempreopen_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/tempreopen"
)

// Look-alikes that must stay quiet.
func TestQuiet(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), tempreopen.Analyzer, "quiet")
}
