package docs_test

import (
	"strings"
	"testing"

	"github.com/tempguard/tempguard/passes/internal/docs"
)

const good = `// Package halting defines an Analyzer that reports loops.
//
// # Analyzer halting
//
// halting: report loops that never end
//
// The halting analyzer reports a diagnostic for functions
// that run forever.
//
// # What stays quiet
//
// Loops with a break.
//
// Fix: insert a break.
//
//	for {
//	}
//
// # Analyzer other
//
// other: report other things
//
// Fix: none.
package halting

import _ "embed"

//go:embed doc.go
var doc string
`

func TestExtract(t *testing.T) {
	got, err := docs.Extract(good, "halting")
	if err != nil {
		t.Fatal(err)
	}
	want := "report loops that never end\n\n" +
		"The halting analyzer reports a diagnostic for functions\nthat run forever.\n\n" +
		"# What stays quiet\n\nLoops with a break.\n\nFix: insert a break.\n\n\tfor {\n\t}"
	if got != want {
		t.Errorf("Extract(halting) =\n%q\nwant\n%q", got, want)
	}
	d, err := docs.Parse(got)
	if err != nil {
		t.Fatal(err)
	}
	if d.Summary != "report loops that never end" || d.Fix != "insert a break." || !strings.HasPrefix(d.Body, "The halting analyzer") {
		t.Errorf("Parse = %+v", d)
	}
	// The last section runs to the end of the comment.
	if got, err := docs.Extract(good, "other"); err != nil || got != "report other things\n\nFix: none." {
		t.Errorf("Extract(other) = %q, %v", got, err)
	}
}

func TestExtractErrors(t *testing.T) {
	doc := func(comment string) string {
		return "// " + strings.ReplaceAll(comment, "\n", "\n// ") + "\npackage p\n"
	}
	for _, tc := range []struct {
		name, content, want string
	}{
		{"empty", "", "empty Go source file"},
		{"not Go", "this is not Go", "not a Go source file"},
		{"no comment", "package p\n", "no package doc comment"},
		{"no heading", doc("Package p does things.\n\nhalting: report loops\n\nFix: none."), `no "# Analyzer halting" heading`},
		{"other analyzer", doc("# Analyzer looping\n\nlooping: report loops\n\nFix: none."), `no "# Analyzer halting" heading`},
		{"heading twice", doc("# Analyzer halting\n\nhalting: report loops\n\nFix: none.\n\n# Analyzer halting\n\nhalting: again\n\nFix: none."), "two"},
		{"no summary line", doc("# Analyzer halting\n\nReports loops.\n\nFix: none."), `not followed by a "halting: summary" line`},
		{"summary of another name", doc("# Analyzer halting\n\nlooping: report loops\n\nFix: none."), `not followed by a "halting: summary" line`},
		{"empty summary", doc("# Analyzer halting\n\nhalting:\n\nFix: none."), "empty summary"},
		{"summary period", doc("# Analyzer halting\n\nhalting: report loops.\n\nFix: none."), "ends with a period"},
		{"summary two lines", doc("# Analyzer halting\n\nhalting: report loops\nthat never end\n\nFix: none."), "continues on a second line"},
		{"no body", doc("# Analyzer halting\n\nhalting: report loops"), "no description"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := docs.Extract(tc.content, "halting")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Extract = %q, %v; want an error containing %q", got, err, tc.want)
			}
		})
	}
}

// TestParseErrors: the 'Fix: ' paragraph is checked by Parse (docgen, the
// passes' tests and the README generator call it on every analyzer's Doc),
// not by Extract.
func TestParseErrors(t *testing.T) {
	doc := func(comment string) string {
		return "// " + strings.ReplaceAll(comment, "\n", "\n// ") + "\npackage p\n"
	}
	for _, tc := range []struct {
		name, content, want string
	}{
		{"no fix", doc("# Analyzer halting\n\nhalting: report loops\n\nThey never end."), `no paragraph starting "Fix: "`},
		{"fix only in a list", doc("# Analyzer halting\n\nhalting: report loops\n\n  - Fix: a break."), `no paragraph starting "Fix: "`},
		{"fix in the next section", doc("# Analyzer halting\n\nhalting: report loops\n\nText.\n\n# Analyzer other\n\nother: report\n\nFix: none."), `no paragraph starting "Fix: "`},
		{"two fixes", doc("# Analyzer halting\n\nhalting: report loops\n\nFix: a break.\n\nFix: a return."), "2 paragraphs"},
		{"empty fix", doc("# Analyzer halting\n\nhalting: report loops\n\nFix:"), `no paragraph starting "Fix: "`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := docs.Extract(tc.content, "halting")
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if d, err := docs.Parse(got); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse = %+v, %v; want an error containing %q", d, err, tc.want)
			}
		})
	}
}
