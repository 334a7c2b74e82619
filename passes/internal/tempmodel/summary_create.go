package tempmodel

import (
	"go/ast"
	"go/types"
	"io/fs"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

func init() { summarizers = append(summarizers, summarizeCreates) }

// PathCreate is a path that a function creates from its parameters, in a
// way that a predictable name in a shared temp dir makes unsafe: os.Create,
// os.WriteFile, os.MkdirAll, an OpenFile with O_CREATE and without O_EXCL
// (not the calls that fail when the name exists, not *os.Root methods).
type PathCreate struct {
	// Path is the path's provenance with the parameters symbolic (LocFrom,
	// NameFrom): the caller puts its arguments in ([Model.CallCreates]).
	Path Prov
	// API is the creating call, for messages ("os.Create").
	API string
	// Dir: the call creates a directory.
	Dir bool
}

// summarizeCreates fills Creates for an exported function or method
// (unexported ones are followed into from their callers by
// [Model.ProvWithCallers]). Left out, so that a caller is never told more
// than the function's own package would be: creations in function
// literals, in files or branches only for Windows, with the sticky bit,
// and every creation of a function that also checks a path (stat, access:
// an owner or existence check the callee's package judges) or sets TMPDIR.
func summarizeCreates(m *Model, fn *types.Func, fd *ast.FuncDecl, s *Summary) {
	if !m.mayCreate(fn) {
		return
	}
	sig := fn.Type().(*types.Signature)
	if f := m.File(fd.Pos()); f == nil || m.WindowsOnly(f) || m.setsTMPDIR(fd.Body) {
		return
	}
	info := m.pass.TypesInfo
	ctx := &evalCtx{params: map[*types.Var]int{}}
	for i := 0; i < sig.Params().Len(); i++ {
		ctx.params[sig.Params().At(i)] = i
	}
	var calls []*ast.CallExpr
	checks := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			a, ok := fileapi.CallAPI(info, n)
			if ok && a.Ops.Any(fileapi.Checks) {
				checks = true
			}
			if _, f := Callee(info, n); ok && !checks {
				if _, ok := Creators[f]; ok {
					calls = append(calls, n)
				}
			}
		}
		return !checks
	})
	if checks {
		return
	}
	var out []PathCreate
	for _, call := range calls {
		_, f := Callee(info, call)
		spec := Creators[f]
		if spec.InRoot || spec.Exclusive || spec.Link || spec.Replace || m.NotOSFS(call) || call.Ellipsis.IsValid() || spec.PathArg >= len(call.Args) {
			continue
		}
		if spec.FlagArg >= 0 {
			if spec.FlagArg >= len(call.Args) {
				continue
			}
			if known, create, excl := m.OpenFlags(call.Args[spec.FlagArg]); !known || !create || excl {
				continue
			}
		}
		if spec.ModeArg >= 0 && spec.ModeArg < len(call.Args) && m.StickyMode(call.Args[spec.ModeArg]) {
			continue
		}
		p := m.eval(ctx, call.Args[spec.PathArg])
		if p.LocFrom == 0 && len(p.NameFrom) == 0 {
			continue // no parameter in it: the callee's package judges it
		}
		if p.LocFrom == 0 && p.Loc != LocShared || p.Name == NameRandom || p.Name == NameUnknown {
			continue
		}
		if cc, ok := m.Inspector.Root().FindNode(call); !ok || InWindowsBranch(info, cc) {
			continue
		}
		out = append(out, PathCreate{Path: p, API: f.String(), Dir: spec.Dir})
	}
	s.Creates = out
}

// mayCreate reports whether a function of this package can have Creates
// in its summary: an exported function with parameters, outside the
// standard library. [Model.CallCreates] asks it first, so that a call to
// any other function of the package does not compute the callee's whole
// Summary for nothing (in the standard library, where no summary is
// exported, nothing else would ask for most of them).
func (m *Model) mayCreate(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && fn.Exported() && sig.Params().Len() > 0 && !InGOROOT(m.pass)
}

// StickyMode reports whether the mode expression has the sticky bit
// (os.ModeSticky, or 0o1000 in Unix notation): a directory shared by all
// users on purpose, like /tmp itself.
func (m *Model) StickyMode(mode ast.Expr) bool {
	v, ok := m.ConstInt(mode)
	return ok && v&(0o1000|int64(fs.ModeSticky)) != 0
}

// CreateAt is a path that a call's callee creates ([PathCreate]), with the
// call's arguments put in.
type CreateAt struct {
	Path Prov
	API  string
	Dir  bool
}

// CallCreates returns the paths that the callee of call creates from its
// arguments (its [Summary]'s Creates, with the arguments' provenance, their
// parameters resolved from call sites as [Model.ProvWithCallers] does).
func (m *Model) CallCreates(call *ast.CallExpr) []CreateAt {
	fn, _ := Callee(m.pass.TypesInfo, call)
	if fn == nil || call.Ellipsis.IsValid() || m.decls[fn.Origin()] != nil && !m.mayCreate(fn.Origin()) {
		return nil
	}
	s := m.Summary(fn)
	if s == nil || len(s.Creates) == 0 {
		return nil
	}
	ctx := &evalCtx{callers: true}
	args := make([]Prov, numArgs(m.pass.TypesInfo, call))
	for i := range args {
		args[i] = m.argProv(ctx, call, i)
	}
	out := make([]CreateAt, 0, len(s.Creates))
	for _, c := range s.Creates {
		out = append(out, CreateAt{Path: subst(c.Path, args), API: c.API, Dir: c.Dir})
	}
	return out
}
