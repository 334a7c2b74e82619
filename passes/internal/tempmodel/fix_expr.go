package tempmodel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

// Expression helpers for fixes: whether an expression can be moved to an
// earlier point of a function and mean the same there, how to requote a
// rewritten literal, how to merge the edits of several rewrites. The
// passes' fixes share them (with File, Source and ImportName in fix.go).

// SingleDef returns the one value assigned to variable v in this package
// (x, or result idx of the multi-value call x; idx is -1 for a single
// value), if the list of its values is complete and has exactly one
// non-nil entry.
func (m *Model) SingleDef(v *types.Var) (x ast.Expr, idx int, ok bool) {
	xs, idxs, complete := m.Defs(v)
	if !complete || len(xs) != 1 || xs[0] == nil {
		return nil, 0, false
	}
	return xs[0], idxs[0], true
}

// IsString reports whether t's underlying type is a string type.
func IsString(t types.Type) bool { return isString(t) }

// Window is a stretch of a function over which an expression that a fix
// moves must keep its value: nothing may assign its parts between From and
// Until, and the names in it must mean the same at At, where the rewritten
// expression will be evaluated.
type Window struct {
	Fn          ast.Node  // the function containing the stretch
	From, Until token.Pos // no assignment in between
	At          token.Pos // where the moved expression is evaluated
}

// SameAt reports whether name, looked up at pos, is obj.
func (m *Model) SameAt(name string, obj types.Object, pos token.Pos) bool {
	if obj == nil {
		return false
	}
	scope := m.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, got := scope.LookupParent(name, pos)
	return got == obj
}

// Stable reports whether e, evaluated at w.At, has the value it has at
// w.Until: it is made of literals, operators, names that mean the same at
// w.At and do not change in w ([Model.Changes]), fields, conversions and
// calls of pure functions ([fileapi.PurityOf]) or os.Getenv.
func (m *Model) Stable(e ast.Expr, w Window) bool {
	info := m.pass.TypesInfo
	ok := true
	var visit func(e ast.Expr)
	visit = func(e ast.Expr) {
		if !ok {
			return
		}
		switch e := e.(type) {
		case *ast.BasicLit:
		case *ast.ParenExpr:
			visit(e.X)
		case *ast.BinaryExpr:
			visit(e.X)
			visit(e.Y)
		case *ast.Ident:
			obj := info.Uses[e]
			if obj == nil || !m.SameAt(e.Name, obj, w.At) {
				ok = false
				return
			}
			if v, isVar := obj.(*types.Var); isVar && m.Changes(v, w) {
				ok = false
			}
		case *ast.SelectorExpr:
			sel := info.Selections[e]
			if sel == nil {
				// A qualified identifier: pkg.Name.
				x, isIdent := e.X.(*ast.Ident)
				obj := info.Uses[e.Sel]
				if !isIdent || obj == nil || !m.SameAt(x.Name, info.Uses[x], w.At) {
					ok = false
					return
				}
				if v, isVar := obj.(*types.Var); isVar && m.Changes(v, w) {
					ok = false
				}
				return
			}
			field, isVar := sel.Obj().(*types.Var)
			if sel.Kind() != types.FieldVal || !isVar || m.Changes(field, w) {
				ok = false
				return
			}
			visit(e.X)
		case *ast.CallExpr:
			if tv, found := info.Types[e.Fun]; found && tv.IsType() {
				for _, a := range e.Args {
					visit(a)
				}
				return
			}
			fn, f := Callee(info, e)
			// Pure calls, and os.Getenv: Changes sees os.Setenv and t.Setenv.
			if fn == nil || fileapi.PurityOf(fn) != fileapi.Pure && !f.Is("os", "Getenv") {
				ok = false
				return
			}
			visit(e.Fun)
			for _, a := range e.Args {
				visit(a)
			}
		default:
			ok = false
		}
	}
	visit(e)
	return ok
}

// Changes reports whether variable or field v may change between w.From
// and w.Until: it is assigned in that stretch of w.Fn, assigned in a
// function literal, or its address is taken.
func (m *Model) Changes(v *types.Var, w Window) bool {
	info := m.pass.TypesInfo
	changed := false
	target := func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return info.ObjectOf(e) == v
		case *ast.SelectorExpr:
			if s := info.Selections[e]; s != nil {
				return s.Obj() == v
			}
			return info.Uses[e.Sel] == v
		}
		return false
	}
	var walk func(n ast.Node, inLit bool)
	walk = func(root ast.Node, inLit bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if changed {
				return false
			}
			if lit, ok := n.(*ast.FuncLit); ok && n != root {
				walk(lit.Body, true)
				return false
			}
			in := func(p token.Pos) bool { return inLit || p > w.From && p < w.Until }
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE {
					return true // declares new variables (or redeclares in the same scope, before use)
				}
				for _, l := range n.Lhs {
					if target(l) && in(n.Pos()) {
						changed = true
					}
				}
			case *ast.IncDecStmt:
				if target(n.X) && in(n.Pos()) {
					changed = true
				}
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN && (target(n.Key) || n.Value != nil && target(n.Value)) && in(n.Pos()) {
					changed = true
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND && target(n.X) {
					changed = true
				}
			}
			return !changed
		})
	}
	walk(w.Fn, false)
	return changed
}

// DeclaredWith reports whether v is declared in fn by a statement whose
// value for it is x (v := x, var v = x).
func (m *Model) DeclaredWith(fn ast.Node, v *types.Var, x ast.Expr) bool {
	info := m.pass.TypesInfo
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE || len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && info.Defs[id] == v && n.Rhs[i] == x {
					found = true
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) != len(n.Values) {
				return true
			}
			for i, id := range n.Names {
				if info.Defs[id] == v && n.Values[i] == x {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// VarsOf returns the variables (and fields) that an expression mentions.
func VarsOf(info *types.Info, e ast.Expr) map[*types.Var]bool {
	out := map[*types.Var]bool{}
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				out[v] = true
			}
		}
		return true
	})
	return out
}

// Unconvert looks through parentheses and conversions such as
// os.FileMode(0644), and returns the converted expression.
func Unconvert(info *types.Info, e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		ce, ok := e.(*ast.CallExpr)
		if !ok || len(ce.Args) != 1 {
			return e
		}
		if tv, ok := info.Types[ce.Fun]; !ok || !tv.IsType() {
			return e
		}
		e = ce.Args[0]
	}
}

// ArgIndex returns the index of x in args (the same node), or -1.
func ArgIndex(args []ast.Expr, x ast.Expr) int {
	for i, y := range args {
		if y == x {
			return i
		}
	}
	return -1
}

// QuoteLike quotes s as a raw string if the original literal orig was raw
// and s can be one, else as an interpreted string.
func QuoteLike(orig, s string) string {
	if strings.HasPrefix(orig, "`") && !strings.ContainsAny(s, "`\r") {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

// DedupEdits drops repeated edits and joins insertions at the same
// position (two added imports) into one, so that their order is fixed.
func DedupEdits(edits []analysis.TextEdit) []analysis.TextEdit {
	var out []analysis.TextEdit
	seen := map[string]bool{}
	for _, e := range edits {
		k := fmt.Sprint(e.Pos, e.End, string(e.NewText))
		if seen[k] {
			continue
		}
		seen[k] = true
		merged := false
		for i := range out {
			if o := &out[i]; e.End == e.Pos && o.End == o.Pos && o.Pos == e.Pos {
				o.NewText = append(append([]byte{}, o.NewText...), e.NewText...)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, e)
		}
	}
	return out
}
