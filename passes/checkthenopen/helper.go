package checkthenopen

import (
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

type helperSummary struct {
	param     int
	index     int
	trueMeans outcome // outPresent, outMissing or outPerm
	// errResult: the wrapper returns an error, nil when trueMeans holds.
	errResult bool
	// orType: trueMeans is outPresent, and false means "missing or not
	// of the tested type" (isDir).
	orType bool
	// missingOrFailed, presentOrFailed: the result that says missing
	// (present) is also returned when the check failed otherwise.
	missingOrFailed, presentOrFailed bool
}

// helperFor returns what fn's summary says about it as an existence-check
// wrapper (the shared layer's Summary.Exists, for this package's functions
// and, through the Summary fact, for other packages'), or nil.
func helperFor(m *tempmodel.Model, fn *types.Func) *helperSummary {
	f := m.Exists(fn)
	if f == nil {
		return nil
	}
	h := &helperSummary{param: f.Param, index: f.Index, trueMeans: outPresent, errResult: f.ErrResult, orType: f.OrType,
		missingOrFailed: f.MissingOrFailed, presentOrFailed: f.PresentOrFailed}
	switch {
	case f.Permission:
		h.trueMeans = outPerm
	case f.TrueMeansMissing:
		h.trueMeans = outMissing
	}
	return h
}
