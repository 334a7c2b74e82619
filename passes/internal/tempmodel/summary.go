package tempmodel

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// Summary is the one fact tempguard keeps per function: what a caller in
// another package needs to know about it. The shared [Analyzer] computes
// and exports it for every function of a relevant package outside the
// standard library; passes ask [Model.Summary] and never declare facts of
// their own. Each part is computed by the summarizer of its concern
// (summary_<concern>.go). Every field is gob-encodable.
type Summary struct {
	// Result is the provenance of the function's first string result,
	// with parameters symbolic (Prov.LocFrom, Prov.NameFrom); nil if it
	// says nothing a caller can use.
	Result *Prov
	// Params says what the function does with each parameter (indexed
	// like the signature's parameters; shorter when the tail is zero).
	Params []ParamUse
	// Exists describes a function that wraps an existence check of one of
	// its path parameters; nil if it is not one.
	Exists *Exists
	// NoReturn: the function never returns normally (its exit is
	// unreachable: it always panics, exits or calls such a function).
	NoReturn bool
	// Creates lists the paths an exported function creates from its
	// parameters (summary_create.go).
	Creates []PathCreate
}

// AFact marks Summary as an analysis fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	var parts []string
	if s.Result != nil {
		parts = append(parts, "result("+s.Result.String()+")")
	}
	for i, u := range s.Params {
		if u != 0 {
			parts = append(parts, fmt.Sprintf("param %d: %s", i, u))
		}
	}
	if s.Exists != nil {
		parts = append(parts, s.Exists.String())
	}
	if s.NoReturn {
		parts = append(parts, "noreturn")
	}
	for _, c := range s.Creates {
		parts = append(parts, fmt.Sprintf("creates(%s: %s)", c.API, c.Path))
	}
	return strings.Join(parts, "; ")
}

// empty reports whether s says nothing.
func (s *Summary) empty() bool {
	if s.Result != nil || s.Exists != nil || s.NoReturn || len(s.Creates) > 0 {
		return false
	}
	for _, u := range s.Params {
		if u != 0 {
			return false
		}
	}
	return true
}

// ParamUse is a set of things a function does with one parameter.
type ParamUse uint16

const (
	// UseClose: the function closes the parameter (an *os.File or another
	// io.Closer) on every path that returns normally.
	UseClose ParamUse = 1 << iota
	// UseRemove: the function removes the object the parameter names (a
	// path, or an *os.File's name) on some path, and does not keep it
	// (summary_remove.go).
	UseRemove
	// UseKeep: the function stores the parameter beyond the call (a field
	// of a longer-lived object, a global, a map, a channel, a goroutine)
	// or uses it in a way the model cannot follow (summary_keep.go).
	UseKeep
	// UseOpen, UseRename, UseExec, UseRead: the function opens, renames,
	// executes or reads the object the parameter names, by name.
	UseOpen
	UseRename
	UseExec
	UseRead
	// UseReturn: the parameter (or what it names) is returned.
	UseReturn
	// UseWrite: the function writes to the parameter (an *os.File or an
	// io.Writer).
	UseWrite
	// UseMayClose: the function may close the parameter on some path (a
	// close of it after the call could fail with "file already closed").
	UseMayClose
)

func (u ParamUse) String() string {
	var parts []string
	for i, n := range []string{"close", "remove", "keep", "open", "rename", "exec", "read", "return", "write", "mayclose"} {
		if u&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, "|")
}

// Param returns what s says the function does with parameter i.
func (s *Summary) Param(i int) ParamUse {
	if s == nil || i < 0 || i >= len(s.Params) {
		return 0
	}
	return s.Params[i]
}

// setParam adds use to parameter i of s.
func (s *Summary) setParam(i int, use ParamUse) {
	for len(s.Params) <= i {
		s.Params = append(s.Params, 0)
	}
	s.Params[i] |= use
}

// SetParam adds use to parameter i (for summarizers).
func (s *Summary) SetParam(i int, use ParamUse) { s.setParam(i, use) }

// Exists marks a function that wraps an existence check of its path
// parameter, such as
//
//	func fileExists(name string) bool { _, err := os.Stat(name); return err == nil }
//
// Callers that create the path when such a function says it is missing are
// checked like callers of os.Stat.
type Exists struct {
	Param int // index of the path parameter
	Index int // index of the boolean (or error) result
	// TrueMeansMissing: the result is true when the path does not exist;
	// otherwise true means it exists.
	TrueMeansMissing bool
	// Permission: the result is true when access(2) grants a permission;
	// false then says nothing.
	Permission bool
	// ErrResult: the function returns an error instead of a bool, nil
	// standing for true.
	ErrResult bool
	// OrType: false means "missing or not of the tested type" (isDir): it
	// decides directory creation only.
	OrType bool
	// MissingOrFailed: the result that means "missing" is also what the
	// function returns when the check failed for another reason (return
	// err == nil: false on any error); PresentOrFailed likewise for
	// "present" (return !os.IsNotExist(err)). Messages must not claim more.
	MissingOrFailed, PresentOrFailed bool
}

func (f *Exists) String() string {
	var s string
	switch {
	case f.Permission:
		s = fmt.Sprintf("access(param %d)", f.Param)
	case f.TrueMeansMissing:
		s = fmt.Sprintf("missing(param %d)", f.Param)
	default:
		s = fmt.Sprintf("exists(param %d)", f.Param)
	}
	if f.ErrResult {
		s += " as nil error"
	}
	if f.OrType {
		s += " or type"
	}
	if f.MissingOrFailed {
		s += ", missing or failed"
	}
	if f.PresentOrFailed {
		s += ", present or failed"
	}
	return s
}

// A summarizer fills the part of a function's summary that its concern
// owns. It may ask [Model.Summary] about other functions (recursion is cut
// by the model: a function being summarized reads as having no summary).
type summarizer func(m *Model, fn *types.Func, fd *ast.FuncDecl, s *Summary)

// summarizers run in order for every function of the package. Each
// concern's file adds its own in an init function.
var summarizers []summarizer

func init() { summarizers = append(summarizers, summarizeResult, summarizeNoReturn) }

// Summary returns the summary of fn: computed for functions of this
// package, imported from facts for others, nil when there is none. For
// standard-library functions, which export no facts, it returns nil: the
// API table models them.
func (m *Model) Summary(fn *types.Func) *Summary {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if s, ok := m.summaries[fn]; ok {
		return s
	}
	// Facts of every function of another package that this package uses
	// were read in run: a miss there means none.
	fd := m.decls[fn]
	if fd == nil || m.summarizing[fn] {
		return nil
	}
	m.summarizing[fn] = true
	s := &Summary{}
	for _, f := range summarizers {
		f(m, fn, fd, s)
	}
	delete(m.summarizing, fn)
	if s.empty() {
		s = nil
	}
	m.summaries[fn] = s
	return s
}

// summarizeResult fills Result from the string-result provenance.
func summarizeResult(m *Model, fn *types.Func, _ *ast.FuncDecl, s *Summary) {
	if r := m.resultSummary(fn); r != nil && interesting(*r) {
		c := *r
		s.Result = &c
	}
}

// summarizeNoReturn fills NoReturn: the body's exit is unreachable.
func summarizeNoReturn(m *Model, fn *types.Func, _ *ast.FuncDecl, s *Summary) {
	s.NoReturn = m.funcNoReturn(fn)
}

// noReturnBody reports whether the body's exit is unreachable. Only
// bodies that call panic or a function that does not return can qualify,
// so others are not given a graph.
func noReturnBody(m *Model, fd *ast.FuncDecl) bool {
	maybe := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if maybe {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if !m.MayReturn(n) {
				maybe = true
			}
		}
		return true
	})
	if !maybe {
		return false
	}
	g := m.CFG(fd)
	return g != nil && g.NoReturn()
}
