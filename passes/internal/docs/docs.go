// Package docs extracts an analyzer's documentation from the package
// comment of its doc.go, so that the comment is the only copy: the
// analyzer's Doc (`tempguard help NAME`, go vet's help, SARIF rules), the
// README's checks table and its section on the analyzer are all made from
// it.
//
// The package comment of passes/NAME/doc.go has this form, as in
// golang.org/x/tools/go/analysis/passes:
//
//	// Package NAME defines an Analyzer that ...
//	//
//	// # Analyzer NAME
//	//
//	// NAME: one-line summary, a verb phrase
//	//
//	// The full description, which may have headings of its own ...
//	//
//	// Fix: what the suggested fixes do, in one short paragraph.
//	//
//	// ...
//	package NAME
//
// and the analyzer declares Doc: docText, the constant that
// passes/internal/docs/docgen writes to passes/NAME/doc_gen.go from the
// comment with [Extract] (go generate ./passes/...; a test fails while it
// is stale). The comment is read when the code is generated, not at every
// process start: the go command starts a vet tool once per package.
//
// Unlike x/tools, whose section ends at the next heading of any kind, the
// section of an analyzer runs to the next "# Analyzer" heading or the end
// of the comment: tempguard's descriptions have headings of their own
// ("# What stays quiet", "# Fixes").
//
// The section must contain exactly one top-level paragraph that starts
// with "Fix: ", saying in a sentence or two what fixes are offered (or
// that none is): the README's checks table shows it beside the summary.
package docs

import (
	"fmt"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"strings"
)

// FixPrefix starts the paragraph that says which fixes an analyzer offers.
const FixPrefix = "Fix: "

// Extract returns the "# Analyzer name" section of the package comment of
// content, the text of a doc.go file, in the form Analyzer.Doc expects:
// the one-line summary that follows "name: ", a blank line, then the rest
// of the section (the description, with its own headings if any).
//
// Extract runs in every analyzer's package initialization, so in each of
// the go command's vet-tool processes (one per package): it checks only
// what it can see in the text (the heading, the summary line, a body).
// [Parse], which runs go/doc/comment's parser to find the 'Fix: '
// paragraph, is for tests and the README generator; the passes' tests
// call it on every analyzer's Doc.
func Extract(content, name string) (string, error) {
	if content == "" {
		return "", fmt.Errorf("empty Go source file")
	}
	text, err := packageComment(content)
	if err != nil {
		return "", err
	}
	text = "\n" + text
	heading := "\n# Analyzer " + name + "\n"
	i := strings.Index(text, heading)
	if i < 0 {
		return "", fmt.Errorf("package doc comment has no %q heading", strings.TrimSpace(heading))
	}
	section := text[i+len(heading):]
	if strings.Contains(section, heading) {
		return "", fmt.Errorf("package doc comment has two %q headings", strings.TrimSpace(heading))
	}
	if j := strings.Index(section, "\n# Analyzer "); j >= 0 {
		section = section[:j]
	}
	section = strings.TrimSpace(section)
	first, rest, _ := strings.Cut(section, "\n")
	summary, ok := strings.CutPrefix(first, name+":")
	if !ok {
		return "", fmt.Errorf("%q heading not followed by a %q line", strings.TrimSpace(heading), name+": summary")
	}
	d, err := split(strings.TrimSpace(summary) + "\n" + rest)
	if err != nil {
		return "", err
	}
	return d.Summary + "\n\n" + d.Body, nil
}

// packageComment returns the text of content's package doc comment, as
// go/ast's CommentGroup.Text gives it. A package comment of line comments
// only (every doc.go of tempguard's) is read from the lines themselves;
// any other form is left to go/parser.
func packageComment(content string) (string, error) {
	lines := strings.Split(content, "\n")
	var group []string // the line comments just above the package clause
scan:
	for _, line := range lines {
		t := strings.TrimRight(line, " \t\r")
		switch {
		case strings.HasPrefix(t, "//"):
			group = append(group, t)
			continue
		case t == "":
			group = nil
			continue
		case strings.HasPrefix(t, "package ") && len(group) > 0:
			return commentText(group), nil
		}
		break scan
	}
	return parsedPackageComment(content)
}

// commentText is go/ast's CommentGroup.Text for a group of line comments:
// the markers and one following space removed, directives (//go:embed,
// //tempguard:ignore) dropped, trailing spaces cut, runs of blank lines
// collapsed and blank lines at either end removed, a final newline added.
func commentText(group []string) string {
	var out []string
	for _, c := range group {
		c = c[2:]
		if isDirective(c) {
			continue
		}
		c = strings.TrimPrefix(c, " ")
		out = append(out, strings.TrimRight(c, " \t\n\r\f\v"))
	}
	var b strings.Builder
	blank := 0
	for _, l := range out {
		if l == "" {
			blank++
			continue
		}
		if b.Len() > 0 && blank > 0 {
			b.WriteString("\n")
		}
		blank = 0
		b.WriteString(l)
		b.WriteString("\n")
	}
	return b.String()
}

// isDirective is go/ast's test for a "//line" or "//word:rest" comment.
func isDirective(c string) bool {
	if strings.HasPrefix(c, "line ") {
		return true
	}
	colon := strings.Index(c, ":")
	if colon <= 0 || colon+1 >= len(c) {
		return false
	}
	for i := 0; i <= colon+1; i++ {
		if i == colon {
			continue
		}
		b := c[i]
		if !('a' <= b && b <= 'z' || '0' <= b && b <= '9') {
			return false
		}
	}
	return true
}

// parsedPackageComment is packageComment by go/parser.
func parsedPackageComment(content string) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("not a Go source file: %v", err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("no package doc comment")
	}
	return f.Doc.Text(), nil
}

// Doc is an Analyzer.Doc taken apart.
type Doc struct {
	// Summary is the first line, a verb phrase without a final period.
	Summary string
	// Body is the rest, in doc comment syntax (go/doc/comment).
	Body string
	// Fix is the text of the paragraph that starts with [FixPrefix],
	// without the prefix, on one line.
	Fix string
}

// Parse takes apart an Analyzer.Doc made by [Extract]. It reports an error
// when the summary is missing or longer than a line (help output shows
// the first line only) or when the body has no paragraph, or more than
// one, that starts with [FixPrefix].
func Parse(doc string) (Doc, error) {
	d, err := split(doc)
	if err != nil {
		return Doc{}, err
	}
	var fixes []string
	for _, b := range new(comment.Parser).Parse(d.Body).Content {
		p, ok := b.(*comment.Paragraph)
		if !ok {
			continue
		}
		if t := plain(p.Text); strings.HasPrefix(t, FixPrefix) {
			fixes = append(fixes, strings.TrimSpace(strings.TrimPrefix(t, FixPrefix)))
		}
	}
	switch {
	case len(fixes) == 0:
		return Doc{}, fmt.Errorf("no paragraph starting %q says which fixes are offered", FixPrefix)
	case len(fixes) > 1:
		return Doc{}, fmt.Errorf("%d paragraphs start with %q; want one", len(fixes), FixPrefix)
	case fixes[0] == "":
		return Doc{}, fmt.Errorf("empty %q paragraph", FixPrefix)
	}
	d.Fix = fixes[0]
	return d, nil
}

// split takes a Doc apart into its summary line and body, checking what
// the text shows; [Parse] also finds the 'Fix: ' paragraph.
func split(doc string) (Doc, error) {
	summary, body, _ := strings.Cut(doc, "\n")
	summary = strings.TrimSpace(summary)
	if summary == "" {
		return Doc{}, fmt.Errorf("empty summary line")
	}
	if strings.HasSuffix(summary, ".") {
		return Doc{}, fmt.Errorf("summary line %q ends with a period", summary)
	}
	if body != "" && !strings.HasPrefix(body, "\n") {
		return Doc{}, fmt.Errorf("summary %q continues on a second line (it must be one line, then a blank line)", summary)
	}
	body = strings.TrimSpace(body)
	if body == "" {
		return Doc{}, fmt.Errorf("no description after the summary line")
	}
	return Doc{Summary: summary, Body: body}, nil
}

// plain returns the text of a paragraph on one line.
func plain(text []comment.Text) string {
	var b strings.Builder
	var walk func([]comment.Text)
	walk = func(text []comment.Text) {
		for _, t := range text {
			switch t := t.(type) {
			case comment.Plain:
				b.WriteString(string(t))
			case comment.Italic:
				b.WriteString(string(t))
			case *comment.Link:
				walk(t.Text)
			case *comment.DocLink:
				walk(t.Text)
			}
		}
	}
	walk(text)
	return strings.Join(strings.Fields(b.String()), " ")
}
