package main

import (
	"fmt"
	"io"
	"os"
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
// editors and CI log viewers link.
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

func (t *textWriter) write(findings []Finding) {
	for _, f := range findings {
		loc := fmt.Sprintf("%s:%d:%d:", relPath(f.File), f.Line, f.Col)
		fmt.Fprintf(t.w, "%s %s %s %s\n", t.style(styleBold, loc), t.style(severityStyle[f.class().Severity], f.class().Severity.String()+":"), t.style(styleName, "["+f.Analyzer+"]"), f.Message)
		if src := t.src.file(f.File); src != nil {
			if text := src.line(f.Line); strings.TrimSpace(text) != "" {
				endCol := 0
				if file, line, col := splitPosn(f.End); file == f.File && line == f.Line && col > f.Col {
					endCol = col
				}
				code, marks := caretLines(text, f.Col, endCol)
				fmt.Fprintf(t.w, "    %s\n    %s\n", code, t.style(styleCaret, marks))
			}
		}
		if len(f.Fixes) > 0 {
			fmt.Fprintf(t.w, "    %s\n", t.style(styleFix, "fix available: run with -fix"))
		}
		for _, r := range f.Related {
			file, line, col := splitPosn(r.Posn)
			fmt.Fprintf(t.w, "    %s %s\n", t.style(styleFaint, fmt.Sprintf("%s:%d:%d:", relPath(file), line, col)), r.Message)
		}
	}
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
