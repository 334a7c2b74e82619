package tempmodel

import (
	"go/ast"
	"go/types"
)

func init() { summarizers = append(summarizers, summarizeRemove) }

// summarizeRemove sets UseRemove for the parameters whose object fn
// removes on some path (os.Remove or os.RemoveAll of the path or of the
// *os.File's name, unlink or rmdir, a callee whose summary removes it)
// when it neither keeps nor returns it nor uses it in a way the model
// cannot follow (see [Model.Ownership]).
func summarizeRemove(m *Model, fn *types.Func, fd *ast.FuncDecl, s *Summary) {
	forEachParamOwnership(m, fn, fd, func(i int, o *Ownership) {
		if len(o.Removals) > 0 && !o.Escapes && !o.Unknown {
			s.SetParam(i, UseRemove)
		}
	})
}

// forEachParamOwnership calls f with the ownership of every parameter of
// fn that can carry a file-system object, computed once per parameter for
// both summarizers that read it.
func forEachParamOwnership(m *Model, fn *types.Func, fd *ast.FuncDecl, f func(i int, o *Ownership)) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if p.Name() == "" || p.Name() == "_" || uninteresting(p.Type()) {
			continue // a blank parameter cannot be used
		}
		o, ok := m.paramOwnership[p]
		if !ok {
			o = m.Ownership(fd, p, KindOf(p.Type()), nil)
			if m.paramOwnership == nil {
				m.paramOwnership = map[*types.Var]*Ownership{}
			}
			m.paramOwnership[p] = o
		}
		f(i, o)
	}
}
