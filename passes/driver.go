package passes

import (
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// What drivers (the CLI, the vet tool, the golangci-lint plugin, the
// language server) tell the analyzers, and what the analyzers tell them
// back about suppressions. See the README's "Suppressing a finding".

// Diagnostic categories of the suppression machinery.
const (
	// SuppressionCategory: a malformed or reason-less //tempguard:ignore
	// or //tempguard:file-ignore comment.
	SuppressionCategory = tempmodel.SuppressionCategory
	// UnusedCategory: a //tempguard:ignore or //tempguard:file-ignore
	// comment names an analyzer that ran and had nothing to suppress there.
	UnusedCategory = tempmodel.UnusedCategory
	// SuppressedCategory (alone or followed by "/" and the diagnostic's
	// own category) marks a suppressed diagnostic when SetKeepSuppressed
	// is on; its last Related entry is the suppressing comment.
	SuppressedCategory = tempmodel.SuppressedCategory
)

// SetKeepSuppressed makes the analyzers of this process report the
// diagnostics that a directive suppresses, marked with SuppressedCategory,
// instead of dropping them.
func SetKeepSuppressed(on bool) { tempmodel.SetKeepSuppressed(on) }

// SetEnabled tells the analyzers which of them this process runs (nil:
// all), so that a problem with a suppression comment is reported once by
// one that runs.
func SetEnabled(names []string) { tempmodel.SetEnabled(names) }

// SetDriverNolint lists the //nolint names the driver applies itself
// ("" for a bare //nolint, "all", the linter names golangci-lint knows);
// the analyzers apply the others. nil: the analyzers apply every //nolint.
func SetDriverNolint(names []string) { tempmodel.SetDriverNolint(names) }

// DirectiveReason returns the reason given in a suppression comment's text
// and whether the text is a suppression comment.
func DirectiveReason(text string) (string, bool) { return tempmodel.DirectiveReason(text) }

var (
	finishing     []*analysis.Analyzer
	finishingOnce sync.Once
)

// withFinish returns a copy of each analyzer whose Run, once the pass has
// run, reports the suppression comments that name it and suppressed
// nothing (tempmodel.Finish). Built once, so All returns the same
// analyzers on every call.
func withFinish(as []*analysis.Analyzer) []*analysis.Analyzer {
	finishingOnce.Do(func() {
		for _, a := range as {
			w := *a
			run := a.Run
			w.Run = func(pass *analysis.Pass) (any, error) {
				res, err := run(pass)
				if err == nil {
					tempmodel.Finish(pass)
				}
				return res, err
			}
			finishing = append(finishing, &w)
		}
	})
	return finishing
}
