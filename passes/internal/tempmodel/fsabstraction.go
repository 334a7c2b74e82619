package tempmodel

import (
	"go/ast"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

// NotOSFS reports whether call acts through a file-system abstraction
// (afero.Fs, afero.Afero, afero.WriteFile(fs, ...)) whose file system is
// provably not the real one: a value made by afero.NewMemMapFs,
// NewBasePathFs, NewReadOnlyFs... or of such a concrete type, through
// local variables and afero.Afero{Fs: ...} literals, on every assignment.
// A call through an Fs the model cannot follow is a call of the real file
// system (afero.OsFs does what os does): NotOSFS is false.
func (m *Model) NotOSFS(call *ast.CallExpr) bool {
	fn, f := Callee(m.pass.TypesInfo, call)
	if fn == nil || !fileapi.Abstraction(f.Pkg) {
		return false
	}
	var fs ast.Expr
	if i := fileapi.FSArg(f); i >= 0 {
		fs = fileapi.Arg(call, i)
	} else if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && f.Recv != "" {
		fs = sel.X
	}
	return fs != nil && m.fsKind(fs, 0) == fileapi.FSNotOS
}

// fsKind says what the file-system value e is backed by.
func (m *Model) fsKind(e ast.Expr, depth int) fileapi.FSKind {
	if depth > maxDepth {
		return fileapi.FSUnknown
	}
	info := m.pass.TypesInfo
	t := info.TypeOf(e)
	if t == nil {
		return fileapi.FSUnknown
	}
	if n, ok := types.Unalias(derefType(t)).(*types.Named); ok && n.Obj().Pkg() != nil {
		if k, ok := fileapi.FSType(n.Obj().Pkg().Path(), n.Obj().Name()); ok {
			return k
		}
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return fileapi.FSUnknown
		}
		xs, idx, complete := m.Defs(v)
		if !complete || len(xs) == 0 {
			return fileapi.FSUnknown
		}
		out := fileapi.FSUnknown
		for i, d := range xs {
			if idx[i] > 0 {
				return fileapi.FSUnknown
			}
			k := m.fsKind(d, depth+1)
			if k == fileapi.FSUnknown || i > 0 && k != out {
				return fileapi.FSUnknown
			}
			out = k
		}
		return out
	case *ast.CallExpr:
		if _, f := Callee(info, x); f.Name != "" {
			if k, ok := fileapi.FSCtor(f); ok {
				return k
			}
		}
	case *ast.UnaryExpr:
		return m.fsKind(x.X, depth+1)
	case *ast.CompositeLit:
		// afero.Afero{Fs: fs} (or {fs}): what its Fs is.
		if n, ok := types.Unalias(info.TypeOf(x)).(*types.Named); ok && n.Obj().Pkg() != nil && fileapi.Abstraction(n.Obj().Pkg().Path()) {
			if st, ok := n.Underlying().(*types.Struct); ok && st.NumFields() == 1 && len(x.Elts) == 1 {
				elt := x.Elts[0]
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				return m.fsKind(elt, depth+1)
			}
		}
	case *ast.SelectorExpr:
		// a.Fs of a local afero.Afero value: its Fs field.
		if s := info.Selections[x]; s != nil && s.Kind() == types.FieldVal {
			if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok {
					if xs, complete := m.FieldDefs(v, x.Sel.Name); complete && len(xs) == 1 {
						return m.fsKind(xs[0], depth+1)
					}
				}
			}
		}
	}
	return fileapi.FSUnknown
}
