package tempmodel

import (
	"go/ast"
	"go/types"
)

// FileNameProv returns the provenance of the name of the *os.File held by
// the local variable x (as f.Name() would give it): the file comes from
// os.CreateTemp, ioutil.TempFile, os.Create, os.Open or os.OpenFile on
// every assignment to x in the package, or the result is [Unknown].
func (m *Model) FileNameProv(x ast.Expr) Prov {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return Unknown
	}
	v, ok := m.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return Unknown
	}
	d := m.defs(v)
	if d == nil || d.opaque || len(d.exprs) == 0 {
		return Unknown
	}
	ctx := &evalCtx{}
	var out Prov
	for i, x := range d.exprs {
		p := Unknown
		if c, ok := ast.Unparen(x.x).(*ast.CallExpr); ok && x.index <= 0 {
			_, cf := Callee(m.pass.TypesInfo, c)
			switch {
			case IsCreateTemp(cf):
				p = m.tempCreation(ctx, c, cf)
			case cf.Is("os", "Create") || cf.Is("os", "OpenFile") || cf.Is("os", "Open"):
				if len(c.Args) > 0 {
					p = m.eval(ctx, c.Args[0])
				}
			}
		}
		if i == 0 {
			out = p
		} else {
			out = meet(out, p)
		}
	}
	return out
}
