package temppattern

import "github.com/tempguard/tempguard/passes/internal/severity"

// worst returns the most severe of the categories of one call's problems
// (one diagnostic is reported per call).
func worst(cats []string) string {
	best := ""
	for _, c := range cats {
		if best == "" || severity.Of("", c).Severity > severity.Of("", best).Severity {
			best = c
		}
	}
	return best
}
