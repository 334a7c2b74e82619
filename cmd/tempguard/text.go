package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tempguard/tempguard/passes"
)

// ANSI styles for the text format.
const (
	styleReset = "\x1b[0m"
	styleBold  = "\x1b[1m"
	styleName  = "\x1b[35m" // the [analyzer] tag
	styleCaret = "\x1b[1;31m"
	styleFix   = "\x1b[36m"
	styleFaint = "\x1b[2m"
)

// severityStyle colours the severity word as compilers do.
var severityStyle = map[passes.Severity]string{
	passes.Error:   "\x1b[1;31m",
	passes.Warning: "\x1b[1;33m",
	passes.Note:    "\x1b[1;36m",
}

// useColor reports whether to colour the text output written to w: only
// on a terminal, and never when NO_COLOR is set to a non-empty value
// (https://no-color.org) or TERM is "dumb".
func useColor(w io.Writer, getenv func(string) string) bool {
	if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// textWriter prints findings for people:
//
//	cache/cache.go:13:12: error: [predictabletemp] predictable temp file path ...
//	    f, err := os.Create(p)
//	              ^~~~~~~~~~~~
//	    fix available: run with -fix
//	    cache/cache.go:9:5: related information
//
// The first line of each finding keeps the file:line:col: shape that
// editors and CI log viewers link. Findings of several analyzers at the same
// place (one call that is both predictable and world-readable) share that
// line: the others follow it, each with its severity and analyzer, above
// the one source excerpt (see groupFindings).
type textWriter struct {
	w     io.Writer
	color bool
	src   *sources
}

func (t *textWriter) style(style, s string) string {
	if !t.color {
		return s
	}
	return style + s + styleReset
}

// head is a finding's "severity: [analyzer] message".
func (t *textWriter) head(f Finding) string {
	sev := f.class().Severity
	return fmt.Sprintf("%s %s %s", t.style(severityStyle[sev], sev.String()+":"), t.style(styleName, "["+f.Analyzer+"]"), f.Message)
}

func (t *textWriter) write(findings []Finding) {
	for _, g := range groupFindings(findings) {
		f := g[0]
		col := f.Col // the group's leftmost column
		for _, o := range g {
			col = min(col, o.Col)
		}
		loc := fmt.Sprintf("%s:%d:%d:", relPath(f.File), f.Line, col)
		fmt.Fprintf(t.w, "%s %s\n", t.style(styleBold, loc), t.head(f))
		for _, o := range g[1:] {
			fmt.Fprintf(t.w, "    %s %s\n", t.style(styleBold, "+"), t.head(o))
		}
		if src := t.src.file(f.File); src != nil {
			if text := src.line(f.Line); strings.TrimSpace(text) != "" {
				endCol := 0
				for _, o := range g {
					if file, line, c := splitPosn(o.End); file == f.File && line == f.Line && c > col {
						endCol = max(endCol, c)
					}
				}
				code, marks := caretLines(text, col, endCol)
				fmt.Fprintf(t.w, "    %s\n    %s\n", code, t.style(styleCaret, marks))
			}
		}
		var fixable []string
		for _, o := range g {
			if len(o.Fixes) > 0 {
				fixable = append(fixable, o.Analyzer)
			}
		}
		switch {
		case len(fixable) == 0:
		case len(g) == 1:
			fmt.Fprintf(t.w, "    %s\n", t.style(styleFix, "fix available: run with -fix"))
		default:
			fmt.Fprintf(t.w, "    %s\n", t.style(styleFix, "fix available ("+strings.Join(fixable, ", ")+"): run with -fix"))
		}
		for _, o := range g {
			for _, r := range o.Related {
				file, line, col := splitPosn(r.Posn)
				fmt.Fprintf(t.w, "    %s %s\n", t.style(styleFaint, fmt.Sprintf("%s:%d:%d:", relPath(file), line, col)), r.Message)
			}
		}
	}
}

// groupFindings splits findings (sorted by position, as parseVetJSON
// returns them) into groups of the findings that mark the same code: on
// the same line of the same file, each range overlapping the group's (the
// same call, or a call and its argument; a range that ends on a later line
// covers the rest of its first). Two calls on one line stay
// apart. A group's findings are in order of severity (the most severe
// first), then analyzer.
func groupFindings(findings []Finding) [][]Finding {
	var groups [][]Finding
	end := 0 // the current group's rightmost end column
	for _, f := range findings {
		e := f.Col + 1
		switch file, line, col := splitPosn(f.End); {
		case file == f.File && line == f.Line && col > f.Col:
			e = col
		case file == f.File && line > f.Line:
			e = math.MaxInt // to the end of the line
		}
		if n := len(groups); n > 0 {
			g := groups[n-1]
			if g[0].File == f.File && g[0].Line == f.Line && f.Col < end {
				groups[n-1] = append(g, f)
				end = max(end, e)
				continue
			}
		}
		groups = append(groups, []Finding{f})
		end = e
	}
	for _, g := range groups {
		sort.SliceStable(g, func(i, j int) bool {
			si, sj := g[i].class().Severity, g[j].class().Severity
			if si != sj {
				return si > sj
			}
			return g[i].Analyzer < g[j].Analyzer
		})
	}
	return groups
}

// caretLines returns a source line without its indentation and the line
// that marks byte columns [col, endCol) under it with ^~~~ (endCol 0: one
// caret). Tabs in the marked line stay tabs so the marks line up whatever
// the tab width.
func caretLines(text string, col, endCol int) (code, marks string) {
	indent := len(text) - len(strings.TrimLeft(text, " \t"))
	code = text[indent:]
	start := min(max(col-1-indent, 0), len(code))
	var b strings.Builder
	for _, r := range code[:start] {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('^')
	if endCol > col {
		end := min(max(endCol-1-indent, start), len(code))
		if n := utf8.RuneCountInString(code[start:end]); n > 1 {
			b.WriteString(strings.Repeat("~", n-1))
		}
	}
	return code, b.String()
}
