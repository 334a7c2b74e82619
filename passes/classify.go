package passes

import "github.com/tempguard/tempguard/passes/internal/severity"

// Class is the classification of a finding's category: severity, kind,
// SARIF security-severity and CWEs (see the table in
// passes/internal/severity).
type Class = severity.Class

// Severity is error, warning or note.
type Severity = severity.Severity

// Kind is security, reliability or hygiene.
type Kind = severity.Kind

// The kinds.
const (
	Security    = severity.Security
	Reliability = severity.Reliability
	Hygiene     = severity.Hygiene
)

// The severities, lowest first.
const (
	Note    = severity.Note
	Warning = severity.Warning
	Error   = severity.Error
)

// Classify returns the class of a diagnostic of the named analyzer with the
// given Category (empty: the analyzer's default category).
func Classify(analyzer, category string) Class { return severity.Of(analyzer, category) }

// ParseSeverity parses "error", "warning" or "note".
func ParseSeverity(s string) (Severity, error) { return severity.Parse(s) }

// Classes returns every category's class.
func Classes() []Class { return severity.All() }

// DefaultCategory returns the category of the named analyzer's diagnostics
// that carry none.
func DefaultCategory(analyzer string) string { return severity.Default(analyzer) }
