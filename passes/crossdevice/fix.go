package crossdevice

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
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
	if loopSeparates(fd.inner, create.Pos(), rename.Pos()) {
		return
	}
	if !c.replaceable(create.Args[0]) {
		return
	}
	if c.makesDirs(fd.inner, create.End(), rename.Pos(), rename.Args[1]) {
		return // the destination's directory may not exist yet at the creation
	}
	w := window{fn: fd.inner, from: create.End(), until: rename.Pos(), at: create.Pos()}
	dst := ast.Unparen(fd.dst)
	var text string
	if x, ok := c.inlinable(dst, w); ok {
		w.until = x.Pos()
		if !c.stable(x, w) {
			return
		}
		text = c.m.Source(x)
	} else {
		if !c.stable(dst, w) {
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

// window is the stretch of a function between a temp object's creation and
// its rename, over which the destination must not change.
type window struct {
	fn          ast.Node  // the function containing both
	from, until token.Pos // no assignment to the destination's parts in between
	at          token.Pos // where the rewritten expression will be evaluated
}

// inlinable returns the expression a destination variable was declared
// with, if it was declared (dst := x, var dst = x) after the creation and
// never assigned again.
func (c *checker) inlinable(dst ast.Expr, w window) (ast.Expr, bool) {
	id, ok := dst.(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Pos() <= w.from || v.Pos() >= w.until {
		return nil, false
	}
	x, idx, ok := c.single(id)
	if !ok || idx >= 0 || !c.declaredWith(w.fn, v, x) {
		return nil, false
	}
	return ast.Unparen(x), true
}

// declaredWith reports whether v is declared in fn by a statement whose
// value for it is x.
func (c *checker) declaredWith(fn ast.Node, v *types.Var, x ast.Expr) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE || len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && c.info.Defs[id] == v && n.Rhs[i] == x {
					found = true
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) != len(n.Values) {
				return true
			}
			for i, id := range n.Names {
				if c.info.Defs[id] == v && n.Values[i] == x {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// stable reports whether e, evaluated at w.at, has the value it has at
// w.until.
func (c *checker) stable(e ast.Expr, w window) bool {
	ok := true
	var visit func(e ast.Expr)
	visit = func(e ast.Expr) {
		if !ok {
			return
		}
		switch e := e.(type) {
		case *ast.BasicLit:
		case *ast.ParenExpr:
			visit(e.X)
		case *ast.BinaryExpr:
			visit(e.X)
			visit(e.Y)
		case *ast.Ident:
			obj := c.info.Uses[e]
			if obj == nil || !c.sameAt(e.Name, obj, w.at) {
				ok = false
				return
			}
			if v, isVar := obj.(*types.Var); isVar && c.changes(v, w) {
				ok = false
			}
		case *ast.SelectorExpr:
			sel := c.info.Selections[e]
			if sel == nil {
				// A qualified identifier: pkg.Name.
				x, isIdent := e.X.(*ast.Ident)
				obj := c.info.Uses[e.Sel]
				if !isIdent || obj == nil || !c.sameAt(x.Name, c.info.Uses[x], w.at) {
					ok = false
					return
				}
				if v, isVar := obj.(*types.Var); isVar && c.changes(v, w) {
					ok = false
				}
				return
			}
			field, isVar := sel.Obj().(*types.Var)
			if sel.Kind() != types.FieldVal || !isVar || c.changes(field, w) {
				ok = false
				return
			}
			visit(e.X)
		case *ast.CallExpr:
			if tv, found := c.info.Types[e.Fun]; found && tv.IsType() {
				for _, a := range e.Args {
					visit(a)
				}
				return
			}
			fn, _ := calleeOf(c, e)
			// Pure calls, and os.Getenv: c.changes sees os.Setenv and t.Setenv.
			if fn == nil || fileapi.PurityOf(fn) != fileapi.Pure && !fileapi.FuncOf(fn).Is("os", "Getenv") {
				ok = false
				return
			}
			visit(e.Fun)
			for _, a := range e.Args {
				visit(a)
			}
		default:
			ok = false
		}
	}
	visit(e)
	return ok
}

type calleeInfo struct {
	pkg  string
	recv bool
}

func calleeOf(c *checker, call *ast.CallExpr) (*types.Func, calleeInfo) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil, calleeInfo{}
	}
	fn, ok := c.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil, calleeInfo{}
	}
	sig, _ := fn.Type().(*types.Signature)
	return fn, calleeInfo{pkg: fn.Pkg().Path(), recv: sig == nil || sig.Recv() != nil}
}

// sameAt reports whether name, looked up at pos, is obj.
func (c *checker) sameAt(name string, obj types.Object, pos token.Pos) bool {
	if obj == nil {
		return false
	}
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, got := scope.LookupParent(name, pos)
	return got == obj
}

// changes reports whether variable or field v may change between w.from
// and w.until: it is assigned in that stretch of w.fn, assigned in a
// function literal, or its address is taken.
func (c *checker) changes(v *types.Var, w window) bool {
	changed := false
	target := func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return c.info.ObjectOf(e) == v
		case *ast.SelectorExpr:
			if s := c.info.Selections[e]; s != nil {
				return s.Obj() == v
			}
			return c.info.Uses[e.Sel] == v
		}
		return false
	}
	var walk func(n ast.Node, inLit bool)
	walk = func(root ast.Node, inLit bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if changed {
				return false
			}
			if lit, ok := n.(*ast.FuncLit); ok && n != root {
				walk(lit.Body, true)
				return false
			}
			in := func(p token.Pos) bool { return inLit || p > w.from && p < w.until }
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE {
					return true // declares new variables (or redeclares in the same scope, before use)
				}
				for _, l := range n.Lhs {
					if target(l) && in(n.Pos()) {
						changed = true
					}
				}
			case *ast.IncDecStmt:
				if target(n.X) && in(n.Pos()) {
					changed = true
				}
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN && (target(n.Key) || n.Value != nil && target(n.Value)) && in(n.Pos()) {
					changed = true
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND && target(n.X) {
					changed = true
				}
			}
			return !changed
		})
	}
	walk(w.fn, false)
	return changed
}

// loopSeparates reports whether a loop in fn contains pos b but not pos a:
// the creation at a would run once for several renames at b.
func loopSeparates(fn ast.Node, a, b token.Pos) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok && n != fn {
			return false
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			inside := func(p token.Pos) bool { return n.Pos() <= p && p < n.End() }
			if inside(b) && !inside(a) {
				found = true
			}
		}
		return !found
	})
	return found
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
	dstVars := c.varsOf(dst)
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

// varsOf returns the variables an expression mentions.
func (c *checker) varsOf(e ast.Expr) map[*types.Var]bool {
	out := map[*types.Var]bool{}
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok {
				out[v] = true
			}
		}
		return true
	})
	return out
}

// mentionsAny reports whether an argument of call mentions one of vars.
func (c *checker) mentionsAny(call *ast.CallExpr, vars map[*types.Var]bool) bool {
	for _, a := range call.Args {
		for v := range c.varsOf(a) {
			if vars[v] {
				return true
			}
		}
	}
	return false
}
