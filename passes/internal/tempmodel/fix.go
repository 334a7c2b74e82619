package tempmodel

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// File returns the syntax tree of the file containing pos.
func (m *Model) File(pos token.Pos) *ast.File {
	for _, f := range m.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// Render prints a node as source.
func (m *Model) Render(n ast.Node) string {
	var buf bytes.Buffer
	if err := format.Node(&buf, m.pass.Fset, n); err != nil {
		return ""
	}
	return buf.String()
}

// Source returns the exact source text of node n.
func (m *Model) Source(n ast.Node) string {
	tf := m.pass.Fset.File(n.Pos())
	if tf == nil {
		return m.Render(n)
	}
	content, err := m.pass.ReadFile(tf.Name())
	if err != nil {
		return m.Render(n)
	}
	start, end := tf.Offset(n.Pos()), tf.Offset(n.End())
	if start < 0 || end > len(content) || start > end {
		return m.Render(n)
	}
	return string(content[start:end])
}

// ImportName returns the name under which file f (at pos) can refer to the
// package with the given path, and the edits that add the import if the
// file lacks it. It returns "" if the name is shadowed at pos or an import
// cannot be added safely.
func (m *Model) ImportName(f *ast.File, pos token.Pos, path, name string) (string, []analysis.TextEdit) {
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || p != path {
			continue
		}
		local := name
		if spec.Name != nil {
			local = spec.Name.Name
		}
		if local == "_" || local == "." {
			continue
		}
		if m.shadowed(pos, local, path) {
			return "", nil
		}
		return local, nil
	}
	if m.shadowed(pos, name, path) {
		return "", nil
	}
	// Add the import.
	imp := strconv.Quote(path)
	if len(f.Imports) == 0 || f.Imports[0].Pos() == token.NoPos {
		return name, []analysis.TextEdit{{Pos: f.Name.End(), End: f.Name.End(), NewText: []byte("\n\nimport " + imp)}}
	}
	// Insert into the first import declaration that is not cgo's
	// import "C" (whose doc comment is the cgo preamble), before its first
	// spec, so the result parses whatever the declaration's layout:
	// import ("a"\n"b"), import (\n\t"a"\n), import "a" or import ().
	var last *ast.GenDecl
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		last = gd
		if importsC(gd) {
			continue
		}
		if !gd.Lparen.IsValid() {
			return name, []analysis.TextEdit{{Pos: gd.Pos(), End: gd.Pos(), NewText: []byte("import " + imp + "\n")}}
		}
		if len(gd.Specs) == 0 {
			return name, []analysis.TextEdit{{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + imp + "\n")}}
		}
		first := gd.Specs[0].(*ast.ImportSpec)
		at := first.Pos()
		if first.Doc != nil {
			at = first.Doc.Pos()
		}
		return name, []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(imp + "\n\t")}}
	}
	if last != nil {
		// Only import "C": add a declaration after it.
		return name, []analysis.TextEdit{{Pos: last.End(), End: last.End(), NewText: []byte("\n\nimport " + imp)}}
	}
	return "", nil
}

// importsC reports whether the import declaration imports cgo's "C".
func importsC(gd *ast.GenDecl) bool {
	for _, s := range gd.Specs {
		if is, ok := s.(*ast.ImportSpec); ok && is.Path.Value == `"C"` {
			return true
		}
	}
	return false
}

// shadowed reports whether name at pos refers to something other than the
// package with the given path.
func (m *Model) shadowed(pos token.Pos, name, path string) bool {
	scope := m.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(name, pos)
	if obj == nil {
		return false
	}
	pn, ok := obj.(*types.PkgName)
	return !ok || pn.Imported().Path() != path
}

// EnclosingFunc returns the innermost function (FuncDecl or FuncLit)
// containing pos, and the FuncDecl containing it.
func (m *Model) EnclosingFunc(pos token.Pos) (inner ast.Node, decl *ast.FuncDecl) {
	f := m.File(pos)
	if f == nil {
		return nil, nil
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			decl = n
			inner = n
		case *ast.FuncLit:
			inner = n
		}
		return true
	})
	return inner, decl
}
