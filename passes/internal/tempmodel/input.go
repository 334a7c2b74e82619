package tempmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

// UserInput names the user-controlled source of a path expression
// (os.Args, a command-line argument or flag, an HTTP request), following
// the package's own variables through their definitions, or "".
func (m *Model) UserInput(e ast.Expr) string { return m.userInput(e, 0) }

func (m *Model) userInput(e ast.Expr, depth int) string {
	if depth > 4 || e == nil {
		return ""
	}
	info := m.pass.TypesInfo
	found := ""
	ast.Inspect(e, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		switch x := n.(type) {
		case *ast.SelectorExpr:
			if fileapi.IsOSArgs(info.Uses[x.Sel]) {
				found = "os.Args"
			}
		case *ast.CallExpr:
			_, f := Callee(info, x)
			switch fileapi.InputOf(f) {
			case fileapi.InputArg:
				found = "a command-line argument"
			case fileapi.InputRequest:
				found = "an HTTP request"
			}
		case *ast.StarExpr:
			// *flag.String(...)
			if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && m.flagVar(v) {
					found = "a command-line flag"
				}
			}
		case *ast.Ident:
			v, ok := info.Uses[x].(*types.Var)
			if !ok {
				return true
			}
			if m.flagVar(v) {
				found = "a command-line flag"
				return false
			}
			if v.Pkg() == m.pass.Pkg {
				xs, _, _ := m.Defs(v)
				for _, d := range xs {
					if d != nil {
						if s := m.userInput(d, depth+1); s != "" {
							found = s
							return false
						}
					}
				}
			}
		}
		return true
	})
	return found
}

// flagVar reports whether v is set by the flag package: v := flag.String(...)
// or flag.StringVar(&v, ...).
func (m *Model) flagVar(v *types.Var) bool {
	if v.Pkg() != m.pass.Pkg {
		return false
	}
	info := m.pass.TypesInfo
	xs, _, _ := m.Defs(v)
	for _, d := range xs {
		if call, ok := ast.Unparen(d).(*ast.CallExpr); ok {
			if _, f := Callee(info, call); fileapi.InputOf(f) == fileapi.InputFlag {
				return true
			}
		}
	}
	// flag.StringVar(&v, ...) is recorded by looking at the package syntax.
	for _, f := range m.pass.Files {
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			if _, fn := Callee(info, call); fileapi.InputOf(fn) == fileapi.InputFlagVar {
				if u, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND {
					if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && info.Uses[id] == v {
						found = true
					}
				}
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}
