package tempmodel

import (
	"go/ast"
	"go/types"
)

// What a call does with one of its arguments, from the callee's type and
// summary: closes it, may close it, writes to it, may keep it.

// ClosesArg reports whether call closes (or flushes) its argument i: the
// callee's summary says so (it closes it on every path that returns
// without an error), or the callee is a function value or an interface
// method that may do anything (the argument is then taken as closed, to
// stay quiet).
func (m *Model) ClosesArg(call *ast.CallExpr, i int) bool {
	info := m.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return false // conversion
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if _, ok := info.Uses[id].(*types.Builtin); ok {
			return false
		}
	}
	fn, _ := Callee(info, call)
	if fn == nil {
		return true // a function value: may do anything
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return true
	}
	if sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return true
	}
	if fn.Pkg() == nil {
		return false
	}
	if n := sig.Params().Len(); sig.Variadic() && i >= n-1 {
		i = n - 1
	}
	return m.Summary(fn).Param(i)&UseClose != 0
}

// MayCloseArg reports whether call may close argument i on some path: it
// closes it (ClosesArg), or the callee's summary says it may
// (UseMayClose). A close inserted after such a call could fail with "file
// already closed".
func (m *Model) MayCloseArg(call *ast.CallExpr, i int) bool {
	if m.ClosesArg(call, i) {
		return true
	}
	fn, _ := Callee(m.pass.TypesInfo, call)
	if fn == nil {
		return false // a conversion or a builtin
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Variadic() && i >= sig.Params().Len()-1 {
		i = sig.Params().Len() - 1
	}
	return m.Summary(fn).Param(i)&UseMayClose != 0
}

// WritesArg reports whether call writes to its argument i (an io.Writer
// parameter, not the variadic one).
func (m *Model) WritesArg(call *ast.CallExpr, i int) bool {
	fn, _ := Callee(m.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Params().Len() == 0 {
		return false
	}
	if n := sig.Params().Len(); sig.Variadic() && i >= n-1 {
		return false
	} else if i >= n {
		return false
	}
	t := sig.Params().At(i).Type()
	return types.IsInterface(t) && Implements(t, WriterIface)
}

// ParamType returns the type of the parameter of call's callee that
// receives argument i (the element type for variadic arguments), or nil.
func (m *Model) ParamType(call *ast.CallExpr, i int) types.Type {
	fn, _ := Callee(m.pass.TypesInfo, call)
	if fn == nil {
		return nil
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	n := sig.Params().Len()
	switch {
	case sig.Variadic() && i >= n-1 && !call.Ellipsis.IsValid():
		if sl, ok := sig.Params().At(n - 1).Type().(*types.Slice); ok {
			return sl.Elem()
		}
		return nil
	case i < n:
		return sig.Params().At(i).Type()
	}
	return nil
}

// HandsOver reports whether call may close argument i or keep it beyond
// the call: a dynamic call, a parameter of a closable type (an *os.File,
// an io.Closer, any), a callee whose summary closes it, or a callee that
// returns a value that may hold it (not only numbers, strings and errors).
func (m *Model) HandsOver(call *ast.CallExpr, i int) bool {
	fn, _ := Callee(m.pass.TypesInfo, call)
	if fn == nil || Closable(m.ParamType(call, i)) || m.ClosesArg(call, i) {
		return true
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return true
	}
	for j := 0; j < sig.Results().Len(); j++ {
		t := sig.Results().At(j).Type()
		if _, basic := t.Underlying().(*types.Basic); basic || types.Identical(t, types.Universe.Lookup("error").Type()) {
			continue
		}
		return true
	}
	return false
}

// ReturnsClosable reports whether call's callee returns a closable value
// other than an error or an empty interface: a wrapper whose Close may
// close what it was given.
func (m *Model) ReturnsClosable(call *ast.CallExpr) bool {
	fn, _ := Callee(m.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		if types.Identical(t, types.Universe.Lookup("error").Type()) {
			continue
		}
		if Closable(t) {
			if it, ok := t.Underlying().(*types.Interface); ok && it.NumMethods() == 0 {
				continue
			}
			return true
		}
	}
	return false
}
