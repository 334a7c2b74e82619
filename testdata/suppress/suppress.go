// Package suppress exercises //tempguard:ignore comments. The expected
// findings are listed in want.txt; every other line must stay quiet.
package suppress

import "os"

// Control is not suppressed.
func Control() error {
	return os.WriteFile("/tmp/suppress-control", nil, 0o600)
}

// LineBefore is suppressed by a comment on the line before.
func LineBefore() error {
	//tempguard:ignore predictabletemp the directory is root-owned in our image
	return os.WriteFile("/tmp/suppress-line-before", nil, 0o600)
}

// SameLine is suppressed by a comment at the end of the line.
func SameLine() error {
	return os.WriteFile("/tmp/suppress-same-line", nil, 0o600) //tempguard:ignore predictabletemp root-owned directory
}

// SameLineOnly: a comment at the end of a line does not cover the next one.
func SameLineOnly() error {
	_ = os.WriteFile("/tmp/suppress-a", nil, 0o600) //tempguard:ignore predictabletemp root-owned directory
	return os.WriteFile("/tmp/suppress-b", nil, 0o600)
}

// TwoAnalyzers names both analyzers that report the line.
func TwoAnalyzers() error {
	//tempguard:ignore predictabletemp,tempperm the file is read by a daemon running as another user
	return os.WriteFile("/tmp/suppress-two-analyzers", nil, 0o644)
}

// MultiLine is a statement over several lines, covered by a comment at its
// end.
func MultiLine() error {
	return os.WriteFile(
		"/tmp/suppress-multi-line",
		nil, 0o600) //tempguard:ignore predictabletemp root-owned directory
}

// TwoLinesBefore: only the next line (or statement) is covered.
func TwoLinesBefore() error {
	//tempguard:ignore predictabletemp root-owned directory

	return os.WriteFile("/tmp/suppress-two-lines-before", nil, 0o600)
}

// WholeFunction is covered by the suppression in its doc comment.
//
//tempguard:ignore predictabletemp this runs only inside the build sandbox
func WholeFunction() error {
	if err := os.WriteFile("/tmp/suppress-func-1", nil, 0o600); err != nil {
		return err
	}
	return os.WriteFile("/tmp/suppress-func-2", nil, 0o600)
}

// NoReason is suppressed, and the comment is reported for lacking a reason.
func NoReason() error {
	//tempguard:ignore predictabletemp
	return os.WriteFile("/tmp/suppress-no-reason", nil, 0o600)
}

// OtherAnalyzer names another analyzer: the finding stays.
func OtherAnalyzer() error {
	//tempguard:ignore tempcleanup the file is removed by the caller
	return os.WriteFile("/tmp/suppress-other-analyzer", nil, 0o600)
}

// Misspelled names no analyzer it knows: reported, and the finding stays.
func Misspelled() error {
	//tempguard:ignore predictabletmp root-owned directory
	return os.WriteFile("/tmp/suppress-misspelled", nil, 0o600)
}

// NoNames is a bare directive: reported, and the finding stays.
func NoNames() error {
	//tempguard:ignore
	return os.WriteFile("/tmp/suppress-no-names", nil, 0o600)
}

// BlockHeader: a comment above an if covers its header, not its body.
func BlockHeader(ok bool) error {
	//tempguard:ignore predictabletemp root-owned directory
	if err := os.WriteFile("/tmp/suppress-if-header", nil, 0o600); err != nil || ok {
		return os.WriteFile("/tmp/suppress-if-body", nil, 0o600)
	}
	return nil
}
