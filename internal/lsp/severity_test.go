package lsp

import (
	"testing"

	"github.com/tempguard/tempguard/passes"
)

// The editor shows a finding with the severity of its category, as the
// CLI's text, JSON and SARIF do.
func TestLSPSeverity(t *testing.T) {
	for _, tc := range []struct {
		analyzer, category string
		want               int
	}{
		{"predictabletemp", "predictable-path", SeverityError},
		{"checkthenopen", "redundant-check", SeverityInformation},
		{"tempreopen", "", SeverityWarning},
		{"tempcleanup", "test-tempdir", SeverityInformation},
		{"fixme", "", SeverityWarning},
	} {
		if got := lspSeverity(passes.Classify(tc.analyzer, tc.category).Severity); got != tc.want {
			t.Errorf("%s/%s: severity %d, want %d", tc.analyzer, tc.category, got, tc.want)
		}
	}
}
