package predictabletemp

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// calleeCreates reports a call of an exported function whose Summary says
// it creates a path from its arguments (os.Create, os.WriteFile,
// os.MkdirAll, an OpenFile without O_EXCL: tempmodel.PathCreate) when the
// arguments make that path a predictable one in a shared temp dir. The
// finding is at the call, in the caller's package, naming the callee: the
// callee's package cannot know what its callers pass, and the facts flow
// only from a dependency to its dependents. No fix: the caller must pass a
// path under a private directory.
func calleeCreates(pass *analysis.Pass, m *tempmodel.Model, cur inspector.Cursor, call *ast.CallExpr, windowsOnly map[*ast.File]bool) []*pendingDiag {
	creates := m.CallCreates(call)
	if len(creates) == 0 || windowsOnly[m.File(call.Pos())] || tempmodel.InWindowsBranch(pass.TypesInfo, cur) {
		return nil
	}
	fn, _ := tempmodel.Callee(pass.TypesInfo, call)
	var out []*pendingDiag
	for _, c := range creates {
		p := c.Path
		if !p.SharedPredictable() || p.Origin != tempmodel.OriginLiteral && m.TempDirRedirected(cur) {
			continue
		}
		what := "a file"
		if c.Dir {
			what = "a directory"
		}
		pd := &pendingDiag{pass: pass}
		pd.d.Pos, pd.d.End = call.Pos(), call.End()
		pd.d.Message = fmt.Sprintf("%s creates %s with %s at a predictable temp path built from %s (from these arguments); another user can create it first: give it a place under a directory from os.MkdirTemp(\"\", %q)",
			calleeName(fn), what, c.API, sources(p), tempmodel.Pattern(p, true))
		out = append(out, pd)
		break // one finding per call
	}
	return out
}

// calleeName names fn for a message by declared names only (package name
// or receiver type, then the function), never by its import path.
func calleeName(fn *types.Func) string {
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
		return fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}
