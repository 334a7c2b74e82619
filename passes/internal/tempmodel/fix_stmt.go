package tempmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Statement-level edit helpers shared by the fixes: source text between
// two positions, indentation, comments in a range, the statement after
// another, and merging insertions.

// Between returns the source text in [from, to) of one file.
func (m *Model) Between(from, to token.Pos) (string, bool) {
	tf := m.pass.Fset.File(from)
	if tf == nil || m.pass.Fset.File(to) != tf {
		return "", false
	}
	content, err := m.pass.ReadFile(tf.Name())
	if err != nil {
		return "", false
	}
	a, b := tf.Offset(from), tf.Offset(to)
	if a < 0 || b > len(content) || a > b {
		return "", false
	}
	return string(content[a:b]), true
}

// LineIndent returns the leading white space of the line containing pos,
// or a tab when the file cannot be read.
func (m *Model) LineIndent(pos token.Pos) string {
	tf := m.pass.Fset.File(pos)
	if tf == nil {
		return "\t"
	}
	content, err := m.pass.ReadFile(tf.Name())
	if err != nil {
		return "\t"
	}
	off := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := off
	for end < len(content) && (content[end] == '\t' || content[end] == ' ') {
		end++
	}
	return string(content[off:end])
}

// LineEnd returns the position just before the newline ending the line
// of pos (after any comment on it), or pos on the file's last line.
func (m *Model) LineEnd(pos token.Pos) token.Pos {
	if tf := m.pass.Fset.File(pos); tf != nil {
		if line := tf.Line(pos); line < tf.LineCount() {
			return tf.LineStart(line+1) - 1
		}
	}
	return pos
}

// Dedent removes one leading tab from every line but the first.
func Dedent(src string) string {
	lines := strings.Split(src, "\n")
	for i := 1; i < len(lines); i++ {
		lines[i] = strings.TrimPrefix(lines[i], "\t")
	}
	return strings.Join(lines, "\n")
}

// HasComment reports whether a comment lies in [from, to) of file.
func HasComment(file *ast.File, from, to token.Pos) bool {
	for _, cg := range file.Comments {
		if cg.Pos() < to && cg.End() > from {
			return true
		}
	}
	return false
}

// MergeInserts joins insertions at the same position into one edit, in
// order, so that every driver applies them the same way.
func MergeInserts(edits []analysis.TextEdit) []analysis.TextEdit {
	var out []analysis.TextEdit
	for _, e := range edits {
		if n := len(out); n > 0 && e.Pos == e.End && out[n-1].Pos == e.Pos && out[n-1].End == e.Pos {
			out[n-1].NewText = append(append([]byte(nil), out[n-1].NewText...), e.NewText...)
			continue
		}
		out = append(out, e)
	}
	return out
}

// StmtList returns the statement list of a block, case clause or select
// clause, or nil for any other node.
func StmtList(n ast.Node) []ast.Stmt {
	switch b := n.(type) {
	case *ast.BlockStmt:
		return b.List
	case *ast.CaseClause:
		return b.Body
	case *ast.CommClause:
		return b.Body
	}
	return nil
}

// NextStmt returns the statement that follows st in its statement list
// within root, or nil.
func NextStmt(root ast.Node, st ast.Stmt) ast.Stmt {
	var next ast.Stmt
	ast.Inspect(root, func(n ast.Node) bool {
		if next != nil || n == nil || n.Pos() > st.Pos() || n.End() < st.End() {
			return false
		}
		list := StmtList(n)
		for i, x := range list {
			if x == st && i+1 < len(list) {
				next = list[i+1]
			}
		}
		return next == nil
	})
	return next
}

// IsBlank reports whether e is the blank identifier.
func IsBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// Refers reports whether n mentions (uses or declares) object obj.
func Refers(info *types.Info, n ast.Node, obj types.Object) bool {
	if n == nil || obj == nil {
		return false
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && (info.Uses[id] == obj || info.Defs[id] == obj) {
			found = true
		}
		return !found
	})
	return found
}

// SpellsName reports whether n has an identifier spelled name: for fixes
// that must not insert a name the code already spells (which would shadow
// or collide), never for deciding a finding.
func SpellsName(n ast.Node, name string) bool {
	if n == nil {
		return false
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}

// Qualifier returns the identifier qualifying call's function as the
// source spells it (os in os.Create), or "".
func Qualifier(call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return ""
	}
	return id.Name
}
