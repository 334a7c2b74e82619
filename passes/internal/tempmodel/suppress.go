package tempmodel

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Directive is the comment prefix of a suppression.
const Directive = "//tempguard:ignore"

// suppression is one //tempguard:ignore comment.
type suppression struct {
	pos       token.Pos
	analyzers []string // empty: malformed
	reason    string
	from, to  int // line range it covers, in its file
	file      *token.File
}

type suppressions struct {
	list []*suppression
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// ParseSuppression parses the text of a //tempguard:ignore comment.
// ok is false if text is not a suppression at all.
func ParseSuppression(text string) (analyzers []string, reason string, ok bool) {
	if !strings.HasPrefix(text, Directive) {
		return nil, "", false
	}
	rest := text[len(Directive):]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return nil, "", false
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return nil, "", true
	}
	for _, a := range strings.Split(fields[0], ",") {
		if a = strings.TrimSpace(a); a != "" {
			analyzers = append(analyzers, a)
		}
	}
	reason = strings.TrimSpace(strings.Join(fields[1:], " "))
	return analyzers, reason, true
}

func (m *Model) suppressionsList() *suppressions {
	if m.supp != nil {
		return m.supp
	}
	s := &suppressions{}
	m.supp = s
	for _, f := range m.pass.Files {
		tf := m.pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		funcDoc := map[*ast.CommentGroup]*ast.FuncDecl{}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
				funcDoc[fd.Doc] = fd
			}
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				names, reason, ok := ParseSuppression(c.Text)
				if !ok {
					continue
				}
				line := tf.Line(c.Pos())
				sp := &suppression{pos: c.Pos(), analyzers: names, reason: reason, file: tf, from: line, to: line + 1}
				if fd := funcDoc[cg]; fd != nil {
					sp.from, sp.to = tf.Line(fd.Pos()), tf.Line(fd.End())
				}
				s.list = append(s.list, sp)
			}
		}
	}
	return s
}

func (m *Model) suppressed(analyzer string, pos token.Pos) bool {
	tf := m.pass.Fset.File(pos)
	if tf == nil {
		return false
	}
	line := tf.Line(pos)
	for _, s := range m.suppressionsList().list {
		if s.file != tf || line < s.from || line > s.to {
			continue
		}
		if slices.Contains(s.analyzers, analyzer) || slices.Contains(s.analyzers, "all") {
			return true
		}
	}
	return false
}

// Get returns the model for pass (which must require [Analyzer]) and
// reports the suppressions naming pass's analyzer that give no reason.
func Get(pass *analysis.Pass) *Model {
	m := pass.ResultOf[Analyzer].(*Model)
	if !m.Relevant {
		return m
	}
	for _, s := range m.suppressionsList().list {
		if s.reason != "" || !(slices.Contains(s.analyzers, pass.Analyzer.Name) || len(s.analyzers) == 0 && pass.Analyzer.Name == "predictabletemp") {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:     s.pos,
			Message: fmt.Sprintf("%s needs a reason: write %s %s <why this is safe>", Directive, Directive, strings.Join(s.analyzers, ",")),
		})
	}
	return m
}
