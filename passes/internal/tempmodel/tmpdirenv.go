package tempmodel

import (
	"go/ast"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

// TempDirRedirected reports whether os.TempDir() (and $TMPDIR) at cur
// names a private directory: the enclosing function, or the package's
// TestMain, sets TMPDIR (t.Setenv("TMPDIR", t.TempDir()) or os.Setenv).
// Paths written as literal /tmp are not affected.
func (m *Model) TempDirRedirected(cur inspector.Cursor) bool {
	var decl *ast.FuncDecl
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl = c.Node().(*ast.FuncDecl)
		break
	}
	if decl != nil && m.setsTMPDIR(decl.Body) {
		return true
	}
	for fn, fd := range m.decls {
		if fn.Name() == "TestMain" && fd.Recv == nil && m.setsTMPDIR(fd.Body) {
			return true
		}
	}
	return false
}

func (m *Model) setsTMPDIR(body *ast.BlockStmt) bool {
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok || len(call.Args) != 2 {
			return !found
		}
		_, f := Callee(m.pass.TypesInfo, call)
		if e, ok := fileapi.Env(f); ok && e.Value >= 0 {
			if k, ok := m.constString(call.Args[e.Key]); ok && k == "TMPDIR" {
				found = true
			}
		}
		return !found
	})
	return found
}
