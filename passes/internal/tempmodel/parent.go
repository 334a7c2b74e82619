package tempmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strings"
)

// ParentProv returns the provenance of the directory that the path e names
// an entry of, where the path's syntax shows it: filepath.Join(a, ..., name)
// or path.Join is in Join(a, ...); a constant path is in its path.Dir; x +
// "/name" (a constant with one leading slash) is in x; a local variable
// with one definition is in the parent of that. Parameters resolve from
// the package's call sites as in [Model.ProvWithCallers]. Otherwise it is
// [Unknown].
func (m *Model) ParentProv(e ast.Expr) Prov {
	return m.parentProv(&evalCtx{callers: true}, e, 0)
}

func (m *Model) parentProv(ctx *evalCtx, e ast.Expr, depth int) Prov {
	if depth > 4 {
		return Unknown
	}
	if s, ok := m.constString(e); ok {
		s = strings.TrimRight(s, "/")
		if d := path.Dir(s); strings.HasPrefix(s, "/") && d != s {
			return constProv(d)
		}
		return Unknown
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		_, f := Callee(m.pass.TypesInfo, x)
		n := len(x.Args)
		if !(f.Is("path/filepath", "Join") || f.Is("path", "Join")) || n < 2 || x.Ellipsis.IsValid() {
			return Unknown
		}
		// The last element must be one name: "a/b" would put the entry
		// one level further down.
		if s, ok := m.constString(x.Args[n-1]); ok && strings.Contains(strings.Trim(s, "/"), "/") {
			return Unknown
		}
		out := m.eval(ctx, x.Args[0])
		for _, a := range x.Args[1 : n-1] {
			out = concat(out, m.eval(ctx, a))
		}
		return out
	case *ast.BinaryExpr:
		s, ok := m.constString(x.Y)
		if x.Op != token.ADD || !ok || len(s) < 2 || s[0] != '/' || strings.Contains(s[1:], "/") {
			return Unknown
		}
		return m.eval(ctx, x.X)
	case *ast.Ident:
		v, ok := m.pass.TypesInfo.Uses[x].(*types.Var)
		if !ok {
			return Unknown
		}
		xs, idx, complete := m.Defs(v)
		if !complete || len(xs) != 1 || idx[0] >= 0 {
			return Unknown
		}
		return m.parentProv(ctx, xs[0], depth+1)
	}
	return Unknown
}
