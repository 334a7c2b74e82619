package tempmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// UsesOf returns the cursors of the identifiers that refer to v, a local
// variable or parameter of this package, in source order. The index is
// built once per package run, on first use, and shared by every pass.
func (m *Model) UsesOf(v *types.Var) []inspector.Cursor {
	m.shared.usesOnce.Do(func() {
		uses := map[*types.Var][]inspector.Cursor{}
		info := m.pass.TypesInfo
		for cur := range m.Inspector.Root().Preorder((*ast.Ident)(nil)) {
			id := cur.Node().(*ast.Ident)
			if v, ok := info.Uses[id].(*types.Var); ok && !v.IsField() && v.Pkg() == m.pass.Pkg && v.Parent() != v.Pkg().Scope() {
				uses[v] = append(uses[v], cur)
			}
		}
		m.shared.uses = uses
	})
	return m.shared.uses[v]
}

// InTestFile reports whether pos is in a test file of the package (a file
// the go command compiles only for go test: its name ends in _test.go).
func (m *Model) InTestFile(pos token.Pos) bool {
	tf := m.pass.Fset.File(pos)
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}

// InStd reports whether pkg is part of the standard library as this
// package sees it, for telling "a call the tables model" from "a call of
// the program's own code": a standard import path ([isStdPath]) that is not
// this package, does not share this package's first path element (GOPATH-
// style test data) and was not analyzed by tempguard (no [PackageFact]).
func (m *Model) InStd(pkg *types.Package) bool {
	if pkg == nil || pkg == m.pass.Pkg || !isStdPath(pkg) {
		return false
	}
	first := func(path string) string {
		f, _, _ := strings.Cut(path, "/")
		return f
	}
	if first(pkg.Path()) == first(m.pass.Pkg.Path()) {
		return false
	}
	return !m.analyzed(pkg)
}

// analyzed reports whether tempguard analyzed pkg and found it relevant
// (it exported a [PackageFact]): the absence of a function's summary then
// means the function does nothing the summary records.
func (m *Model) analyzed(pkg *types.Package) bool {
	m.shared.mu.Lock()
	defer m.shared.mu.Unlock()
	a, ok := m.shared.analyzed[pkg]
	if !ok {
		a = m.pass.ImportPackageFact(pkg, new(PackageFact))
		m.shared.analyzed[pkg] = a
	}
	return a
}
