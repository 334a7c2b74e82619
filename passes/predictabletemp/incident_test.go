package predictabletemp_test

import (
	"testing"

	"github.com/tempguard/tempguard/analysistest"
	"github.com/tempguard/tempguard/passes/predictabletemp"
)

// TestIncidentOutputDir: the Incus GHSA-73hr-m85f-64v9 shape (an output
// directory at a predictable temp name, accepted when it exists, then
// written into) and its fixed form (os.MkdirTemp and an *os.Root), which
// stays quiet.
func TestIncidentOutputDir(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), predictabletemp.Analyzer, "incidentdir")
}
