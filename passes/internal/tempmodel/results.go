package tempmodel

import (
	"go/ast"
	"go/types"
)

// resultCache holds the result summaries that facts do not carry: results
// of this package's functions other than the first string one, and the
// results of function literals (closures, sync.OnceValue bodies).
type resultCache struct {
	at     map[resultKey]*Prov
	inProg map[resultKey]bool
	// stores: the value of a package-level variable or a field, evaluated
	// from all its stores (which do not depend on the function asking),
	// once per mode: every read would otherwise evaluate them again, and
	// stores reading other such values multiply the work at each level.
	stores map[storesKey]Prov
	// params: a parameter's value from its call sites (paramFromCallers).
	params map[*types.Var]Prov
}

type storesKey struct {
	v       *types.Var
	callers bool
}

// resultKey names result k of a function declaration or literal.
type resultKey struct {
	fn ast.Node // *ast.FuncDecl or *ast.FuncLit
	k  int
}

func (m *Model) resultCache() *resultCache {
	if m.moreResults == nil {
		m.moreResults = &resultCache{at: map[resultKey]*Prov{}, inProg: map[resultKey]bool{}, stores: map[storesKey]Prov{}, params: map[*types.Var]Prov{}}
	}
	return m.moreResults
}

// resultSummary returns the provenance summary of fn's first string result,
// computing it for functions of this package, or nil if it has none. It is
// the part of fn's [Summary] that facts carry to other packages.
func (m *Model) resultSummary(fn *types.Func) *Prov {
	if r, ok := m.results[fn]; ok {
		return r
	}
	fd := m.decls[fn]
	if fd == nil || m.inProg[fn] {
		return nil
	}
	k := firstString(fn)
	if k < 0 {
		m.results[fn] = nil
		return nil
	}
	m.inProg[fn] = true
	defer delete(m.inProg, fn)
	out := m.bodyResult(fn.Type().(*types.Signature), fd.Body, k)
	m.results[fn] = out
	return out
}

// resultAt is resultSummary for result k of a function of this package.
func (m *Model) resultAt(fn *types.Func, k int) *Prov {
	if k == firstString(fn) {
		return m.resultSummary(fn)
	}
	fd := m.decls[fn]
	if fd == nil {
		return nil
	}
	return m.cachedResult(resultKey{fd, k}, fn.Type().(*types.Signature), fd.Body)
}

// litResult is the result summary of result k of a function literal, its
// parameters symbolic. Captured variables are evaluated as they are
// everywhere; a parameter of the enclosing function is unknown in it.
func (m *Model) litResult(lit *ast.FuncLit, k int) *Prov {
	sig, ok := m.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	if !ok || k < 0 || k >= sig.Results().Len() {
		return nil
	}
	return m.cachedResult(resultKey{lit, k}, sig, lit.Body)
}

func (m *Model) cachedResult(key resultKey, sig *types.Signature, body *ast.BlockStmt) *Prov {
	rc := m.resultCache()
	if r, ok := rc.at[key]; ok {
		return r
	}
	if rc.inProg[key] {
		return nil
	}
	rc.inProg[key] = true
	out := m.bodyResult(sig, body, key.k)
	delete(rc.inProg, key)
	rc.at[key] = out
	return out
}

// bodyResult computes the provenance of result k of a function body with
// the signature sig, over its return statements (those of nested literals
// excluded), with its parameters symbolic; nil if it says nothing.
func (m *Model) bodyResult(sig *types.Signature, body *ast.BlockStmt, k int) *Prov {
	if body == nil || k < 0 || k >= sig.Results().Len() {
		return nil
	}
	ctx := &evalCtx{params: map[*types.Var]int{}}
	for i := 0; i < sig.Params().Len(); i++ {
		ctx.params[sig.Params().At(i)] = i
	}
	var out *Prov
	add := func(p Prov) {
		if out == nil {
			out = &p
		} else {
			r := meet(*out, p)
			out = &r
		}
	}
	nres := sig.Results().Len()
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == nres:
				add(m.eval(ctx, n.Results[k]))
			case len(n.Results) == 1 && nres > 1:
				// return g() with a multi-value g.
				if c, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); ok {
					add(m.evalResult(ctx, c, k))
				} else {
					add(Unknown)
				}
			case len(n.Results) == 0 && sig.Results().At(k).Name() != "":
				add(m.evalIdentVar(ctx, sig.Results().At(k)))
			default:
				add(Unknown)
			}
		}
		return true
	})
	if out == nil || out.Loc == LocUnknown && out.Name == NameUnknown && out.LocFrom == 0 {
		return nil
	}
	return out
}

func (m *Model) evalIdentVar(ctx *evalCtx, v *types.Var) Prov {
	d := m.defs(v)
	if d == nil || d.opaque || len(d.exprs) == 0 {
		return Unknown
	}
	out := m.evalDef(ctx, d.exprs[0])
	for _, x := range d.exprs[1:] {
		out = meet(out, m.evalDef(ctx, x))
	}
	return out
}

// globalStores is evalStores for a package-level variable or a field, in
// the global context, remembered per mode. A value met again inside its own
// evaluation is not remembered (it stands for the other stores there).
func (m *Model) globalStores(ctx *evalCtx, v *types.Var, d *varDefs, mentions func(ast.Node) bool) Prov {
	ctx = ctx.global()
	if ctx.seen[v] {
		return m.evalStores(ctx, v, d, mentions)
	}
	rc := m.resultCache()
	key := storesKey{v, ctx.callers}
	if p, ok := rc.stores[key]; ok {
		return p
	}
	p := m.evalStores(ctx, v, d, mentions)
	rc.stores[key] = p
	return p
}
