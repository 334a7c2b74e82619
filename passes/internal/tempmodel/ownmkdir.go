package tempmodel

import (
	"go/ast"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/flow"
	"golang.org/x/tools/go/ast/inspector"
)

// ExistTolerated reports whether the error of the call at cur (os.Mkdir,
// os.Symlink, os.Link: calls that fail when the name exists) may let an
// existing entry through: the error is dropped, or the enclosing function
// tests errors for existence (os.IsExist, errors.Is with fs.ErrExist, a
// comparison with os.ErrExist or syscall.EEXIST: [ExistTest],
// [ExistSentinel]). Otherwise the call fails when anything is at the name,
// as O_EXCL does: another user can make it fail, not take it over.
func ExistTolerated(info *types.Info, cur inspector.Cursor) bool {
	switch n := cur.Parent().Node().(type) {
	case *ast.ExprStmt, *ast.GoStmt, *ast.DeferStmt:
		return true
	case *ast.AssignStmt:
		if len(n.Lhs) == 1 {
			if id, ok := ast.Unparen(n.Lhs[0]).(*ast.Ident); ok && id.Name == "_" {
				return true
			}
		}
	}
	fn := InnermostFunc(cur)
	if fn == nil {
		return true
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			// os.IsExist(err), errors.Is(err, fs.ErrExist)
			if _, notExist, ok := ExistTest(info, n); ok && !notExist {
				found = true
			}
		case *ast.Ident, *ast.SelectorExpr:
			// err == os.ErrExist, errno == syscall.EEXIST, a sentinel
			// passed to a helper
			if ok, notExist := ExistSentinel(info, n.(ast.Expr)); ok && !notExist {
				found = true
			}
		}
		return !found
	})
	return found
}

// ownDir reports whether the local variable v, read at id, names a
// directory that the function made itself: an os.Mkdir(v, mode) whose
// error is checked and not excused when the entry exists
// ([ExistTolerated]) lies on every path from the function's entry to id,
// and v has not changed since. That Mkdir fails on anything already at
// the name (a directory or symlink another user planted), so past it the
// directory is the program's own, whatever its predictable name, and
// nobody else can create entries in it.
func (m *Model) ownDir(v *types.Var, id *ast.Ident) bool {
	calls := m.idx().mkdirs[v]
	if len(calls) == 0 {
		return false
	}
	inner, _ := m.EnclosingFunc(id.Pos())
	if inner == nil {
		return false
	}
	g := m.Graph(inner)
	if g == nil || len(g.CFG.Blocks) == 0 {
		return false
	}
	at := g.LocatePos(id.Pos(), id.End())
	if !at.Valid() {
		return false
	}
	entry := flow.Point{Block: g.CFG.Blocks[0], Index: -1}
	for _, call := range calls {
		cur, ok := m.Inspector.Root().FindNode(call)
		if !ok || InnermostFunc(cur) != inner {
			continue // in another function, or in a literal (a goroutine, a deferred func)
		}
		cp := g.Locate(call)
		if !cp.Valid() || cp == at || ExistTolerated(m.pass.TypesInfo, cur) {
			continue
		}
		if g.Reaches(entry, flow.Contains(id), flow.Contains(call)) {
			continue // some path reaches the use without the Mkdir
		}
		if g.UnchangedSince(m.pass.TypesInfo, v, cp.Node(), at) {
			return true
		}
	}
	return false
}
