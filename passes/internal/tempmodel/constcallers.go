package tempmodel

import (
	"go/ast"
	"go/types"
)

// ConstIntWithCallers is [Model.ConstInt], except that a parameter of an
// unexported function of this package that is only ever called directly,
// and never reassigned, has the value that every call site passes when
// they all pass the same constant (a mode given by the callers:
// writeState(name, data, 0o644) at each call). Variables assigned once
// are followed as ConstInt follows them.
func (m *Model) ConstIntWithCallers(e ast.Expr) (int64, bool) {
	return m.constIntCallers(e, map[*types.Var]bool{}, 0)
}

func (m *Model) constIntCallers(e ast.Expr, seen map[*types.Var]bool, depth int) (int64, bool) {
	if v, ok := m.ConstInt(e); ok {
		return v, true
	}
	if depth > 4 {
		return 0, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		// A conversion such as os.FileMode(perm).
		if tv, ok := m.pass.TypesInfo.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return m.constIntCallers(x.Args[0], seen, depth+1)
		}
	case *ast.Ident:
		v, ok := m.pass.TypesInfo.Uses[x].(*types.Var)
		if !ok || seen[v] {
			return 0, false
		}
		seen[v] = true
		defer delete(seen, v)
		if d := m.defs(v); d != nil {
			// A local variable assigned once: mode := perm.
			if d.opaque || d.counter || len(d.exprs) != 1 || d.exprs[0].index >= 0 {
				return 0, false
			}
			return m.constIntCallers(d.exprs[0].x, seen, depth+1)
		}
		return m.paramConstFromCallers(v, seen, depth)
	}
	return 0, false
}

// paramConstFromCallers is the constant that every call site passes for
// parameter v, if they all pass the same one.
func (m *Model) paramConstFromCallers(v *types.Var, seen map[*types.Var]bool, depth int) (int64, bool) {
	cs := m.callSiteIndex()
	pp, ok := cs.params[v]
	if !ok || cs.escapes[pp.fn] || m.idx().vars[v] != nil {
		return 0, false // not a parameter of such a function, or reassigned
	}
	calls := cs.calls[pp.fn]
	if len(calls) == 0 || len(calls) > maxCallSites {
		return 0, false
	}
	var out int64
	for i, call := range calls {
		if call.Ellipsis.IsValid() || pp.index >= len(call.Args) {
			return 0, false
		}
		c, ok := m.constIntCallers(call.Args[pp.index], seen, depth+1)
		if !ok || i > 0 && c != out {
			return 0, false
		}
		out = c
	}
	return out, true
}
