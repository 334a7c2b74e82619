package tempmodel

import (
	"go/ast"
	"go/types"
)

// maxCallSites bounds the call sites evaluated for one parameter.
const maxCallSites = 16

type paramPos struct {
	fn    *types.Func
	index int
}

// callSites indexes the static calls of this package's unexported
// functions and methods (without type parameters), for
// [Model.ProvWithCallers].
type callSites struct {
	params  map[*types.Var]paramPos
	calls   map[*types.Func][]*ast.CallExpr
	escapes map[*types.Func]bool // used other than by a direct call
}

func (m *Model) callSiteIndex() *callSites {
	if m.callers != nil {
		return m.callers
	}
	cs := &callSites{
		params:  map[*types.Var]paramPos{},
		calls:   map[*types.Func][]*ast.CallExpr{},
		escapes: map[*types.Func]bool{},
	}
	m.callers = cs
	info := m.pass.TypesInfo
	for fn := range m.decls {
		sig, ok := fn.Type().(*types.Signature)
		if !ok || fn.Exported() || sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0 {
			continue
		}
		n := sig.Params().Len()
		if sig.Variadic() {
			n--
		}
		for i := 0; i < n; i++ {
			cs.params[sig.Params().At(i)] = paramPos{fn, i}
		}
	}
	called := map[*ast.Ident]bool{}
	for _, f := range m.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var id *ast.Ident
			switch fun := ast.Unparen(call.Fun).(type) {
			case *ast.Ident:
				id = fun
			case *ast.SelectorExpr:
				// x.m(...): a method value called at once (not T.m(x, ...),
				// whose arguments are shifted by the receiver).
				if s := info.Selections[fun]; s != nil && s.Kind() == types.MethodVal {
					id = fun.Sel
				}
			}
			if id == nil {
				return true
			}
			if fn, ok := info.Uses[id].(*types.Func); ok && fn.Pkg() == m.pass.Pkg {
				called[id] = true
				cs.calls[fn] = append(cs.calls[fn], call)
			}
			return true
		})
	}
	for id, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() == m.pass.Pkg && !called[id] {
			cs.escapes[fn] = true
		}
	}
	// An unexported method can also be called through an interface of
	// this package that has it (only this package can name it), or
	// through a type parameter's constraint: such a call does not name
	// the method, so every method of that name escapes.
	dynamic := map[string]bool{}
	for _, s := range info.Selections {
		if fn, ok := s.Obj().(*types.Func); ok && !fn.Exported() && types.IsInterface(s.Recv()) {
			dynamic[fn.Name()] = true
		}
	}
	for fn := range cs.calls {
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && dynamic[fn.Name()] {
			cs.escapes[fn] = true
		}
	}
	return cs
}

// ProvWithCallers is [Model.Prov], except that a parameter of an
// unexported function or method of this package that is only ever called
// directly (never used as a value, a method never called through an
// interface), and never reassigned, takes the provenance that all its call
// sites agree on: log files named from a tag parameter that every caller
// passes as a constant ("INFO", "ERROR").
func (m *Model) ProvWithCallers(e ast.Expr) Prov {
	return m.eval(&evalCtx{callers: true}, e)
}

// paramFromCallers is the meet of the arguments that the call sites pass
// for parameter v, or false if they are not all visible.
func (m *Model) paramFromCallers(ctx *evalCtx, v *types.Var) (Prov, bool) {
	cs := m.callSiteIndex()
	pp, ok := cs.params[v]
	if !ok || cs.escapes[pp.fn] {
		return Prov{}, false
	}
	if d := m.idx().vars[v]; d != nil {
		return Prov{}, false // reassigned or address taken
	}
	calls := cs.calls[pp.fn]
	if len(calls) == 0 || len(calls) > maxCallSites || ctx.seen[v] {
		return Prov{}, false
	}
	// Remembered: every read of the parameter would evaluate the call
	// sites again, and their arguments may be such parameters too.
	rc := m.resultCache()
	if p, ok := rc.params[v]; ok {
		return p, true
	}
	if ctx.seen == nil {
		ctx.seen = map[types.Object]bool{}
	}
	ctx.seen[v] = true
	defer delete(ctx.seen, v)
	var out Prov
	for i, call := range calls {
		if call.Ellipsis.IsValid() || pp.index >= numArgs(m.pass.TypesInfo, call) {
			return Prov{}, false
		}
		p := m.argProv(ctx, call, pp.index)
		if i == 0 {
			out = p
		} else {
			out = meet(out, p)
		}
	}
	rc.params[v] = out
	return out, true
}
