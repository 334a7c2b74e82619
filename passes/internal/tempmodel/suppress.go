package tempmodel

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/tempguard/tempguard/passes/internal/severity"
	"golang.org/x/tools/go/analysis"
)

// Directive is the comment prefix of a suppression.
const Directive = "//tempguard:ignore"

// FileDirective is the comment prefix of a suppression that covers its
// whole file: `//tempguard:file-ignore <analyzer>[,<analyzer>] <reason>`.
const FileDirective = "//tempguard:file-ignore"

// SuppressionCategory is the Category of the diagnostics about malformed or
// reason-less suppressions (so that SARIF can give them a rule of their own).
const SuppressionCategory = severity.Suppression

// UnusedCategory is the Category of the diagnostics about a
// //tempguard:ignore or //tempguard:file-ignore comment that names an
// analyzer which ran and found nothing there to suppress.
const UnusedCategory = severity.UnusedSuppression

// suppressionURL documents suppressions.
const suppressionURL = "https://github.com/tempguard/tempguard#suppressing-a-finding"

// SuppressedCategory marks, when [SetKeepSuppressed] is on, a diagnostic
// that a directive suppressed: its Category is SuppressedCategory, or
// SuppressedCategory+"/"+its own category, and its last Related entry is
// the directive (position and full comment text). Drivers that keep
// suppressed findings (the CLI's SARIF output) turn these into SARIF
// suppressions and drop them everywhere else.
const SuppressedCategory = "tempguard-suppressed"

// AnalyzerNames are the names a suppression may list: tempguard's
// analyzers, in order. This is the one list of their names, here because
// the analyzers' shared layer needs it and cannot import the registry:
// passes_test checks that passes.All() has exactly these analyzers, in
// this order, and everything else (help, the README's generated checks
// table and sections, configuration, the golangci-lint plugin, SARIF
// rules) asks passes.All() or passes.Names().
var AnalyzerNames = []string{
	"predictabletemp", "checkthenopen", "tempcleanup", "tempreopen",
	"tempperm", "crossdevice", "temppattern",
}

// Settings of the driver, for the whole process (each driver runs one
// configuration per process: the vet tool per package, golangci-lint and
// the language server once).
var (
	keepSuppressed atomic.Bool
	enabledSet     atomic.Pointer[[]string]
	driverNolint   atomic.Pointer[map[string]bool]
)

// SetKeepSuppressed makes passes report suppressed diagnostics, marked as
// described at [SuppressedCategory], instead of dropping them.
func SetKeepSuppressed(on bool) { keepSuppressed.Store(on) }

// SetEnabled tells the model which analyzers this process runs (nil: all).
// Problems with a suppression are reported by the first of them that the
// comment names, else by the first enabled analyzer, so that they are
// reported once whichever analyzers are enabled.
func SetEnabled(names []string) {
	if names == nil {
		enabledSet.Store(nil)
		return
	}
	c := slices.Clone(names)
	enabledSet.Store(&c)
}

// SetDriverNolint lists the //nolint names that the driver applies itself
// ("" for a bare //nolint, "all", and the linter names golangci-lint knows
// tempguard by), which the passes must then leave to it: golangci-lint's
// nolintlint reports a //nolint directive as unused unless golangci-lint
// itself matched a finding to it. nil: the passes apply every //nolint.
func SetDriverNolint(names []string) {
	if names == nil {
		driverNolint.Store(nil)
		return
	}
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	driverNolint.Store(&m)
}

func enabled() []string {
	if p := enabledSet.Load(); p != nil {
		return *p
	}
	return AnalyzerNames
}

// directiveKind tells the three kinds of suppression apart.
type directiveKind int

const (
	kindIgnore     directiveKind = iota // //tempguard:ignore
	kindFileIgnore                      // //tempguard:file-ignore
	kindNolint                          // //nolint, as golangci-lint reads it
)

// suppression is one //tempguard:ignore, //tempguard:file-ignore or
// //nolint comment.
//
// The rules of //tempguard:ignore (also in the package doc and the README):
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
//   - Each problem is reported once, by the first enabled analyzer the
//     comment names correctly, or else the first enabled analyzer.
//   - A named analyzer that ran and had nothing there to suppress is
//     reported (by that analyzer, see [Finish]).
//
// //tempguard:file-ignore follows the same rules and covers its whole file.
//
// //nolint covers what golangci-lint's nolint filter covers: the lines of
// its comment group and, when a syntax node starts on the next line at the
// column where the comment group starts, every line of that node (a whole
// declaration or statement, body included). `//nolint`, `//nolint:all`,
// `//nolint:tempguard` and `//nolint:<analyzer>` apply (names are
// comma-separated, case-insensitive, and may be followed by `// reason`);
// other names belong to other linters and are not reported.
type suppression struct {
	kind      directiveKind
	pos, end  token.Pos
	text      string   // the whole comment
	analyzers []string // known analyzer names
	unknown   []string // names that are not analyzers (not for //nolint)
	nolint    []string // //nolint: the lower-case names; nil for all linters
	reason    string
	from, to  int // line range it covers, in its file
	file      *token.File
}

// prefix is the directive's spelling, for messages.
func (s *suppression) prefix() string {
	if s.kind == kindFileIgnore {
		return FileDirective
	}
	return Directive
}

// names reports whether s applies to analyzer's diagnostics.
func (s *suppression) names(analyzer string) bool {
	if s.kind != kindNolint {
		return slices.Contains(s.analyzers, analyzer)
	}
	left := func(name string) bool { // left to the driver
		if p := driverNolint.Load(); p != nil {
			return (*p)[name]
		}
		return false
	}
	if s.nolint == nil {
		return !left("")
	}
	for _, n := range s.nolint {
		if (n == "all" || n == "tempguard" || n == analyzer) && !left(n) {
			return true
		}
	}
	return false
}

type suppressions struct {
	list []*suppression

	mu   sync.Mutex
	used map[string]map[*suppression]bool // analyzer -> directives that suppressed a diagnostic of it
}

func (ss *suppressions) markUsed(analyzer string, s *suppression) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.used == nil {
		ss.used = map[string]map[*suppression]bool{}
	}
	if ss.used[analyzer] == nil {
		ss.used[analyzer] = map[*suppression]bool{}
	}
	ss.used[analyzer][s] = true
}

func (ss *suppressions) isUsed(analyzer string, s *suppression) bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.used[analyzer][s]
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// ParseSuppression parses the text of a //tempguard:ignore comment into
// the names it lists (known or not) and its reason. ok is false if text
// is not a suppression at all.
func ParseSuppression(text string) (analyzers []string, reason string, ok bool) {
	return parseDirective(text, Directive)
}

// ParseFileSuppression is [ParseSuppression] for //tempguard:file-ignore.
func ParseFileSuppression(text string) (analyzers []string, reason string, ok bool) {
	return parseDirective(text, FileDirective)
}

func parseDirective(text, directive string) (analyzers []string, reason string, ok bool) {
	if !strings.HasPrefix(text, directive) {
		return nil, "", false
	}
	rest := text[len(directive):]
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

// ParseNolint parses a comment as golangci-lint's nolint filter does:
// after leading slashes and spaces, "nolint" followed by a space, a colon
// or nothing. names is nil when it applies to every linter (`//nolint`,
// `//nolint:all`, `//nolint // reason`); else the lower-case names before
// any `//`. reason is the text after the first `//` that follows.
func ParseNolint(text string) (names []string, reason string, ok bool) {
	t := strings.TrimLeft(text, "/ ")
	if !strings.HasPrefix(t, "nolint") || len(t) > len("nolint") && t[len("nolint")] != ' ' && t[len("nolint")] != ':' {
		return nil, "", false
	}
	head, why, _ := strings.Cut(t, "//")
	reason = strings.TrimSpace(why)
	if strings.HasPrefix(t, "nolint:all") || !strings.HasPrefix(t, "nolint:") {
		return nil, reason, true
	}
	for item := range strings.SplitSeq(strings.TrimPrefix(head, "nolint:"), ",") {
		n := strings.ToLower(strings.TrimSpace(item))
		if n == "all" {
			return nil, reason, true
		}
		names = append(names, n)
	}
	return names, reason, true
}

// DirectiveReason returns the reason given in the text of a
// //tempguard:ignore, //tempguard:file-ignore or //nolint comment (as
// carried by the last Related entry of a diagnostic marked
// [SuppressedCategory]), and whether text is one of them.
func DirectiveReason(text string) (reason string, ok bool) {
	if _, r, ok := ParseSuppression(text); ok {
		return r, true
	}
	if _, r, ok := ParseFileSuppression(text); ok {
		return r, true
	}
	if _, r, ok := ParseNolint(text); ok {
		return r, true
	}
	return "", false
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
		var here, nolints []*suppression
		var cgs []*ast.CommentGroup
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if !mayBeDirective(c.Text) {
					continue // most comments: nothing to parse or allocate
				}
				sp := &suppression{pos: c.Pos(), end: c.End(), text: c.Text, file: tf}
				names, reason, ok := ParseSuppression(c.Text)
				if !ok {
					names, reason, ok = ParseFileSuppression(c.Text)
					sp.kind = kindFileIgnore
				}
				if !ok {
					if nl, why, ok := ParseNolint(c.Text); ok {
						sp.kind, sp.nolint, sp.reason = kindNolint, nl, why
						// golangci-lint: the lines of the comment group.
						sp.from, sp.to = tf.Line(cg.Pos()), tf.Line(cg.End())
						nolints = append(nolints, sp)
					}
					continue
				}
				sp.reason = reason
				for _, n := range names {
					if slices.Contains(AnalyzerNames, n) {
						sp.analyzers = append(sp.analyzers, n)
					} else {
						sp.unknown = append(sp.unknown, n)
					}
				}
				if sp.kind == kindFileIgnore {
					sp.from, sp.to = 1, tf.LineCount()
					s.list = append(s.list, sp)
					continue
				}
				here = append(here, sp)
				cgs = append(cgs, cg)
			}
		}
		if len(here) > 0 {
			scopeSuppressions(f, tf, here, cgs)
			s.list = append(s.list, here...)
		}
		if len(nolints) > 0 {
			scopeNolint(f, tf, nolints)
			s.list = append(s.list, nolints...)
		}
	}
	// The most specific first: the directive a suppressed diagnostic names.
	slices.SortStableFunc(s.list, func(a, b *suppression) int { return int(a.kind) - int(b.kind) })
	return s
}

// scopeNolint extends each //nolint range as golangci-lint does: a node
// that starts on the line after the comment group, at the group's column,
// extends the range to the node's last line.
func scopeNolint(f *ast.File, tf *token.File, nls []*suppression) {
	type key struct{ line, col int }
	byStart := map[key][]*suppression{}
	for _, s := range nls {
		// The comment group's start: the range's first line, and its
		// column (the group's first comment).
		// Only the first of a group's //nolint comments is extended, as
		// golangci-lint extends the first range it finds there.
		k := key{s.to + 1, groupColumn(f, tf, s)}
		if len(byStart[k]) == 0 {
			byStart[k] = append(byStart[k], s)
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		p := tf.Position(n.Pos())
		for _, s := range byStart[key{p.Line, p.Column}] {
			s.to = max(s.to, tf.Line(n.End()))
		}
		return true
	})
}

// groupColumn is the column of the first comment of s's comment group.
func groupColumn(f *ast.File, tf *token.File, s *suppression) int {
	for _, cg := range f.Comments {
		if cg.Pos() <= s.pos && s.pos < cg.End() {
			return tf.Position(cg.Pos()).Column
		}
	}
	return tf.Position(s.pos).Column
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

// suppressor returns the directives that suppress analyzer's diagnostic
// at pos, most specific first.
func (m *Model) suppressors(analyzer string, pos token.Pos) []*suppression {
	tf := m.pass.Fset.File(pos)
	if tf == nil {
		return nil
	}
	line := tf.Line(pos)
	var out []*suppression
	for _, s := range m.suppressionsList().list {
		if s.file != tf || line < s.from || line > s.to {
			continue
		}
		if s.names(analyzer) {
			out = append(out, s)
		}
	}
	return out
}

// suppress reports whether a directive suppresses d, noting which did
// (for [Finish]); with [SetKeepSuppressed] it reports d marked instead of
// dropping it.
func (m *Model) suppress(pass *analysis.Pass, d analysis.Diagnostic) bool {
	ss := m.suppressors(pass.Analyzer.Name, d.Pos)
	if len(ss) == 0 {
		return false
	}
	for _, s := range ss {
		m.suppressionsList().markUsed(pass.Analyzer.Name, s)
	}
	if keepSuppressed.Load() {
		if d.Category == "" {
			d.Category = SuppressedCategory
		} else {
			d.Category = SuppressedCategory + "/" + d.Category
		}
		d.Related = append(slices.Clip(d.Related), analysis.RelatedInformation{Pos: ss[0].pos, End: ss[0].end, Message: ss[0].text})
		pass.Report(d)
	}
	return true
}

// reporter is the analyzer that reports the problems of a suppression:
// the first enabled analyzer it names, else the first enabled analyzer.
func (s *suppression) reporter() string {
	en := enabled()
	for _, a := range s.analyzers {
		if slices.Contains(en, a) {
			return a
		}
	}
	for _, a := range AnalyzerNames {
		if slices.Contains(en, a) {
			return a
		}
	}
	return ""
}

// problems describes what is wrong with a suppression, if anything.
func (s *suppression) problems() []string {
	if s.kind == kindNolint {
		return nil // golangci-lint's nolintlint checks these
	}
	d := s.prefix()
	var out []string
	if len(s.analyzers) == 0 && len(s.unknown) == 0 {
		return []string{fmt.Sprintf("%s names no analyzer and suppresses nothing: write %s <analyzer>[,<analyzer>] <why this is safe> (analyzers: %s)",
			d, d, strings.Join(AnalyzerNames, ", "))}
	}
	for _, u := range s.unknown {
		msg := fmt.Sprintf("%s: %q is not a tempguard analyzer", d, u)
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
			d, d, strings.Join(s.analyzers, ",")))
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
// reports what is wrong with the package's //tempguard:ignore and
// //tempguard:file-ignore comments (no reason, no analyzer, a name that is
// not an analyzer), each problem once: by the first enabled analyzer the
// comment names, or else the first enabled analyzer.
//
// Each pass gets its own copy of the model ([Model.forPass]): the passes of
// a package run concurrently and the model fills its caches lazily.
func Get(pass *analysis.Pass) *Model {
	m := pass.ResultOf[Analyzer].(*Model)
	if m.supp != nil {
		for _, s := range m.supp.list {
			if s.reporter() != pass.Analyzer.Name {
				continue
			}
			for _, msg := range s.problems() {
				pass.Report(analysis.Diagnostic{Pos: s.pos, End: s.end, Category: SuppressionCategory, URL: suppressionURL, Message: msg})
			}
		}
	}
	if !m.Relevant {
		return m
	}
	return m.forPass()
}

// Finish reports, after pass has run, each //tempguard:ignore or
// //tempguard:file-ignore comment that names pass's analyzer but
// suppressed none of its diagnostics. Drivers wrap every analyzer's Run
// with it (passes.All does), so that only analyzers that ran report their
// names unused.
func Finish(pass *analysis.Pass) {
	m, ok := pass.ResultOf[Analyzer].(*Model)
	if !ok || m.supp == nil {
		return
	}
	name := pass.Analyzer.Name
	for _, s := range m.supp.list {
		if s.kind == kindNolint || !slices.Contains(s.analyzers, name) || m.supp.isUsed(name, s) {
			continue
		}
		msg := fmt.Sprintf("%s %s suppresses no %s finding: remove it", s.prefix(), name, name)
		if len(s.analyzers)+len(s.unknown) > 1 {
			msg = fmt.Sprintf("%s names %s but suppresses no %s finding: remove %s from it", s.prefix(), name, name, name)
		}
		pass.Report(analysis.Diagnostic{Pos: s.pos, End: s.end, Category: UnusedCategory, URL: suppressionURL, Message: msg})
	}
}

// mayBeDirective is a cheap test that every comment ParseSuppression,
// ParseFileSuppression or ParseNolint accepts passes: the other comments
// of a package (nearly all) are skipped before anything is allocated.
func mayBeDirective(text string) bool {
	return strings.HasPrefix(text, Directive) || strings.HasPrefix(text, FileDirective) ||
		strings.HasPrefix(strings.TrimLeft(text, "/ "), "nolint")
}
