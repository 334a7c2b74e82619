package tempcleanup

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/severity"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// checkSharedRemoval reports a recursive removal (os.RemoveAll) of the
// shared temp directory itself: os.TempDir(), $TMPDIR or a literal /tmp,
// with no name below it. It takes every other program's and user's files
// in the directory with it (the "clean up at the end of the example"
// incident). A path below the temp dir (a MkdirTemp result, a join with a
// name) is not the directory itself, and a function (or TestMain) that
// points TMPDIR at a private directory first removes that one.
func (c *checker) checkSharedRemoval(cur inspector.Cursor, call *ast.CallExpr) {
	a, ok := fileapi.CallAPI(c.info, call)
	if !ok || !a.Ops.Has(fileapi.OpRemove) || !a.Recursive || a.InRoot {
		return
	}
	arg := fileapi.Arg(call, a.Path)
	if arg == nil {
		return
	}
	p := c.m.Prov(arg)
	if p.Loc != tempmodel.LocShared || p.Name != tempmodel.NameNone || p.LocFrom != 0 {
		return
	}
	switch p.Origin {
	case tempmodel.OriginLiteral:
	case tempmodel.OriginOSTempDir, tempmodel.OriginEnv:
		if c.m.TempDirRedirected(cur) {
			return // TMPDIR names a private directory here
		}
	default:
		return
	}
	_, f := tempmodel.Callee(c.info, call)
	c.pending = append(c.pending, &finding{
		file: c.m.File(call.Pos()),
		diag: analysis.Diagnostic{
			Pos:      call.Pos(),
			End:      call.End(),
			Category: severity.RemoveSharedDir,
			Message: fmt.Sprintf("%s of %s removes the whole shared temp directory, with the files of every other program and user in it; remove only what this program created (the path os.MkdirTemp returned)",
				f, p.Dir),
		},
	})
}
