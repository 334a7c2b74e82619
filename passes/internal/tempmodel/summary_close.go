package tempmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/tempguard/tempguard/passes/internal/flow"
)

func init() { summarizers = append(summarizers, summarizeClose) }

// Interfaces of the io package, rebuilt from their method signatures: a
// type closes through io.Closer's method and writes through io.Writer's,
// whatever the code calls it.
var (
	errorType = types.Universe.Lookup("error").Type()
	// CloserIface is io.Closer.
	CloserIface = newIface("Close", nil, types.NewTuple(types.NewVar(token.NoPos, nil, "", errorType)))
	// WriterIface is io.Writer.
	WriterIface = newIface("Write",
		types.NewTuple(types.NewVar(token.NoPos, nil, "p", types.NewSlice(types.Typ[types.Byte]))),
		types.NewTuple(types.NewVar(token.NoPos, nil, "n", types.Typ[types.Int]), types.NewVar(token.NoPos, nil, "err", errorType)))
)

func newIface(method string, params, results *types.Tuple) *types.Interface {
	sig := types.NewSignatureType(nil, nil, nil, params, results, false)
	return types.NewInterfaceType([]*types.Func{types.NewFunc(token.NoPos, nil, method, sig)}, nil).Complete()
}

// Implements reports whether t or, for a non-pointer, non-interface t, *t
// implements iface.
func Implements(t types.Type, iface *types.Interface) bool {
	if t == nil {
		return false
	}
	if types.Implements(t, iface) {
		return true
	}
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		return types.Implements(types.NewPointer(t), iface)
	}
	return false
}

// flushMethods are the methods of the standard library's buffering and
// encoding writers that put buffered data into the writer beneath (Close
// of a compressor or archive writer finishes the stream too).
var flushMethods = map[Func]bool{
	{Pkg: "bufio", Recv: "Writer", Name: "Flush"}:          true,
	{Pkg: "compress/gzip", Recv: "Writer", Name: "Flush"}:  true,
	{Pkg: "compress/gzip", Recv: "Writer", Name: "Close"}:  true,
	{Pkg: "compress/zlib", Recv: "Writer", Name: "Flush"}:  true,
	{Pkg: "compress/zlib", Recv: "Writer", Name: "Close"}:  true,
	{Pkg: "compress/flate", Recv: "Writer", Name: "Flush"}: true,
	{Pkg: "compress/flate", Recv: "Writer", Name: "Close"}: true,
	{Pkg: "encoding/csv", Recv: "Writer", Name: "Flush"}:   true,
	{Pkg: "archive/tar", Recv: "Writer", Name: "Flush"}:    true,
	{Pkg: "archive/tar", Recv: "Writer", Name: "Close"}:    true,
	{Pkg: "archive/zip", Recv: "Writer", Name: "Flush"}:    true,
	{Pkg: "archive/zip", Recv: "Writer", Name: "Close"}:    true,
	{Pkg: "encoding/xml", Recv: "Encoder", Name: "Flush"}:  true,
	{Pkg: "encoding/xml", Recv: "Encoder", Name: "Close"}:  true,
	{Pkg: "text/tabwriter", Recv: "Writer", Name: "Flush"}: true,
	{Pkg: "io", Recv: "Closer", Name: "Close"}:             true,
}

// IsFlush reports whether fn is a flushing method of a known writer.
func IsFlush(fn *types.Func) bool { return fn != nil && flushMethods[FuncOf(fn)] }

// CloserMethod reports whether sel selects the method by which the type of
// its receiver implements io.Closer.
func CloserMethod(info *types.Info, sel *ast.SelectorExpr) bool {
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok {
		return false
	}
	t := info.TypeOf(sel.X)
	if t == nil || !Implements(t, CloserIface) {
		return false
	}
	m := CloserIface.Method(0)
	obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
	return obj == fn
}

// ClosingMethod reports whether sel selects a method that closes or
// flushes its receiver: its io.Closer method, or a flushing method of a
// known writer.
func ClosingMethod(info *types.Info, sel *ast.SelectorExpr) bool {
	fn, _ := info.Uses[sel.Sel].(*types.Func)
	return IsFlush(fn) || CloserMethod(info, sel)
}

// Closable reports whether a value of type t may be closed or flushed: it
// implements io.Closer, has a flushing method of a known writer, or is an
// empty interface (which may hold a file and be asserted to io.Closer).
func Closable(t types.Type) bool {
	if t == nil {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() != types.UnsafePointer {
		return false
	}
	if Implements(t, CloserIface) {
		return true
	}
	ms := types.NewMethodSet(t)
	if _, isPtr := t.(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	for i := 0; i < ms.Len(); i++ {
		if fn, ok := ms.At(i).Obj().(*types.Func); ok && IsFlush(fn) {
			return true
		}
	}
	if it, ok := t.Underlying().(*types.Interface); ok && it.NumMethods() == 0 {
		return true
	}
	return false
}

// summarizeClose sets UseMayClose for the parameters that fn may close (or
// flush) on some path, and UseClose for those it closes before it returns: every path from the entry to a normal exit
// passes a close of the parameter (its io.Closer method, a flushing method
// of a known writer, a deferred call of either, a callee whose summary
// closes it, or a range loop over a variadic parameter that closes every
// element), except paths that return an error from the error branch of an
// `err != nil` test: a helper that writes and closes a file, returning
// early when the write fails, closes it whenever it succeeds.
func summarizeClose(m *Model, fn *types.Func, fd *ast.FuncDecl, s *Summary) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return
	}
	params := map[*types.Var]int{}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		t := p.Type()
		if sig.Variadic() && i == sig.Params().Len()-1 {
			if sl, ok := t.(*types.Slice); ok {
				t = sl.Elem()
			}
		}
		if Closable(t) {
			params[p] = i
		}
	}
	if len(params) == 0 {
		return
	}
	g := m.Graph(fd)
	if g == nil || len(g.CFG.Blocks) == 0 {
		return
	}
	// range loops over a parameter whose body closes each element
	ranges := map[ast.Expr]*ast.RangeStmt{}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok && r.Value != nil {
			ranges[r.X] = r
		}
		return true
	})
	errLast := sig.Results().Len() > 0 && types.Identical(sig.Results().At(sig.Results().Len()-1).Type(), errorType)
	for p, i := range params {
		if !m.MayClose(fn, i) {
			continue
		}
		s.SetParam(i, UseMayClose)
		closes := func(n ast.Node) bool { return m.closesVar(n, p, ranges) }
		if m.exitsClosed(g, closes, errLast) {
			s.SetParam(i, UseClose)
		}
	}
}

// exitsClosed reports whether every path from the entry of g to a normal
// exit passes a node for which closes is true, not counting paths that
// return an error from the error branch of an `err != nil` test (when the
// function's last result is an error).
func (m *Model) exitsClosed(g *flow.Graph, closes func(ast.Node) bool, errLast bool) bool {
	info := m.pass.TypesInfo
	type key struct {
		b     *cfg.Block
		onErr bool
	}
	seen := map[key]bool{}
	var walk func(b *cfg.Block, onErr bool) bool
	walk = func(b *cfg.Block, onErr bool) bool {
		k := key{b, onErr}
		if seen[k] {
			return true
		}
		seen[k] = true
		for _, n := range b.Nodes {
			if closes(n) {
				return true
			}
		}
		if len(b.Succs) == 0 {
			if !m.blockReturns(b) {
				return true // panics or exits: not a normal return
			}
			if ret := b.Return(); onErr && errLast && ret != nil && len(ret.Results) > 0 && !isNilIdent(info, ret.Results[len(ret.Results)-1]) {
				return true // returns the error
			}
			return false
		}
		_, errSucc, isErr := flow.ErrorBranch(info, b)
		for _, succ := range b.Succs {
			if !walk(succ, onErr || isErr && succ == errSucc) {
				return false
			}
		}
		return true
	}
	return walk(g.CFG.Blocks[0], false)
}

// blockReturns reports whether a block without successors leaves the
// function normally: a return statement or the end of the body, not a
// call that never returns.
func (m *Model) blockReturns(b *cfg.Block) bool {
	if b.Return() != nil || len(b.Nodes) == 0 {
		return true
	}
	last := b.Nodes[len(b.Nodes)-1]
	if es, ok := last.(*ast.ExprStmt); ok {
		last = es.X
	}
	if call, ok := last.(*ast.CallExpr); ok {
		return m.MayReturn(call)
	}
	return true
}

func isNilIdent(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// closesVar reports whether the graph node n closes (or flushes) v.
func (m *Model) closesVar(n ast.Node, v *types.Var, ranges map[ast.Expr]*ast.RangeStmt) bool {
	info := m.pass.TypesInfo
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	if e, ok := n.(ast.Expr); ok && is(e) {
		// for _, c := range cs { c.Close() }: the loop closes every element
		if r := ranges[e]; r != nil {
			if ev, ok := info.Defs[identOf(r.Value)].(*types.Var); ok {
				for _, st := range r.Body.List {
					if m.closesIn(st, ev, false) {
						return true
					}
				}
			}
		}
		return false
	}
	return m.closesIn(n, v, true)
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := e.(*ast.Ident)
	return id
}

// closesIn reports whether n contains a call that closes v (outside go
// statements and function literals, except a deferred literal when
// deferred is true).
func (m *Model) closesIn(n ast.Node, v *types.Var, deferred bool) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if found {
			return false
		}
		switch x := x.(type) {
		case *ast.DeferStmt:
			if lit, ok := ast.Unparen(x.Call.Fun).(*ast.FuncLit); ok {
				if deferred {
					found = m.closesIn(lit.Body, v, false)
				}
				return false
			}
		case *ast.FuncLit, *ast.GoStmt:
			return false // runs later, or concurrently
		case *ast.CallExpr:
			if m.callCloses(x, v) {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// callCloses reports whether call closes v: its io.Closer method or a
// flushing method on v, or v passed to a callee whose summary closes it.
func (m *Model) callCloses(call *ast.CallExpr, v *types.Var) bool {
	return m.callClosesUse(call, v, UseClose)
}

// callClosesUse is callCloses with the summary bit that counts (UseClose,
// or UseMayClose for closes on some path).
func (m *Model) callClosesUse(call *ast.CallExpr, v *types.Var, use ParamUse) bool {
	info := m.pass.TypesInfo
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && is(sel.X) && ClosingMethod(info, sel) {
		return true
	}
	callee, _ := Callee(info, call)
	if callee == nil {
		return false
	}
	csig, ok := callee.Type().(*types.Signature)
	if !ok {
		return false
	}
	for j, a := range call.Args {
		if !is(a) {
			continue
		}
		k := j
		if n := csig.Params().Len(); csig.Variadic() && k >= n-1 {
			k = n - 1
		}
		if m.Summary(callee).Param(k)&use != 0 {
			return true
		}
	}
	return false
}

// MayClose reports whether fn, a function of this package, may close its
// parameter i on some path: a close anywhere in its body (deferred, in a
// function literal or a go statement), or a call that may close it. For
// other functions ask the summary's UseMayClose.
func (m *Model) MayClose(fn *types.Func, i int) bool {
	if fn == nil {
		return false
	}
	fd := m.decls[fn.Origin()]
	sig, ok := fn.Origin().Type().(*types.Signature)
	if fd == nil || !ok || i < 0 || i >= sig.Params().Len() {
		return false
	}
	p := sig.Params().At(i)
	info := m.pass.TypesInfo
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.RangeStmt:
			// for _, c := range cs { c.Close() }
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.Uses[id] == p && n.Value != nil {
				if ev, ok := info.Defs[identOf(n.Value)].(*types.Var); ok && m.MayCloseIn(n.Body, ev) {
					found = true
				}
			}
		case *ast.CallExpr:
			found = m.callClosesUse(n, p, UseMayClose)
		}
		return !found
	})
	return found
}

// MayCloseIn reports whether n contains, anywhere, a call that closes v.
func (m *Model) MayCloseIn(n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if call, ok := x.(*ast.CallExpr); ok && !found {
			found = m.callClosesUse(call, v, UseMayClose)
		}
		return !found
	})
	return found
}
