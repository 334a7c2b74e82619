package tempmodel

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// PathKeys answers "is this certainly the same path (string value) as
// that" by giving each string expression a canonical key: two expressions
// with the same non-empty key certainly have the same value. Constants,
// variables assigned once in the package (or parameters, by identity),
// fields of local struct variables with one known value, f.Name() of a
// file, + and the pure path and fmt functions (filepath/path Join, Clean,
// Dir, FromSlash, ToSlash; fmt.Sprint, Sprintf) are followed.
//
// A pass makes one PathKeys per package run (NewPathKeys); its variable
// index is built on first use.
type PathKeys struct {
	m      *Model
	vars   map[*types.Var]*Assigns
	params map[*types.Var]bool
	// FileKey, if set, returns the key of the name of the *os.File in v
	// (f.Name()), "" to let PathKeys key it as the name of the file that
	// variable v holds while v is assigned once.
	FileKey func(v *types.Var) string
}

// NewPathKeys returns the same-path query of the package.
func (m *Model) NewPathKeys() *PathKeys { return &PathKeys{m: m} }

// Assigns is what the package assigns to one variable.
type Assigns struct {
	Defs     []Assign
	Addr     bool // address taken, op-assigned, assigned by range (=): value unknown
	NilDecl  bool // declared without a value (var f *os.File)
	RangeVar bool // declared by range (:=): one opaque value per iteration
}

// Assign is one value given to a variable.
type Assign struct {
	X     ast.Expr // nil: opaque (parameter)
	Index int      // >= 0: result index of the multi-value call X
	Stmt  ast.Node
}

// Assigns returns what the package assigns to v, or nil if nothing does.
func (k *PathKeys) Assigns(v *types.Var) *Assigns { return k.varIndex()[v] }

// varIndex builds the variable index of the package.
func (k *PathKeys) varIndex() map[*types.Var]*Assigns {
	if k.vars != nil {
		return k.vars
	}
	info := k.m.pass.TypesInfo
	vars := map[*types.Var]*Assigns{}
	k.vars = vars
	get := func(e ast.Expr) *Assigns {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		obj := info.Defs[id]
		if obj == nil {
			obj = info.Uses[id]
		}
		v, ok := obj.(*types.Var)
		if !ok {
			return nil
		}
		vi := vars[v]
		if vi == nil {
			vi = &Assigns{}
			vars[v] = vi
		}
		return vi
	}
	for _, f := range k.m.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					vi := get(l)
					if vi == nil {
						continue
					}
					switch {
					case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
						vi.Addr = true
					case len(n.Lhs) == len(n.Rhs):
						vi.Defs = append(vi.Defs, Assign{n.Rhs[i], -1, n})
					case len(n.Rhs) == 1:
						vi.Defs = append(vi.Defs, Assign{n.Rhs[0], i, n})
					default:
						vi.Addr = true
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					vi := get(id)
					if vi == nil {
						continue
					}
					switch {
					case len(n.Values) == 0:
						vi.NilDecl = true
					case len(n.Values) == len(n.Names):
						vi.Defs = append(vi.Defs, Assign{n.Values[i], -1, n})
					case len(n.Values) == 1:
						vi.Defs = append(vi.Defs, Assign{n.Values[0], i, n})
					}
				}
			case *ast.IncDecStmt:
				if vi := get(n.X); vi != nil {
					vi.Addr = true
				}
			case *ast.RangeStmt:
				for _, x := range []ast.Expr{n.Key, n.Value} {
					if x == nil {
						continue
					}
					if vi := get(x); vi != nil {
						if n.Tok == token.DEFINE {
							vi.RangeVar = true
						} else {
							vi.Addr = true
						}
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if vi := get(n.X); vi != nil {
						vi.Addr = true
					}
				}
			}
			return true
		})
	}
	return vars
}

// Single returns the one value assigned to v, if v is assigned exactly once
// (or is a parameter never assigned: ok with d.X == nil).
func (k *PathKeys) Single(v *types.Var) (d Assign, ok bool) {
	if v == nil || v.Pkg() != k.m.pass.Pkg {
		return Assign{}, false
	}
	vi := k.varIndex()[v]
	if vi == nil {
		// never assigned: a parameter, a named result or a zero-valued var
		if k.isParam(v) {
			return Assign{Index: -1}, true
		}
		return Assign{}, false
	}
	if vi.RangeVar && !vi.Addr && !vi.NilDecl && len(vi.Defs) == 0 {
		return Assign{Index: -1}, true
	}
	if vi.Addr || vi.NilDecl || vi.RangeVar || len(vi.Defs) != 1 || k.isParam(v) {
		return Assign{}, false
	}
	if v.Parent() == v.Pkg().Scope() && v.Exported() {
		return Assign{}, false
	}
	return vi.Defs[0], true
}

func (k *PathKeys) isParam(v *types.Var) bool {
	if k.params == nil {
		pass := k.m.pass
		k.params = map[*types.Var]bool{}
		add := func(sig *types.Signature) {
			for i := 0; i < sig.Params().Len(); i++ {
				k.params[sig.Params().At(i)] = true
			}
		}
		for _, obj := range pass.TypesInfo.Defs {
			if fn, ok := obj.(*types.Func); ok {
				sig, _ := fn.Type().(*types.Signature)
				if sig == nil {
					continue
				}
				add(sig)
				if sig.Recv() != nil {
					k.params[sig.Recv()] = true
				}
			}
		}
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					if sig, ok := pass.TypesInfo.TypeOf(lit).(*types.Signature); ok {
						add(sig)
					}
				}
				return true
			})
		}
	}
	return k.params[v]
}

// VarOf returns the variable that the identifier e (parentheses looked
// through) defines or uses, or nil.
func (k *PathKeys) VarOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	obj := k.m.pass.TypesInfo.Uses[id]
	if obj == nil {
		obj = k.m.pass.TypesInfo.Defs[id]
	}
	v, _ := obj.(*types.Var)
	return v
}

// NoKey is the key of the empty string constant: "no directory".
const NoKey = `c:""`

// Key returns a canonical text for the string value of e, equal for two
// expressions that certainly have the same value, or "" if unknown.
func (k *PathKeys) Key(e ast.Expr) string { return k.key(e, 0) }

// DirKey returns the key of the directory of a path whose key is key
// (path.Dir of it).
func DirKey(key string) string { return "path.Dir(" + key + ")" }

// RootKey returns the key of the path argument i of a call of an *os.Root
// method: the root and the path relative to it, or "".
func (k *PathKeys) RootKey(call *ast.CallExpr, i int) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || i >= len(call.Args) {
		return ""
	}
	r, p := k.Key(sel.X), k.Key(call.Args[i])
	if r == "" || p == "" {
		return ""
	}
	return "root(" + r + "," + p + ")"
}

func (k *PathKeys) key(e ast.Expr, depth int) string {
	if e == nil || depth > 12 {
		return ""
	}
	info := k.m.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return "c:" + fmt.Sprintf("%q", constant.StringVal(tv.Value))
		}
		return "c:" + tv.Value.ExactString()
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v := k.VarOf(e)
		if v == nil {
			return ""
		}
		d, ok := k.Single(v)
		if !ok {
			return ""
		}
		if d.X == nil || d.Index >= 0 {
			return fmt.Sprintf("v%p", v)
		}
		if s := k.key(d.X, depth+1); s != "" {
			return s
		}
		return fmt.Sprintf("v%p", v)
	case *ast.SelectorExpr:
		// a field of a local struct variable
		v := k.VarOf(e.X)
		if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			return ""
		}
		if _, ok := k.Single(v); !ok {
			return ""
		}
		xs, complete := k.m.FieldDefs(v, e.Sel.Name)
		if !complete || len(xs) != 1 || xs[0] == nil {
			return ""
		}
		return k.key(xs[0], depth+1)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return ""
		}
		a, b := k.key(e.X, depth+1), k.key(e.Y, depth+1)
		if a == "" || b == "" {
			return ""
		}
		return "+(" + a + "," + b + ")"
	case *ast.CallExpr:
		_, f := Callee(info, e)
		if f.IsMethod("os", "File", "Name") {
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if !ok {
				return ""
			}
			v := k.VarOf(sel.X)
			if v == nil {
				return ""
			}
			if k.FileKey != nil {
				if s := k.FileKey(v); s != "" {
					return s
				}
			}
			if _, ok := k.Single(v); ok {
				return fmt.Sprintf("name:v%p", v)
			}
			return ""
		}
		switch {
		case f.Is("path/filepath", "Join"), f.Is("path", "Join"), f.Is("path/filepath", "Clean"),
			f.Is("path", "Clean"), f.Is("path/filepath", "Dir"), f.Is("path", "Dir"),
			f.Is("fmt", "Sprintf"), f.Is("fmt", "Sprint"), f.Is("path/filepath", "FromSlash"),
			f.Is("path/filepath", "ToSlash"):
		default:
			return ""
		}
		if e.Ellipsis.IsValid() {
			return ""
		}
		parts := make([]string, len(e.Args))
		for i, a := range e.Args {
			if parts[i] = k.key(a, depth+1); parts[i] == "" {
				return ""
			}
		}
		name := f.Name
		if f.Pkg == "path/filepath" || f.Pkg == "path" {
			name = "path." + name // filepath and path agree on slash paths
		}
		return name + "(" + strings.Join(parts, ",") + ")"
	}
	return ""
}

// SliceLit returns the composite literal that e is, or that the variable e
// is assigned once, or nil.
func (k *PathKeys) SliceLit(e ast.Expr) *ast.CompositeLit {
	for range 4 {
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			return x
		case *ast.Ident:
			v := k.VarOf(x)
			if v == nil {
				return nil
			}
			d, ok := k.Single(v)
			if !ok || d.X == nil || d.Index >= 0 {
				return nil
			}
			e = d.X
		default:
			return nil
		}
	}
	return nil
}
