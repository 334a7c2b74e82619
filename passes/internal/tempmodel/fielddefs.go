package tempmodel

import (
	"go/ast"
	"go/types"
)

// FieldDefs returns the values assigned to field of the local struct
// variable v (by assignment to v.field or in a composite literal assigned to
// v), and whether that list is complete.
func (m *Model) FieldDefs(v *types.Var, field string) (xs []ast.Expr, complete bool) {
	d := m.fieldDefs(v, field)
	if d == nil || d.opaque || d.counter {
		return nil, false
	}
	for _, x := range d.exprs {
		if x.index >= 0 {
			return nil, false
		}
		xs = append(xs, x.x)
	}
	return xs, true
}
