package tempmodel

import (
	"go/ast"
	"go/types"
)

func init() { summarizers = append(summarizers, summarizeKeep) }

// summarizeKeep sets UseKeep for the parameters that fn keeps beyond the
// call (stores in a field, a global, a map or a channel, captures in a
// goroutine or a stored function literal, hands to a callee whose summary
// keeps it or to a value of the program's own type) or uses in a way the
// model cannot follow, which callers must treat alike (see
// [Model.Ownership]).
func summarizeKeep(m *Model, fn *types.Func, fd *ast.FuncDecl, s *Summary) {
	forEachParamOwnership(m, fn, fd, func(i int, o *Ownership) {
		if o.Escapes || o.Unknown {
			s.SetParam(i, UseKeep)
		}
	})
}
