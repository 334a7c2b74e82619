package crossdevice

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/flow"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// planFix decides whether the creating call's dir argument can be
// rewritten to filepath.Dir(dst): the temp object is made by a
// CreateTemp/MkdirTemp call earlier in the same function, outside any loop
// that the rename is in but the creation is not, and dst (or the one
// expression it was declared with) means the same thing at the creation as
// at the rename: every name in it is in scope there and is not reassigned
// in between, and it calls only pure string and path functions.
func (c *checker) planFix(fd *finding) {
	create, rename := fd.create, fd.rename
	if create == nil || len(create.Args) < 1 || create.Ellipsis.IsValid() {
		return
	}
	if inner, _ := c.m.EnclosingFunc(create.Pos()); inner != fd.inner || create.End() >= rename.Pos() {
		return
	}
	if flow.LoopSeparates(fd.inner, create.Pos(), rename.Pos()) {
		return
	}
	if !c.replaceable(create.Args[0]) {
		return
	}
	if c.makesDirs(fd.inner, create.End(), rename.Pos(), rename.Args[1]) {
		return // the destination's directory may not exist yet at the creation
	}
	w := tempmodel.Window{Fn: fd.inner, From: create.End(), Until: rename.Pos(), At: create.Pos()}
	dst := ast.Unparen(fd.dst)
	var text string
	if x, ok := c.inlinable(dst, w); ok {
		w.Until = x.Pos()
		if !c.m.Stable(x, w) {
			return
		}
		text = c.m.Source(x)
	} else {
		if !c.m.Stable(dst, w) {
			return
		}
		text = c.m.Source(dst)
	}
	if text == "" {
		return
	}
	file := c.m.File(create.Pos())
	if file == nil {
		return
	}
	name, edits := c.m.ImportName(file, create.Pos(), "path/filepath", "filepath")
	if name == "" {
		return
	}
	fd.newDir = name + ".Dir(" + text + ")"
	fd.edits = edits
}

// inlinable returns the expression a destination variable was declared
// with, if it was declared (dst := x, var dst = x) after the creation and
// never assigned again.
func (c *checker) inlinable(dst ast.Expr, w tempmodel.Window) (ast.Expr, bool) {
	id, ok := dst.(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Pos() <= w.From || v.Pos() >= w.Until {
		return nil, false
	}
	x, idx, ok := c.single(id)
	if !ok || idx >= 0 || !c.m.DeclaredWith(w.Fn, v, x) {
		return nil, false
	}
	return ast.Unparen(x), true
}

// replaceable reports whether the dir argument x can be dropped: it has no
// effects (a constant, a name, a field, os.TempDir(), os.Getenv(...)), and
// every variable and package it names is used elsewhere in its file, so
// the fixed file still compiles.
func (c *checker) replaceable(x ast.Expr) bool {
	ok := true
	var names []*ast.Ident
	ast.Inspect(x, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			_, f := tempmodel.Callee(c.info, n)
			if !f.Is("os", "TempDir") && !f.Is("os", "Getenv") {
				ok = false
			}
		case *ast.Ident:
			switch c.info.Uses[n].(type) {
			case *types.Var, *types.PkgName:
				names = append(names, n)
			}
		case *ast.FuncLit, *ast.UnaryExpr, *ast.StarExpr, *ast.IndexExpr:
			ok = false
		}
		return ok
	})
	if !ok {
		return false
	}
	file := c.m.File(x.Pos())
	if file == nil {
		return false
	}
	for _, id := range names {
		obj := c.info.Uses[id]
		if v, isVar := obj.(*types.Var); isVar && (v.IsField() || v.Parent() == c.pass.Pkg.Scope()) {
			continue // fields and package-level variables may go unused
		}
		used := false
		ast.Inspect(file, func(n ast.Node) bool {
			if used || n == nil {
				return false
			}
			if n.Pos() >= x.Pos() && n.End() <= x.End() {
				return false
			}
			if other, isIdent := n.(*ast.Ident); isIdent && c.info.Uses[other] == obj {
				used = true
			}
			return !used
		})
		if !used {
			return false
		}
	}
	return true
}

// makesDirs reports whether fn may create directories between from and
// until: a call that makes a directory (by the file-API table), a function
// of this package that does, or a function of another package that is
// handed a value the destination is built from (it may create it). The
// destination's directory may then only exist after that, so the temp file
// cannot be created there earlier.
func (c *checker) makesDirs(fn ast.Node, from, until token.Pos, dst ast.Expr) bool {
	dstVars := tempmodel.VarsOf(c.info, dst)
	found := false
	var visit func(n ast.Node, depth int, window bool)
	visit = func(root ast.Node, depth int, window bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if found || n == nil {
				return false
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || window && (call.Pos() < from || call.Pos() > until) {
				return true
			}
			callee, _ := tempmodel.Callee(c.info, call)
			if a, ok := fileapi.Lookup(callee); ok && a.Ops.Has(fileapi.OpMkdir) {
				found = true
				return false
			}
			if callee != nil && callee.Pkg() == c.pass.Pkg && depth < 2 {
				if decl := c.m.FuncDecl(callee.Origin()); decl != nil && decl.Body != nil {
					visit(decl.Body, depth+1, false)
				}
			} else if callee != nil && window && !c.m.InStd(callee.Pkg()) && c.mentionsAny(call, dstVars) {
				found = true
				return false
			}
			return !found
		})
	}
	visit(fn, 0, true)
	return found
}

// mentionsAny reports whether an argument of call mentions one of vars.
func (c *checker) mentionsAny(call *ast.CallExpr, vars map[*types.Var]bool) bool {
	for _, a := range call.Args {
		for v := range tempmodel.VarsOf(c.info, a) {
			if vars[v] {
				return true
			}
		}
	}
	return false
}
