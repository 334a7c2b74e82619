// Package severity is the one table that classifies tempguard's findings.
//
// Each diagnostic carries a category in [analysis.Diagnostic.Category], set
// at the report site from what the pass proved (a path in a shared temp dir,
// a check that only makes a call redundant, a test that already removes its
// dir). The category decides the finding's severity (error, warning or
// note), its kind (security, reliability or hygiene), and for security
// findings a SARIF security-severity and CWE identifiers. The text, JSON,
// SARIF and LSP outputs, the exit-code threshold and the golangci-lint
// plugin all read this table, so they agree.
//
// A diagnostic reported without a category gets its analyzer's default
// category (see [Model.Report] in tempmodel and [Default]).
package severity

import "fmt"

// Severity is how much a finding matters; higher is worse.
type Severity int

const (
	Note Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// Parse parses "error", "warning" or "note".
func Parse(s string) (Severity, error) {
	for _, v := range []Severity{Note, Warning, Error} {
		if v.String() == s {
			return v, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or note)", s)
}

// Kind is what a finding is about.
type Kind string

const (
	Security    Kind = "security"    // another user or process can exploit it
	Reliability Kind = "reliability" // the program fails, leaks or loses data
	Hygiene     Kind = "hygiene"     // redundant or unidiomatic code, advice
)

// Class is the classification of one category.
type Class struct {
	Category string
	// Analyzer is the analyzer that reports the category ("" for any).
	Analyzer string
	Severity Severity
	Kind     Kind
	// SecuritySeverity is the SARIF security-severity (a CVSS-like score:
	// GitHub shows >= 9 critical, >= 7 high, >= 4 medium, else low), set
	// for security findings only.
	SecuritySeverity string
	CWE              []int
	// OffByDefault findings are advice users opt into (the test-advice
	// setting); drivers drop them unless enabled.
	OffByDefault bool
	// Summary says what the category means, for docs and SARIF.
	Summary string
}

// The categories. Their names are part of the JSON and SARIF output.
const (
	// predictabletemp
	PredictablePath = "predictable-path"

	// checkthenopen
	RaceSharedDir     = "race-shared-dir"     // the path is in a shared temp dir
	RaceSecurityCheck = "race-security-check" // the check is a symlink, permission or access check
	RaceUserInput     = "race-user-input"     // the path comes from user input
	Race              = "race"                // another process of the same user can interfere
	RedundantCheck    = "redundant-check"     // the call handles both outcomes itself (MkdirAll, RemoveAll)

	// tempcleanup
	Leak            = "leak"              // a temp file or dir is not removed on some path
	TestLeak        = "test-leak"         // the same in a test: use t.TempDir()
	TestTempDir     = "test-tempdir"      // a test that removes its temp dir itself: t.TempDir() is shorter
	RemoveSharedDir = "remove-shared-dir" // os.RemoveAll of the shared temp dir itself

	// tempreopen
	OpenReuse = "open-reuse"

	// tempperm
	PermWritable = "perm-writable"
	PermReadable = "perm-readable"

	// crossdevice
	CrossDevice = "cross-device"

	// temppattern
	PatternSeparator = "pattern-separator" // fails at run time
	PatternHardTmp   = "pattern-hard-tmp"  // ignores $TMPDIR
	PatternExtension = "pattern-extension" // the random part hides the extension

	// //tempguard:ignore comments (tempmodel.SuppressionCategory)
	Suppression = "suppression"
	// //tempguard:ignore comments that suppress nothing (tempmodel.UnusedCategory)
	UnusedSuppression = "suppression-unused"
)

var table = []Class{
	{PredictablePath, "predictabletemp", Error, Security, "7.0", []int{377, 59}, false,
		"a file, directory or link created at a name other users can predict in a shared temp dir"},
	{RaceSharedDir, "checkthenopen", Error, Security, "7.0", []int{367, 59}, false,
		"a check-then-use race on a path in a shared temp dir, where any local user can interfere"},
	{RaceSecurityCheck, "checkthenopen", Error, Security, "6.0", []int{367}, false,
		"a symlink, permission or access check that a path swap between check and use defeats"},
	{RaceUserInput, "checkthenopen", Warning, Security, "5.0", []int{367}, false,
		"a check-then-use race on a path that comes from user input"},
	{Race, "checkthenopen", Warning, Reliability, "", []int{367}, false,
		"a check-then-use race that another process can lose for the program"},
	{RedundantCheck, "checkthenopen", Note, Hygiene, "", nil, false,
		"a check the following call makes redundant (os.MkdirAll accepts an existing directory, os.RemoveAll a missing path)"},
	{Leak, "tempcleanup", Warning, Reliability, "", []int{459}, false,
		"a temporary file or directory that is not removed on some path"},
	{TestLeak, "tempcleanup", Warning, Reliability, "", []int{459}, false,
		"a test's temporary file or directory that is not removed on some path: t.TempDir() removes it"},
	{TestTempDir, "tempcleanup", Note, Hygiene, "", nil, true,
		"a test that removes its temporary directory itself, where t.TempDir() would do it"},
	{RemoveSharedDir, "tempcleanup", Error, Reliability, "", nil, false,
		"a recursive removal of the shared temp directory itself, which deletes every other program's files in it"},
	{OpenReuse, "tempreopen", Warning, Reliability, "", nil, false,
		"a file used by name while still open: fails on Windows or loses buffered data"},
	{PermWritable, "tempperm", Error, Security, "7.0", []int{732, 276}, false,
		"a file or directory in a shared temp dir that other users can write"},
	{PermReadable, "tempperm", Warning, Security, "5.0", []int{732, 276}, false,
		"a file or directory in a shared temp dir that other users can read"},
	{CrossDevice, "crossdevice", Warning, Reliability, "", nil, false,
		"a rename from the temp dir to another filesystem, which fails with EXDEV"},
	{PatternSeparator, "temppattern", Error, Reliability, "", nil, false,
		"a CreateTemp/MkdirTemp pattern with a path separator, an error at run time"},
	{PatternHardTmp, "temppattern", Warning, Reliability, "", nil, false,
		"a hard-coded /tmp that ignores $TMPDIR and does not exist on Windows"},
	{PatternExtension, "temppattern", Warning, Reliability, "", nil, false,
		"a CreateTemp pattern whose random part goes after the file extension"},
	{Suppression, "", Warning, Hygiene, "", nil, false,
		"a malformed or unjustified //tempguard:ignore comment"},
	{UnusedSuppression, "", Warning, Hygiene, "", nil, false,
		"a //tempguard:ignore or //tempguard:file-ignore comment that suppresses nothing"},
}

// defaults is each analyzer's category for diagnostics reported without one.
var defaults = map[string]string{
	"predictabletemp": PredictablePath,
	"checkthenopen":   Race,
	"tempcleanup":     Leak,
	"tempreopen":      OpenReuse,
	"tempperm":        PermReadable,
	"crossdevice":     CrossDevice,
	"temppattern":     PatternExtension,
}

// Default returns the category of an analyzer's diagnostics that carry
// none, or "".
func Default(analyzer string) string { return defaults[analyzer] }

// Of returns the class of a diagnostic of analyzer with category (which may
// be empty). Unknown categories are warnings of the reliability kind.
func Of(analyzer, category string) Class {
	if category == "" {
		category = defaults[analyzer]
	}
	for _, c := range table {
		if c.Category == category {
			return c
		}
	}
	return Class{Category: category, Analyzer: analyzer, Severity: Warning, Kind: Reliability}
}

// All returns every class, in the table's order.
func All() []Class { return append([]Class(nil), table...) }
