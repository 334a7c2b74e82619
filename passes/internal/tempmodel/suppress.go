package tempmodel

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"github.com/tempguard/tempguard/passes/internal/severity"
	"golang.org/x/tools/go/analysis"
)

// Directive is the comment prefix of a suppression.
const Directive = "//tempguard:ignore"

// SuppressionCategory is the Category of the diagnostics about malformed or
// reason-less suppressions (so that SARIF can give them a rule of their own).
const SuppressionCategory = severity.Suppression

// AnalyzerNames are the names a suppression may list: tempguard's
// analyzers (a public contract; passes_test checks it against the registry).
var AnalyzerNames = []string{
	"predictabletemp", "checkthenopen", "tempcleanup", "tempreopen",
	"tempperm", "crossdevice", "temppattern",
}

// suppression is one //tempguard:ignore comment.
//
// The rules (also in the package doc and the README):
//
//   - It names one or more analyzers, comma-separated, then a reason:
//     `//tempguard:ignore tempperm,predictabletemp the socket is for root only`.
//   - On a line of its own it covers the next line; when a statement
//     starts there, it covers the whole statement (up to the `{` of a block
//     it contains, never the block's body). At the end of a line of code it
//     covers that line and the statement that ends there. In a function's
//     doc comment it covers the whole function.
//   - Without a reason it still suppresses, and is reported.
//   - A name that is not an analyzer is reported (with the nearest name);
//     the analyzers it does name correctly are still suppressed. A
//     suppression that names no analyzer suppresses nothing and is reported.
//   - Each problem is reported once, by the first analyzer the comment names
//     correctly, or by predictabletemp when it names none.
type suppression struct {
	pos       token.Pos
	analyzers []string // known analyzer names
	unknown   []string // names that are not analyzers
	reason    string
	from, to  int // line range it covers, in its file
	file      *token.File
}

type suppressions struct {
	list []*suppression
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// ParseSuppression parses the text of a //tempguard:ignore comment into
// the names it lists (known or not) and its reason. ok is false if text
// is not a suppression at all.
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
	for a := range strings.SplitSeq(fields[0], ",") {
		if a = strings.TrimSpace(a); a != "" {
			analyzers = append(analyzers, a)
		}
	}
	// "//tempguard:ignore x // why", in the style of //nolint, works too.
	reason = strings.TrimSpace(strings.TrimPrefix(strings.Join(fields[1:], " "), "//"))
	return analyzers, reason, true
}

// suppressionsList returns the package's suppressions, parsed on first use
// (by each pass's own copy of the model: passes run concurrently).
func (m *Model) suppressionsList() *suppressions {
	if m.supp == nil {
		m.supp = parseSuppressions(m.pass)
	}
	return m.supp
}

// parseSuppressions finds the suppressions of a package.
func parseSuppressions(pass *analysis.Pass) *suppressions {
	s := &suppressions{}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		var here []*suppression
		var cgs []*ast.CommentGroup
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				names, reason, ok := ParseSuppression(c.Text)
				if !ok {
					continue
				}
				sp := &suppression{pos: c.Pos(), reason: reason, file: tf}
				for _, n := range names {
					if slices.Contains(AnalyzerNames, n) {
						sp.analyzers = append(sp.analyzers, n)
					} else {
						sp.unknown = append(sp.unknown, n)
					}
				}
				here = append(here, sp)
				cgs = append(cgs, cg)
			}
		}
		if len(here) == 0 {
			continue
		}
		scopeSuppressions(f, tf, here, cgs)
		s.list = append(s.list, here...)
	}
	return s
}

// scopeSuppressions sets the line range each suppression of file f covers.
func scopeSuppressions(f *ast.File, tf *token.File, sps []*suppression, cgs []*ast.CommentGroup) {
	line := func(p token.Pos) int { return tf.Line(p) }
	funcDoc := map[*ast.CommentGroup]*ast.FuncDecl{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
			funcDoc[fd.Doc] = fd
		}
	}
	type state struct {
		sp        *suppression
		l         int       // line of the comment
		lineStart token.Pos // start of that line
		trailing  bool      // code before the comment on its line
		next      ast.Node  // outermost statement starting on the next line
	}
	var todo []*state
	for i, sp := range sps {
		l := line(sp.pos)
		sp.from, sp.to = l, l+1
		if fd := funcDoc[cgs[i]]; fd != nil {
			sp.from, sp.to = line(fd.Pos()), line(fd.End())
			continue
		}
		todo = append(todo, &state{sp: sp, l: l, lineStart: tf.LineStart(l)})
	}
	if len(todo) == 0 {
		return
	}
	// One walk finds, for each comment, whether code precedes it on its
	// line, the statement starting on the next line, and the statements
	// ending on its line.
	ending := map[*state][]ast.Node{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.CommentGroup, *ast.Comment:
			return false
		}
		for _, st := range todo {
			if p, e := n.Pos(), n.End(); p >= st.lineStart && p < st.sp.pos || e > st.lineStart && e <= st.sp.pos {
				st.trailing = true
			}
			if !statementLike(n) {
				continue
			}
			if st.next == nil && line(n.Pos()) == st.l+1 {
				st.next = n
			}
			if line(n.End()) == st.l && line(n.Pos()) < st.l {
				ending[st] = append(ending[st], n)
			}
		}
		return true
	})
	for _, st := range todo {
		sp := st.sp
		if st.trailing {
			sp.from, sp.to = st.l, st.l
			for _, n := range ending[st] {
				if clippedEnd(tf, n) == st.l && line(n.Pos()) < sp.from {
					sp.from = line(n.Pos())
				}
			}
			continue
		}
		if st.next != nil {
			sp.to = max(sp.to, clippedEnd(tf, st.next))
		}
	}
}

// statementLike reports whether a suppression above n should cover all of n.
func statementLike(n ast.Node) bool {
	switch n.(type) {
	case ast.Stmt, ast.Spec, *ast.GenDecl:
		return true
	}
	return false
}

// clippedEnd is the last line of n, or of its part before the first block
// (a body of if, for, switch, case, or a function literal) it contains.
func clippedEnd(tf *token.File, n ast.Node) int {
	end := tf.Line(n.End())
	ast.Inspect(n, func(c ast.Node) bool {
		switch c := c.(type) {
		case *ast.BlockStmt:
			end = min(end, tf.Line(c.Lbrace))
			return false
		case *ast.CaseClause:
			end = min(end, tf.Line(c.Colon))
			return false
		case *ast.CommClause:
			end = min(end, tf.Line(c.Colon))
			return false
		}
		return true
	})
	return end
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
		if slices.Contains(s.analyzers, analyzer) {
			return true
		}
	}
	return false
}

// reporter is the analyzer that reports the problems of a suppression.
func (s *suppression) reporter() string {
	if len(s.analyzers) > 0 {
		return s.analyzers[0]
	}
	return "predictabletemp"
}

// problems describes what is wrong with a suppression, if anything.
func (s *suppression) problems() []string {
	var out []string
	if len(s.analyzers) == 0 && len(s.unknown) == 0 {
		return []string{fmt.Sprintf("%s names no analyzer and suppresses nothing: write %s <analyzer>[,<analyzer>] <why this is safe> (analyzers: %s)",
			Directive, Directive, strings.Join(AnalyzerNames, ", "))}
	}
	for _, u := range s.unknown {
		msg := fmt.Sprintf("%s: %q is not a tempguard analyzer", Directive, u)
		if near := nearestName(u); near != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", near)
		} else {
			msg += fmt.Sprintf(" (analyzers: %s)", strings.Join(AnalyzerNames, ", "))
		}
		if len(s.analyzers) == 0 {
			msg += ", so the comment suppresses nothing"
		}
		out = append(out, msg)
	}
	if s.reason == "" && len(s.analyzers) > 0 {
		out = append(out, fmt.Sprintf("%s needs a reason: write %s %s <why this is safe>",
			Directive, Directive, strings.Join(s.analyzers, ",")))
	}
	return out
}

// nearestName returns the analyzer name within edit distance 3 of s, if any.
func nearestName(s string) string {
	best, bestD := "", 4
	for _, n := range AnalyzerNames {
		if d := editDistance(strings.ToLower(s), n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Get returns the model for pass (which must require [Analyzer]) and
// reports what is wrong with the package's //tempguard:ignore comments
// (no reason, no analyzer, a name that is not an analyzer), each problem
// once: by the first analyzer the comment names, or by predictabletemp.
//
// Each pass gets its own copy of the model ([Model.forPass]): the passes of
// a package run concurrently and the model fills its caches lazily.
func Get(pass *analysis.Pass) *Model {
	m := pass.ResultOf[Analyzer].(*Model)
	if !m.Relevant {
		return m
	}
	m = m.forPass()
	for _, s := range m.suppressionsList().list {
		if s.reporter() != pass.Analyzer.Name {
			continue
		}
		for _, msg := range s.problems() {
			pass.Report(analysis.Diagnostic{Pos: s.pos, Category: SuppressionCategory, URL: "https://github.com/tempguard/tempguard#suppressing-a-finding", Message: msg})
		}
	}
	return m
}
