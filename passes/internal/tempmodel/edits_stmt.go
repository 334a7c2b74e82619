package tempmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/flow"
)

// Edits at the statement level, for fixes that insert, move or swap whole
// statements: where a statement sits in its list, where code can be
// inserted to run just before a call, the indentation and the rest of a
// line, how inserted code handles errors like the code around it, and
// zero values and names as they read at a position.

// StmtInList returns the index in path (as astutil.PathEnclosingInterval
// gives it, innermost first) of the statement of a block or case clause
// list that contains path[0], and that list; -1 and nil if none.
func StmtInList(path []ast.Node) (int, []ast.Stmt) {
	for i := 0; i+1 < len(path); i++ {
		s, ok := path[i].(ast.Stmt)
		if !ok {
			continue
		}
		var list []ast.Stmt
		switch p := path[i+1].(type) {
		case *ast.BlockStmt:
			list = p.List
		case *ast.CaseClause:
			list = p.Body
		case *ast.CommClause:
			list = p.Body
		default:
			continue
		}
		for _, x := range list {
			if x == s {
				return i, list
			}
		}
	}
	return -1, nil
}

// InsertionPoint returns the statement before which code can be inserted
// so that it runs exactly when the node at path[0] is about to run (not in
// a loop header, a clause, a deferred or go statement, the right operand
// of && or ||, or an if or switch body that holds it), or nil.
func InsertionPoint(path []ast.Node) ast.Stmt {
	si, _ := StmtInList(path)
	if si < 0 {
		return nil
	}
	for i := 1; i <= si; i++ {
		child, n := path[i-1], path[i]
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt, *ast.SelectStmt, *ast.CaseClause,
			*ast.CommClause, *ast.DeferStmt, *ast.GoStmt, *ast.LabeledStmt, *ast.TypeSwitchStmt:
			return nil
		case *ast.BinaryExpr:
			if (n.Op == token.LAND || n.Op == token.LOR) && child == n.Y {
				return nil
			}
		case *ast.IfStmt:
			if child != n.Init && child != n.Cond {
				return nil
			}
		case *ast.SwitchStmt:
			if child != n.Init && child != n.Tag {
				return nil
			}
		}
	}
	s := path[si].(ast.Stmt)
	if _, ok := s.(*ast.LabeledStmt); ok {
		return nil
	}
	return s
}

// content returns the token file and the source of the file holding pos.
func (m *Model) content(pos token.Pos) (*token.File, []byte, bool) {
	tf := m.pass.Fset.File(pos)
	if tf == nil {
		return nil, nil, false
	}
	content, err := m.pass.ReadFile(tf.Name())
	if err != nil {
		return nil, nil, false
	}
	return tf, content, true
}

// StmtIndent returns the white space before n on its line; ok is false
// when something else precedes n there.
func (m *Model) StmtIndent(n ast.Node) (string, bool) {
	tf, content, ok := m.content(n.Pos())
	if !ok {
		return "", false
	}
	off := tf.Offset(n.Pos())
	start := tf.Offset(tf.LineStart(tf.Line(n.Pos())))
	if off > len(content) || start > off {
		return "", false
	}
	ind := string(content[start:off])
	if strings.TrimLeft(ind, " \t") != "" {
		return "", false
	}
	return ind, true
}

// LineTail returns what follows n on its line (space trimmed), and the
// distance from n's end to the newline; ok is false when the line has no
// newline, or the file cannot be read.
func (m *Model) LineTail(n ast.Node) (tail string, nl int, ok bool) {
	tf, content, ok := m.content(n.Pos())
	if !ok {
		return "", 0, false
	}
	end := tf.Offset(n.End())
	nl = strings.IndexByte(string(content[end:]), '\n')
	if nl < 0 {
		return "", 0, false
	}
	return strings.TrimSpace(string(content[end : end+nl])), nl, true
}

// alone reports whether a line tail leaves its statement alone on the
// line (nothing, or a comment).
func alone(tail string) bool { return tail == "" || strings.HasPrefix(tail, "//") }

// SourceBetween returns the source text from the end of a to the start of b.
func (m *Model) SourceBetween(a, b ast.Node) (string, bool) {
	tf, content, ok := m.content(a.Pos())
	if !ok {
		return "", false
	}
	return string(content[tf.Offset(a.End()):tf.Offset(b.Pos())]), true
}

// SwapEdit returns the edit that swaps the statements a and b, where b
// follows a with only white space between them (kept as it is).
func (m *Model) SwapEdit(a, b ast.Node) (analysis.TextEdit, bool) {
	between, ok := m.SourceBetween(a, b)
	if !ok || strings.TrimSpace(between) != "" {
		return analysis.TextEdit{}, false
	}
	return analysis.TextEdit{Pos: a.Pos(), End: b.End(), NewText: []byte(m.Source(b) + between + m.Source(a))}, true
}

// MoveBeforeEdits returns the edits that move the statement s, alone on
// its line but for a trailing comment (moved with it), to just before the
// statement before (on a line of its own, at before's indentation).
func (m *Model) MoveBeforeEdits(s, before ast.Node) ([]analysis.TextEdit, bool) {
	indent, ok := m.StmtIndent(before)
	if !ok {
		return nil, false
	}
	sIndent, ok := m.StmtIndent(s)
	if !ok {
		return nil, false
	}
	tail, nl, ok := m.LineTail(s)
	if !ok || !alone(tail) {
		return nil, false
	}
	moved := m.Source(s)
	if tail != "" {
		moved += " " + tail
	}
	lineStart := s.Pos() - token.Pos(len(sIndent))
	return []analysis.TextEdit{
		{Pos: before.Pos(), End: before.Pos(), NewText: []byte(moved + "\n" + indent)},
		{Pos: lineStart, End: s.End() + token.Pos(nl) + 1},
	}, true
}

// LineAfterEdit returns the edit that puts text on a new line after the
// statement s, at its indentation; s must be alone on its line but for a
// trailing comment.
func (m *Model) LineAfterEdit(s ast.Node, text string) (analysis.TextEdit, bool) {
	indent, ok := m.StmtIndent(s)
	if !ok {
		return analysis.TextEdit{}, false
	}
	tf, content, ok := m.content(s.Pos())
	if !ok || len(content) != tf.Size() {
		return analysis.TextEdit{}, false
	}
	tail, nl, ok := m.LineTail(s)
	if !ok || !alone(tail) {
		return analysis.TextEdit{}, false
	}
	at := s.End() + token.Pos(nl)
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\n" + indent + text)}, true
}

// Visible reports whether obj is what its name refers to at pos.
func (m *Model) Visible(obj types.Object, pos token.Pos) bool {
	scope := m.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, o := scope.LookupParent(obj.Name(), pos)
	return o == obj
}

// declaredBefore reports whether id refers, at pos, to a package name or
// an object declared before pos and visible there.
func (m *Model) declaredBefore(id *ast.Ident, pos token.Pos) bool {
	obj := m.pass.TypesInfo.Uses[id]
	if obj == nil {
		return false
	}
	if _, ok := obj.(*types.PkgName); ok {
		return true
	}
	return obj.Pos() < pos && m.Visible(obj, pos)
}

// FuncSignature returns the signature of fn, an *ast.FuncDecl or
// *ast.FuncLit, or nil.
func (m *Model) FuncSignature(fn ast.Node) *types.Signature {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if obj, ok := m.pass.TypesInfo.Defs[fn.Name].(*types.Func); ok {
			sig, _ := obj.Type().(*types.Signature)
			return sig
		}
	case *ast.FuncLit:
		sig, _ := m.pass.TypesInfo.TypeOf(fn).(*types.Signature)
		return sig
	}
	return nil
}

// ZeroValue renders the zero value of t as code of file f: false, "", 0,
// nil, *new(T) for a type parameter, T{} for structs and arrays (named as
// f imports their packages; ok is false when f does not).
func (m *Model) ZeroValue(f *ast.File, t types.Type) (string, bool) {
	if tp, ok := t.(*types.TypeParam); ok {
		return "*new(" + tp.Obj().Name() + ")", true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "false", true
		case u.Info()&types.IsString != 0:
			return `""`, true
		case u.Info()&types.IsNumeric != 0:
			return "0", true
		case u.Kind() == types.UnsafePointer:
			return "nil", true
		}
		return "", false
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return "nil", true
	case *types.Struct, *types.Array:
		failed := false
		qual := func(p *types.Package) string {
			if p == m.pass.Pkg {
				return ""
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if path != p.Path() {
					continue
				}
				name := p.Name()
				if imp.Name != nil {
					name = imp.Name.Name
				}
				if name == "_" || name == "." {
					break
				}
				return name
			}
			failed = true
			return p.Name()
		}
		s := types.TypeString(t, qual)
		if failed {
			return "", false
		}
		return s + "{}", true
	}
	return "", false
}

// ErrHandling is how code inserted beside a call handles the error of
// what it calls, imitating the code around the call.
type ErrHandling struct {
	mode  errMode
	recv  string // the receiver of Fatal
	zeros string // the zero values before the error in a return
}

type errMode int

const (
	modePlain  errMode = iota // ignore the error
	modeReturn                // return it, after zero values
	modeFatal                 // recv.Fatal(err)
	modePanic                 // panic(err)
)

// ErrHandlingAt decides how code inserted before the statement holding
// call (in function fn of file f) handles errors: ignored errors stay
// ignored, and so do errors on an error path (inside `if err != nil`); a
// function returning an error last returns it; a test that calls t.Fatal
// (or panic) after the statement does the same. ok is false when a zero
// value cannot be written.
func (m *Model) ErrHandlingAt(fn ast.Node, f *ast.File, call *ast.CallExpr) (h ErrHandling, ok bool) {
	path, _ := astutil.PathEnclosingInterval(f, call.Pos(), call.End())
	si, list := StmtInList(path)
	if si < 0 {
		return ErrHandling{}, true
	}
	s := path[si].(ast.Stmt)
	switch s := s.(type) {
	case *ast.ExprStmt:
		return ErrHandling{}, true
	case *ast.AssignStmt:
		allBlank := true
		for _, l := range s.Lhs {
			allBlank = allBlank && IsBlank(l)
		}
		if allBlank {
			return ErrHandling{}, true
		}
	}
	// Already on an error path (inside `if err != nil { ... }`): keep the
	// error that path returns, close without handling.
	for _, n := range path[si+1:] {
		if n == fn {
			break
		}
		if is, ok := n.(*ast.IfStmt); ok && s.Pos() >= is.Body.Pos() && s.End() <= is.Body.End() && m.isErrCheck(is.Cond) {
			return ErrHandling{}, true
		}
	}
	if sig := m.FuncSignature(fn); sig != nil && sig.Results().Len() > 0 {
		res := sig.Results()
		last := res.At(res.Len() - 1).Type()
		if types.Identical(last, types.Universe.Lookup("error").Type()) {
			var zs []string
			for i := 0; i < res.Len()-1; i++ {
				z, ok := m.ZeroValue(f, res.At(i).Type())
				if !ok {
					return ErrHandling{}, false
				}
				zs = append(zs, z+", ")
			}
			return ErrHandling{mode: modeReturn, zeros: strings.Join(zs, "")}, true
		}
	}
	// if err := call; err != nil { t.Fatal(err) }, or the statement after.
	var handler *ast.IfStmt
	if is, ok := s.(*ast.IfStmt); ok {
		handler = is
	} else {
		for i, x := range list {
			if x == s && i+1 < len(list) {
				handler, _ = list[i+1].(*ast.IfStmt)
			}
		}
	}
	if handler != nil && len(handler.Body.List) >= 1 {
		if es, ok := handler.Body.List[len(handler.Body.List)-1].(*ast.ExprStmt); ok {
			if c, ok := es.X.(*ast.CallExpr); ok {
				if id, ok := c.Fun.(*ast.Ident); ok && m.pass.TypesInfo.Uses[id] == types.Universe.Lookup("panic") {
					return ErrHandling{mode: modePanic}, true
				}
				if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
					fn, _ := m.pass.TypesInfo.Uses[sel.Sel].(*types.Func)
					if fileapi.IsFatal(FuncOf(fn)) {
						if rid, ok := sel.X.(*ast.Ident); ok && m.declaredBefore(rid, s.Pos()) {
							return ErrHandling{mode: modeFatal, recv: rid.Name}, true
						}
					}
				}
			}
		}
	}
	return ErrHandling{}, true
}

// Stmt returns the statement that calls call (source text, e.g.
// "f.Close()") with errors handled as h says, at the given indentation;
// noErr: the call returns no error.
func (h ErrHandling) Stmt(call, indent string, noErr bool) string {
	if noErr || h.mode == modePlain {
		return call
	}
	var handle string
	switch h.mode {
	case modeReturn:
		handle = "return " + h.zeros + "err"
	case modeFatal:
		handle = h.recv + ".Fatal(err)"
	case modePanic:
		handle = "panic(err)"
	}
	return "if err := " + call + "; err != nil {\n" + indent + "\t" + handle + "\n" + indent + "}"
}

// isErrCheck reports whether cond is `x != nil` for an error x.
func (m *Model) isErrCheck(cond ast.Expr) bool {
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || be.Op != token.NEQ {
		return false
	}
	x, y := ast.Unparen(be.X), ast.Unparen(be.Y)
	if flow.IsNilName(m.pass.TypesInfo, x) {
		x, y = y, x
	}
	if !flow.IsNilName(m.pass.TypesInfo, y) {
		return false
	}
	t := m.pass.TypesInfo.TypeOf(x)
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}
