package tempmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"sync"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

// The routes by which a value reaches a sink beyond local variables: the
// stores to a struct field anywhere in the package, the elements of a
// slice a loop ranges over, the arguments of a closure's call, a walk's
// callback parameter, and the results of closures (sync.OnceValue). They are
// indexed in the one walk of buildIndex (defs.go) and evaluated only when a
// pass asks about a value that reads them.

// routeIndex is the part of the package index that the routes need.
type routeIndex struct {
	// fields: every store to a field of a struct type of this package (by
	// the field's origin object): assignments to x.f, composite literals,
	// ++ and op-assignments (counter or opaque), address taken (opaque).
	fields map[*types.Var]*varDefs
	// elems: the elements stored in a slice or array variable of this
	// package (literal elements, append(v, ...) to itself, v[i] = e).
	elems map[*types.Var]*elemDefs
	// litParams: the parameters of function literals; litCalls: a literal
	// called where it is written (func(d string){...}(x), go and defer
	// included); litWalks: a literal given to a walk as its callback.
	litParams map[*types.Var]litParam
	litCalls  map[*ast.FuncLit]*ast.CallExpr
	litWalks  map[*ast.FuncLit]*ast.CallExpr

	usesOnce sync.Once
	uses     map[*types.Var]int // uses of the variables of elems
}

// usesOf returns how many identifiers use v, a variable of elems. The
// count is made once, over the type checker's uses, on first request.
func (ri *routeIndex) usesOf(info *types.Info, v *types.Var) int {
	ri.usesOnce.Do(func() {
		ri.uses = map[*types.Var]int{}
		for _, obj := range info.Uses {
			if w, ok := obj.(*types.Var); ok && ri.elems[w] != nil {
				ri.uses[w]++
			}
		}
	})
	return ri.uses[v]
}

// elemDefs is what is stored in a slice or array variable. Its elements
// are all visible when no store is opaque and every use of the variable is
// one that keeps them so (known): ranged over, indexed, len or cap,
// assigned to, or the first argument of append(v, ...) assigned to v.
// Passed to a function, sliced, copied or returned, they are not. The uses
// are counted only when a loop over the variable is asked about
// (usesOf): counting them in the walk costs a lookup per identifier.
type elemDefs struct {
	exprs  []ast.Expr
	opaque bool
	known  int
}

type litParam struct {
	lit      *ast.FuncLit
	index    int
	variadic bool
}

func newRouteIndex() *routeIndex {
	return &routeIndex{
		fields:    map[*types.Var]*varDefs{},
		elems:     map[*types.Var]*elemDefs{},
		litParams: map[*types.Var]litParam{},
		litCalls:  map[*ast.FuncLit]*ast.CallExpr{},
		litWalks:  map[*ast.FuncLit]*ast.CallExpr{},
	}
}

func (ri *routeIndex) field(f *types.Var) *varDefs {
	d := ri.fields[f]
	if d == nil {
		d = &varDefs{}
		ri.fields[f] = d
	}
	return d
}

func (ri *routeIndex) elem(v *types.Var) *elemDefs {
	d := ri.elems[v]
	if d == nil {
		d = &elemDefs{}
		ri.elems[v] = d
	}
	return d
}

// fieldObj returns the field that the selector e selects, by its origin
// (the same object for every instance of a generic type).
func fieldObj(info *types.Info, e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return nil
	}
	f, _ := s.Obj().(*types.Var)
	if f == nil {
		return nil
	}
	return f.Origin()
}

// sliceVar returns the slice or array variable of pkg that the identifier
// e names, if it is one.
func sliceVar(info *types.Info, pkg *types.Package, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		v, ok = info.Defs[id].(*types.Var)
	}
	if !ok || v.IsField() || v.Pkg() != pkg {
		return nil
	}
	switch v.Type().Underlying().(type) {
	case *types.Slice, *types.Array:
		return v
	}
	return nil
}

// indexedSlice returns the slice variable of v[i].
func indexedSlice(info *types.Info, pkg *types.Package, e ast.Expr) *types.Var {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok {
		return nil
	}
	return sliceVar(info, pkg, ix.X)
}

// isUse reports whether e is an identifier that uses (not defines) its object.
func isUse(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] != nil
}

// visit indexes one node of the package (called for every node by
// buildIndex).
func (ri *routeIndex) visit(info *types.Info, pkg *types.Package, n ast.Node) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
			for _, l := range n.Lhs {
				ri.storeOp(info, pkg, l)
			}
			return
		}
		for i, l := range n.Lhs {
			switch {
			case len(n.Lhs) == len(n.Rhs):
				ri.store(info, pkg, l, n.Rhs[i], -1)
			case len(n.Rhs) == 1:
				ri.store(info, pkg, l, n.Rhs[0], i)
			}
		}
	case *ast.ValueSpec:
		for i, id := range n.Names {
			switch {
			case len(n.Values) == len(n.Names):
				ri.store(info, pkg, id, n.Values[i], -1)
			case len(n.Values) == 1:
				ri.store(info, pkg, id, n.Values[0], i)
			}
		}
	case *ast.IncDecStmt:
		ri.storeOp(info, pkg, n.X)
	case *ast.RangeStmt:
		ri.opaqueStore(info, pkg, n.Key)
		ri.opaqueStore(info, pkg, n.Value)
		if v := sliceVar(info, pkg, n.X); v != nil && isUse(info, n.X) {
			ri.elem(v).known++
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			ri.opaqueStore(info, pkg, n.X)
		}
	case *ast.IndexExpr:
		if v := sliceVar(info, pkg, n.X); v != nil && isUse(info, n.X) {
			ri.elem(v).known++
		}
	case *ast.CompositeLit:
		t := info.TypeOf(n)
		if t == nil {
			return
		}
		st, ok := derefType(t).Underlying().(*types.Struct)
		if !ok {
			return
		}
		for i, elt := range n.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := info.Uses[key].(*types.Var); ok && f.IsField() && f.Pkg() == pkg {
						ri.field(f.Origin()).exprs = append(ri.field(f.Origin()).exprs, def{kv.Value, -1})
					}
				}
				continue
			}
			if i < st.NumFields() {
				if f := st.Field(i); f.Pkg() == pkg {
					ri.field(f.Origin()).exprs = append(ri.field(f.Origin()).exprs, def{elt, -1})
				}
			}
		}
	case *ast.FuncLit:
		i := 0
		for _, fld := range n.Type.Params.List {
			_, variadic := fld.Type.(*ast.Ellipsis)
			if len(fld.Names) == 0 {
				i++
				continue
			}
			for _, name := range fld.Names {
				if v, ok := info.Defs[name].(*types.Var); ok {
					ri.litParams[v] = litParam{n, i, variadic}
				}
				i++
			}
		}
	case *ast.CallExpr:
		if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
			ri.litCalls[lit] = n
		}
		if len(n.Args) == 1 && (isBuiltin(info, n.Fun, "len") || isBuiltin(info, n.Fun, "cap")) {
			if v := sliceVar(info, pkg, n.Args[0]); v != nil {
				ri.elem(v).known++
			}
		}
		var lits []*ast.FuncLit
		for _, a := range n.Args {
			if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
				lits = append(lits, lit)
			}
		}
		if len(lits) > 0 {
			if a, ok := fileapi.CallAPI(info, n); ok && a.Ops.Has(fileapi.OpWalk) && a.Path >= 0 {
				for _, lit := range lits {
					ri.litWalks[lit] = n
				}
			}
		}
	}
}

// store records lhs = rhs (result index of a multi-value rhs, or -1).
func (ri *routeIndex) store(info *types.Info, pkg *types.Package, lhs, rhs ast.Expr, index int) {
	if f := fieldObj(info, lhs); f != nil && f.Pkg() == pkg {
		ri.field(f).exprs = append(ri.field(f).exprs, def{rhs, index})
		return
	}
	if v := indexedSlice(info, pkg, lhs); v != nil {
		if index >= 0 {
			ri.elem(v).opaque = true
		} else {
			ri.elem(v).exprs = append(ri.elem(v).exprs, rhs)
		}
		return
	}
	v := sliceVar(info, pkg, lhs)
	if v == nil {
		return
	}
	d := ri.elem(v)
	if isUse(info, lhs) {
		d.known++
	}
	if index >= 0 {
		d.opaque = true
		return
	}
	switch x := ast.Unparen(rhs).(type) {
	case *ast.CompositeLit:
		d.exprs = append(d.exprs, litElems(x)...)
		return
	case *ast.Ident:
		if _, ok := info.Uses[x].(*types.Nil); ok {
			return
		}
	case *ast.CallExpr:
		id, ok := ast.Unparen(x.Fun).(*ast.Ident)
		if !ok || len(x.Args) == 0 {
			break
		}
		if b, ok := info.Uses[id].(*types.Builtin); !ok || b.Name() != "append" {
			break
		}
		if a0, ok := ast.Unparen(x.Args[0]).(*ast.Ident); !ok || info.Uses[a0] != v {
			break
		}
		d.known++ // the first argument of append(v, ...)
		args := x.Args[1:]
		if x.Ellipsis.IsValid() {
			lit, ok := ast.Unparen(args[len(args)-1]).(*ast.CompositeLit)
			if !ok {
				break
			}
			args = append(args[:len(args)-1:len(args)-1], litElems(lit)...)
		}
		d.exprs = append(d.exprs, args...)
		return
	}
	d.opaque = true
}

// litElems returns the element values of a slice or array literal.
func litElems(lit *ast.CompositeLit) []ast.Expr {
	out := make([]ast.Expr, 0, len(lit.Elts))
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			e = kv.Value
		}
		out = append(out, e)
	}
	return out
}

// storeOp records x op= y or x++: an integer field counts, another field
// or a slice element becomes unknown.
func (ri *routeIndex) storeOp(info *types.Info, pkg *types.Package, lhs ast.Expr) {
	if f := fieldObj(info, lhs); f != nil && f.Pkg() == pkg {
		if isInteger(f.Type()) {
			ri.field(f).counter = true
		} else {
			ri.field(f).opaque = true
		}
		return
	}
	if v := indexedSlice(info, pkg, lhs); v != nil {
		ri.elem(v).opaque = true
	}
}

// opaqueStore records a store that cannot be followed (range, address
// taken).
func (ri *routeIndex) opaqueStore(info *types.Info, pkg *types.Package, e ast.Expr) {
	if e == nil {
		return
	}
	if f := fieldObj(info, e); f != nil && f.Pkg() == pkg {
		ri.field(f).opaque = true
		return
	}
	if v := indexedSlice(info, pkg, e); v != nil {
		ri.elem(v).opaque = true
		return
	}
	if v := sliceVar(info, pkg, e); v != nil {
		ri.elem(v).opaque = true
	}
}

// global returns the context for evaluating stores made outside the
// function being evaluated (to package variables and fields): the
// function's parameters are not symbolic there.
func (ctx *evalCtx) global() *evalCtx {
	if ctx.params == nil {
		return ctx
	}
	c := *ctx
	c.params = nil
	return &c
}

// fieldStoresProv is the provenance of a read of field f: the meet of every
// store to f in the package. Only unexported fields of this package's
// struct types qualify: other packages (and encoding/json) can set
// exported ones. The zero value of a literal that leaves f out is not a
// store, as for variables.
func (m *Model) fieldStoresProv(ctx *evalCtx, f *types.Var) (Prov, bool) {
	if f == nil || f.Pkg() != m.pass.Pkg || f.Exported() {
		return Prov{}, false
	}
	d := m.idx().routes.fields[f]
	if d == nil || d.opaque || len(d.exprs) == 0 && !d.counter {
		return Prov{}, false
	}
	info := m.pass.TypesInfo
	return m.globalStores(ctx, f, d, func(x ast.Node) bool {
		found := false
		ast.Inspect(x, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok && !found && fieldObj(info, e) == f {
				found = true
			}
			return !found
		})
		return found
	}), true
}

// evalStores is the meet of the values stored in v (a variable or a
// field), d. Assignments that read v itself (v = strings.Replace(v, ...))
// are evaluated last, with v standing for what the other assignments give:
// one step of the fixed point, so v = v + random() still turns the name
// unknown. v met again while it is evaluated is unknown.
func (m *Model) evalStores(ctx *evalCtx, v *types.Var, d *varDefs, mentions func(ast.Node) bool) Prov {
	if ctx.seen[v] {
		if p, ok := ctx.self[v]; ok {
			return p
		}
		return Unknown
	}
	if ctx.seen == nil {
		ctx.seen = map[types.Object]bool{}
	}
	ctx.seen[v] = true
	defer delete(ctx.seen, v)

	var out Prov
	first := true
	add := func(p Prov) {
		if first {
			out, first = p, false
		} else {
			out = meet(out, p)
		}
	}
	if d.counter {
		add(predictable("a counter"))
	}
	var selfRef []def
	for _, x := range d.exprs {
		if x.x != nil && mentions(x.x) {
			selfRef = append(selfRef, x)
			continue
		}
		add(m.evalDef(ctx, x))
	}
	if len(selfRef) > 0 {
		if first {
			return Unknown
		}
		if ctx.self == nil {
			ctx.self = map[*types.Var]Prov{}
		}
		ctx.self[v] = out
		for _, x := range selfRef {
			add(m.evalDef(ctx, x))
		}
		delete(ctx.self, v)
	}
	// s += x: s is what the assignments give, or that with x appended
	// (once or, in a loop, more: the parts stay of the same kinds).
	if len(d.appends) > 0 {
		if first {
			return Unknown
		}
		if ctx.self == nil {
			ctx.self = map[*types.Var]Prov{}
		}
		base := out
		ctx.self[v] = base
		for _, x := range d.appends {
			add(concat(base, m.eval(ctx, x)))
		}
		delete(ctx.self, v)
	}
	if d.randomBytes {
		out = concat(Prov{Loc: LocOther}, randomProv)
	}
	return out
}

// rangeValueProv is the provenance of v, the value variable of a range
// statement and defined by nothing else, over a slice or array whose
// elements are all visible (elemsOf). The loop body runs with each element
// in turn, so a sink in it sees every one of them: when some elements are
// in a shared temp dir, the value is what those agree on (the glog shape:
// a flag's directory first, os.TempDir() after it); otherwise it is the
// meet of all of them.
func (m *Model) rangeValueProv(ctx *evalCtx, v *types.Var, raw *varDefs) (Prov, bool) {
	if raw == nil || len(raw.rangeX) != 1 || raw.opaqueOther || raw.counter || raw.randomBytes || len(raw.appends) > 0 {
		return Prov{}, false
	}
	for _, x := range raw.exprs {
		if x.index != -2 {
			return Prov{}, false
		}
	}
	elems, global := m.elemsOf(raw.rangeX[0])
	if len(elems) == 0 || ctx.seen[v] {
		return Prov{}, false
	}
	if ctx.seen == nil {
		ctx.seen = map[types.Object]bool{}
	}
	ctx.seen[v] = true
	defer delete(ctx.seen, v)
	ectx := ctx
	if global {
		ectx = ctx.global()
	}
	var all, shared []Prov
	for _, e := range elems {
		p := m.eval(ectx, e)
		all = append(all, p)
		if p.Loc == LocShared && p.LocFrom == 0 && len(p.NameFrom) == 0 {
			shared = append(shared, p)
		}
	}
	some := len(shared) > 0 && len(shared) < len(all)
	if len(shared) > 0 {
		all = shared
	}
	out := all[0]
	for _, p := range all[1:] {
		out = meet(out, p)
	}
	if some {
		out.Each = true
	}
	return out, true
}

// elemsOf returns the elements of the collection x a range statement
// ranges over: a slice or array literal, or a slice or array variable of
// this package whose elements are all visible (elemDefs). global reports
// that they were stored outside the function (a package-level variable).
// An exported package-level variable can be changed by other packages.
func (m *Model) elemsOf(x ast.Expr) (elems []ast.Expr, global bool) {
	info := m.pass.TypesInfo
	switch t := info.TypeOf(x); {
	case t == nil:
		return nil, false
	default:
		switch t.Underlying().(type) {
		case *types.Slice, *types.Array:
		default:
			return nil, false
		}
	}
	if lit, ok := ast.Unparen(x).(*ast.CompositeLit); ok {
		return litElems(lit), false
	}
	v := sliceVar(info, m.pass.Pkg, x)
	if v == nil {
		return nil, false
	}
	global = v.Parent() == v.Pkg().Scope()
	if global && v.Exported() {
		return nil, false
	}
	if k := v.Kind(); k == types.ParamVar || k == types.RecvVar || k == types.ResultVar {
		return nil, false
	}
	ri := m.idx().routes
	d := ri.elems[v]
	if d == nil || d.opaque || ri.usesOf(info, v) != d.known {
		return nil, false
	}
	return d.exprs, global
}

// litParamProv is the provenance of v, a parameter of a function literal
// that is never reassigned: the argument of the literal's one call when it
// is called where it is written (go func(dir string){...}(os.TempDir())),
// or, for the first parameter of a walk's callback (filepath.Walk,
// filepath.WalkDir), a path under the walked root whose name the model
// cannot know (it comes from the file system).
func (m *Model) litParamProv(ctx *evalCtx, v *types.Var) (Prov, bool) {
	ix := m.idx()
	lp, ok := ix.routes.litParams[v]
	if !ok || lp.variadic || ix.vars[v] != nil {
		return Prov{}, false
	}
	if call := ix.routes.litCalls[lp.lit]; call != nil {
		if call.Ellipsis.IsValid() {
			return Prov{}, false
		}
		return m.argProv(ctx, call, lp.index), true
	}
	if call := ix.routes.litWalks[lp.lit]; call != nil && lp.index == 0 {
		a, ok := fileapi.CallAPI(m.pass.TypesInfo, call)
		root := fileapi.Arg(call, a.Path)
		if !ok || root == nil {
			return Prov{}, false
		}
		return concat(m.eval(ctx, root), Prov{Loc: LocOther, Name: NameUnknown}), true
	}
	return Prov{}, false
}

// argProv is the provenance of argument i of call, also when the arguments
// are the results of one multi-value call (f(g())).
func (m *Model) argProv(ctx *evalCtx, call *ast.CallExpr, i int) Prov {
	if inner := tupleArg(m.pass.TypesInfo, call); inner != nil {
		return m.evalResult(ctx, inner, i)
	}
	if i < 0 || i >= len(call.Args) {
		return Unknown
	}
	return m.eval(ctx, call.Args[i])
}

// numArgs is the number of arguments of call, counting each result of a
// multi-value call given as the whole argument list.
func numArgs(info *types.Info, call *ast.CallExpr) int {
	if inner := tupleArg(info, call); inner != nil {
		return info.TypeOf(inner).(*types.Tuple).Len()
	}
	return len(call.Args)
}

// tupleArg returns g when call is f(g()) with a multi-value g.
func tupleArg(info *types.Info, call *ast.CallExpr) *ast.CallExpr {
	if len(call.Args) != 1 {
		return nil
	}
	inner, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
	if !ok {
		return nil
	}
	if _, ok := info.TypeOf(inner).(*types.Tuple); !ok {
		return nil
	}
	return inner
}

// onceFuncs are the standard functions that return a function giving
// the results of their function argument (computed once).
var onceFuncs = map[Func]bool{
	{Pkg: "sync", Name: "OnceValue"}:  true,
	{Pkg: "sync", Name: "OnceValues"}: true,
}

// funcValueLits returns the function literals that the function value x
// may be: x itself, a variable of this package whose every assignment is a
// literal or sync.OnceValue(s) of one, or nil.
func (m *Model) funcValueLits(x ast.Expr) []*ast.FuncLit {
	info := m.pass.TypesInfo
	lit := func(e ast.Expr) *ast.FuncLit {
		e = ast.Unparen(e)
		if c, ok := e.(*ast.CallExpr); ok && len(c.Args) == 1 {
			if _, f := Callee(info, c); onceFuncs[f] {
				e = ast.Unparen(c.Args[0])
			}
		}
		l, _ := e.(*ast.FuncLit)
		return l
	}
	if l := lit(x); l != nil {
		return []*ast.FuncLit{l}
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	d := m.defs(v)
	if d == nil || d.opaque || d.counter || len(d.exprs) == 0 {
		return nil
	}
	var out []*ast.FuncLit
	for _, x := range d.exprs {
		if x.index >= 0 {
			return nil
		}
		l := lit(x.x)
		if l == nil {
			return nil
		}
		out = append(out, l)
	}
	return out
}

// dynamicResult is the provenance of result k of a call of a function
// value that is known to be one of some function literals (see
// funcValueLits), with the call's arguments put for their parameters.
func (m *Model) dynamicResult(ctx *evalCtx, call *ast.CallExpr, k int) Prov {
	lits := m.funcValueLits(call.Fun)
	if len(lits) == 0 || call.Ellipsis.IsValid() {
		return Unknown
	}
	n := numArgs(m.pass.TypesInfo, call)
	var args []Prov
	var out Prov
	for i, lit := range lits {
		sum := m.litResult(lit, k)
		if sum == nil {
			return Unknown
		}
		p := *sum
		if sum.LocFrom > 0 || len(sum.NameFrom) > 0 {
			if args == nil {
				args = make([]Prov, n)
				for j := range n {
					args[j] = m.argProv(ctx, call, j)
				}
			}
			p = subst(*sum, args)
		}
		if i == 0 {
			out = p
		} else {
			out = meet(out, p)
		}
	}
	return out
}

// evalResult is the provenance of result i of call.
func (m *Model) evalResult(ctx *evalCtx, call *ast.CallExpr, i int) Prov {
	info := m.pass.TypesInfo
	tup, ok := info.TypeOf(call).(*types.Tuple)
	if !ok {
		if i == 0 {
			return m.evalCall(ctx, call)
		}
		return Unknown
	}
	if i < 0 || i >= tup.Len() {
		return Unknown
	}
	fn, f := Callee(info, call)
	if fn == nil {
		return m.dynamicResult(ctx, call, i)
	}
	switch {
	case f.Is("path/filepath", "Split") || f.Is("path", "Split"):
		p := m.argProv(ctx, call, 0)
		if i == 0 {
			return dirPart(p)
		}
		return basePart(p)
	case m.decls[fn.Origin()] != nil || m.results[fn.Origin()] != nil:
		// A helper of this package, or of another with a fact: the fact
		// carries its first string result only.
		if i == firstString(fn) {
			return m.evalCall(ctx, call)
		}
		if m.decls[fn.Origin()] == nil || !isString(tup.At(i).Type()) {
			return Unknown
		}
		sum := m.resultAt(fn.Origin(), i)
		if sum == nil {
			return Unknown
		}
		if sum.LocFrom == 0 && len(sum.NameFrom) == 0 {
			return *sum
		}
		if call.Ellipsis.IsValid() {
			return Unknown
		}
		args := make([]Prov, numArgs(info, call))
		for j := range args {
			args[j] = m.argProv(ctx, call, j)
		}
		return subst(*sum, args)
	case i == 0:
		// The standard functions the model knows give their string first
		// (os.MkdirTemp, os.Hostname, os.LookupEnv).
		return m.evalCall(ctx, call)
	}
	return Unknown
}

// firstString is the index of fn's first string result, or -1.
func firstString(fn *types.Func) int {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return -1
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if isString(sig.Results().At(i).Type()) {
			return i
		}
	}
	return -1
}

// dirPart is the provenance of filepath.Dir(p) (and of Split's first
// result): the directory of a random name is its directory; the directory
// of a predictable name may be a part of the name, so its name is unknown.
func dirPart(p Prov) Prov {
	if p.LocFrom > 0 || len(p.NameFrom) > 0 {
		return Unknown
	}
	if p.Name == NameRandom {
		p.Name = NameNone
	} else if p.Name == NamePredictable {
		p.Name = NameUnknown
	}
	p.Base = ""
	return p
}

// basePart is the provenance of filepath.Base(p) (and of Split's second
// result): a name, in no directory.
func basePart(p Prov) Prov {
	if p.LocFrom > 0 {
		return Prov{Loc: LocOther, NameFrom: []int{p.LocFrom - 1}}
	}
	name := p.Name
	if name == NameNone {
		name = NameUnknown
	}
	return Prov{Loc: LocOther, Name: name, Sources: p.Sources, Base: p.Base, NameFrom: p.NameFrom, Each: p.Each}
}
