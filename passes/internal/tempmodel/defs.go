package tempmodel

import (
	"go/ast"
	"go/token"
	"go/types"
)

// def is one value assigned to a variable: x itself (index < 0), or
// result index of the multi-value call x.
type def struct {
	x     ast.Expr
	index int
}

// varDefs is everything assigned to one variable in the package.
type varDefs struct {
	exprs       []def
	opaque      bool // address taken, range value, parameter...: value unknown
	counter     bool // incremented with ++ or +=: an integer counter
	randomBytes bool // filled by crypto/rand.Read
	// appends are the right-hand sides of `s += x` for a string s: s
	// becomes s + x there. Only the string evaluator reads them; every
	// other reader sees the variable as opaque (see defs).
	appends []ast.Expr
	// rangeX are the collections a range statement takes the variable's
	// values from (it is then opaque too); opaqueOther: opaque for another
	// reason as well (see rangeValueProv).
	rangeX      []ast.Expr
	opaqueOther bool
}

type fieldKey struct {
	v     *types.Var
	field string
}

type builderWrite struct {
	pos     token.Pos
	args    []ast.Expr
	sprintf bool // args are a format and its operands
}

// index is built once per package, on first use.
type index struct {
	vars     map[*types.Var]*varDefs
	fields   map[fieldKey]*varDefs
	builders map[*types.Var][]builderWrite
	badBuild map[*types.Var]bool            // builder escapes: value unknown
	routes   *routeIndex                    // fields, slice elements, closures' parameters (routes.go)
	mkdirs   map[*types.Var][]*ast.CallExpr // os.Mkdir(v, mode) calls by v (ownmkdir.go)
}

func (m *Model) idx() *index {
	if m.index != nil {
		return m.index
	}
	if m.shared != nil {
		m.shared.once.Do(func() { m.shared.index = m.buildIndex() })
		m.index = m.shared.index
		return m.index
	}
	return m.buildIndex()
}

// buildIndex indexes every assignment in the package.
func (m *Model) buildIndex() *index {
	ix := &index{
		vars:     map[*types.Var]*varDefs{},
		fields:   map[fieldKey]*varDefs{},
		builders: map[*types.Var][]builderWrite{},
		badBuild: map[*types.Var]bool{},
		routes:   newRouteIndex(),
		mkdirs:   map[*types.Var][]*ast.CallExpr{},
	}
	m.index = ix
	info := m.pass.TypesInfo
	get := func(v *types.Var) *varDefs {
		d := ix.vars[v]
		if d == nil {
			d = &varDefs{}
			ix.vars[v] = d
		}
		return d
	}
	varOf := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		if v, ok := info.Defs[id].(*types.Var); ok {
			return v
		}
		v, _ := info.Uses[id].(*types.Var)
		return v
	}
	addField := func(lhs ast.Expr, rhs def) {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			return
		}
		if v := varOf(sel.X); v != nil {
			k := fieldKey{v, sel.Sel.Name}
			d := ix.fields[k]
			if d == nil {
				d = &varDefs{}
				ix.fields[k] = d
			}
			d.exprs = append(d.exprs, rhs)
		}
	}
	compositeFields := func(v *types.Var, rhs ast.Expr) {
		rhs = ast.Unparen(rhs)
		if u, ok := rhs.(*ast.UnaryExpr); ok && u.Op == token.AND {
			rhs = ast.Unparen(u.X)
		}
		lit, ok := rhs.(*ast.CompositeLit)
		if !ok {
			return
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if key, ok := kv.Key.(*ast.Ident); ok {
				k := fieldKey{v, key.Name}
				d := ix.fields[k]
				if d == nil {
					d = &varDefs{}
					ix.fields[k] = d
				}
				d.exprs = append(d.exprs, def{kv.Value, -1})
			}
		}
	}
	assign := func(lhs []ast.Expr, rhs []ast.Expr, tok token.Token) {
		if tok != token.ASSIGN && tok != token.DEFINE {
			// op-assign: x += y
			for _, l := range lhs {
				if v := varOf(l); v != nil {
					d := get(v)
					switch {
					case isInteger(v.Type()):
						d.counter = true
					case tok == token.ADD_ASSIGN && len(rhs) == 1 && isString(v.Type()):
						d.appends = append(d.appends, rhs[0])
					default:
						d.opaque, d.opaqueOther = true, true
					}
				} else {
					addField(l, def{nil, -1})
				}
			}
			return
		}
		for i, l := range lhs {
			var d def
			switch {
			case len(lhs) == len(rhs):
				d = def{rhs[i], -1}
			case len(rhs) == 1:
				d = def{rhs[0], i}
			default:
				continue
			}
			if v := varOf(l); v != nil {
				get(v).exprs = append(get(v).exprs, d)
				if d.index < 0 {
					compositeFields(v, d.x)
				}
			} else {
				addField(l, d)
			}
		}
	}
	for _, f := range m.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				assign(n.Lhs, n.Rhs, n.Tok)
			case *ast.ValueSpec:
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				if len(n.Values) == 0 {
					for _, id := range n.Names {
						if v, ok := info.Defs[id].(*types.Var); ok {
							// zero value
							get(v).exprs = append(get(v).exprs, def{nil, -2})
						}
					}
				}
				assign(lhs, n.Values, token.DEFINE)
			case *ast.IncDecStmt:
				if v := varOf(n.X); v != nil {
					get(v).counter = true
				}
			case *ast.RangeStmt:
				if v := varOf(n.Key); v != nil {
					if isInteger(v.Type()) {
						get(v).counter = true
					} else {
						get(v).opaque, get(v).opaqueOther = true, true
					}
				}
				if v := varOf(n.Value); v != nil {
					get(v).opaque = true
					get(v).rangeX = append(get(v).rangeX, n.X)
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if v := varOf(n.X); v != nil && !isBuilder(v.Type()) {
						get(v).opaque, get(v).opaqueOther = true, true
					}
				}
			case *ast.CallExpr:
				m.indexCall(ix, n, varOf)
			}
			ix.routes.visit(info, m.pass.Pkg, n)
			return true
		})
	}
	return ix
}

func isBuilder(t types.Type) bool {
	n, ok := types.Unalias(derefType(t)).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "strings" && n.Obj().Name() == "Builder"
}

// indexCall records crypto/rand.Read(buf) and strings.Builder writes.
func (m *Model) indexCall(ix *index, call *ast.CallExpr, varOf func(ast.Expr) *types.Var) {
	_, f := Callee(m.pass.TypesInfo, call)
	argVar := func(i int) *types.Var {
		if i >= len(call.Args) {
			return nil
		}
		a := ast.Unparen(call.Args[i])
		if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
			a = u.X
		}
		if s, ok := a.(*ast.SliceExpr); ok {
			a = s.X
		}
		return varOf(a)
	}
	switch {
	case f.Is("os", "Mkdir") && len(call.Args) == 2:
		if v := varOf(call.Args[0]); v != nil {
			ix.mkdirs[v] = append(ix.mkdirs[v], call)
		}
	case f.Is("crypto/rand", "Read"):
		if v := argVar(0); v != nil {
			d := ix.vars[v]
			if d == nil {
				d = &varDefs{}
				ix.vars[v] = d
			}
			d.randomBytes = true
		}
	case f.Is("io", "ReadFull"):
		if len(call.Args) == 2 {
			if sel, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr); ok {
				if v, ok := m.pass.TypesInfo.Uses[sel.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "crypto/rand" {
					if bv := argVar(1); bv != nil {
						d := ix.vars[bv]
						if d == nil {
							d = &varDefs{}
							ix.vars[bv] = d
						}
						d.randomBytes = true
					}
				}
			}
		}
	case f.Pkg == "strings" && f.Recv == "Builder":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return
		}
		v := varOf(sel.X)
		if v == nil {
			return
		}
		switch f.Name {
		case "WriteString", "WriteByte", "WriteRune", "Write":
			ix.builders[v] = append(ix.builders[v], builderWrite{pos: call.Pos(), args: call.Args})
		case "Reset":
			ix.badBuild[v] = true
		}
	case f.Pkg == "fmt" && (f.Name == "Fprintf" || f.Name == "Fprint"):
		if v := argVar(0); v != nil && isBuilder(v.Type()) {
			ix.builders[v] = append(ix.builders[v], builderWrite{pos: call.Pos(), args: call.Args[1:], sprintf: f.Name == "Fprintf"})
		}
	default:
		// A builder passed by address anywhere else escapes.
		for i := range call.Args {
			if v := argVar(i); v != nil && isBuilder(v.Type()) {
				if u, ok := ast.Unparen(call.Args[i]).(*ast.UnaryExpr); ok && u.Op == token.AND {
					ix.badBuild[v] = true
				}
			}
		}
	}
}

// defs returns what is assigned to v in this package, or nil for variables
// of other packages and parameters (which are opaque). A string variable
// that is appended to (s += x) is opaque here; the string evaluator reads
// its appends through stringDefs.
func (m *Model) defs(v *types.Var) *varDefs {
	d := m.stringDefs(v)
	if d != nil && len(d.appends) > 0 {
		cp := *d
		cp.opaque = true
		return &cp
	}
	return d
}

// stringDefs is defs with the appends of a string variable kept.
func (m *Model) stringDefs(v *types.Var) *varDefs {
	if v.Pkg() != m.pass.Pkg {
		return nil
	}
	d := m.idx().vars[v]
	if d == nil {
		return nil
	}
	if !d.opaque && len(d.exprs) == 0 && !d.counter {
		return nil
	}
	// Exported package-level variables may be set by other packages.
	if v.Parent() == v.Pkg().Scope() && v.Exported() && len(d.exprs) != 1 {
		return nil
	}
	// A parameter (or receiver) that the function reassigns still holds the
	// caller's value on the paths that skip the assignment
	// (`if dir == "" { dir = os.TempDir() }`): its value is unknown.
	if k := v.Kind(); k == types.ParamVar || k == types.RecvVar {
		cp := *d
		cp.opaque = true
		return &cp
	}
	// Zero-value declarations: treat the zero value as a constant "".
	var out []def
	for _, x := range d.exprs {
		if x.index == -2 {
			continue
		}
		out = append(out, x)
	}
	if len(out) != len(d.exprs) {
		if len(out) == 0 && !d.counter {
			return nil
		}
		cp := *d
		cp.exprs = out
		return &cp
	}
	return d
}

// Defs returns the expressions assigned to local or package variable v in
// this package (x, or a multi-value call with the result index), and
// whether the list is complete (no address taken, no opaque writes).
func (m *Model) Defs(v *types.Var) (xs []ast.Expr, indexes []int, complete bool) {
	d := m.defs(v)
	if d == nil {
		return nil, nil, false
	}
	for _, x := range d.exprs {
		xs = append(xs, x.x)
		indexes = append(indexes, x.index)
	}
	return xs, indexes, !d.opaque && !d.counter
}

func (m *Model) fieldDefs(v *types.Var, field string) *varDefs {
	if v.Pkg() != m.pass.Pkg || v.Parent() == v.Pkg().Scope() {
		return nil // fields of package-level variables may be written anywhere
	}
	ix := m.idx()
	if d := ix.vars[v]; d != nil && d.opaque {
		return nil
	}
	d := ix.fields[fieldKey{v, field}]
	if d == nil {
		return nil
	}
	for _, x := range d.exprs {
		if x.x == nil {
			return nil
		}
	}
	return d
}

// builderWrites returns the writes to builder v before pos, or nil if the
// builder escapes.
func (m *Model) builderWrites(v *types.Var, before token.Pos) []builderWrite {
	ix := m.idx()
	if ix.badBuild[v] {
		return nil
	}
	var out []builderWrite
	for _, w := range ix.builders[v] {
		if w.pos < before {
			out = append(out, w)
		}
	}
	return out
}
