package tempreopen

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// varInfo is what the package assigns to one variable.
type varInfo struct {
	defs     []varDef
	addr     bool // address taken, op-assigned, assigned by range (=): value unknown
	nilDecl  bool // declared without a value (var f *os.File)
	rangeVar bool // declared by range (:=): one opaque value per iteration
}

type varDef struct {
	x     ast.Expr // nil: opaque (parameter)
	index int      // >= 0: result index of the multi-value call x
	stmt  ast.Node
}

// varIndex builds the variable index of the package.
func (st *state) varIndex() map[*types.Var]*varInfo {
	if st.vars != nil {
		return st.vars
	}
	info := st.pass.TypesInfo
	vars := map[*types.Var]*varInfo{}
	st.vars = vars
	get := func(e ast.Expr) *varInfo {
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
			vi = &varInfo{}
			vars[v] = vi
		}
		return vi
	}
	for _, f := range st.pass.Files {
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
						vi.addr = true
					case len(n.Lhs) == len(n.Rhs):
						vi.defs = append(vi.defs, varDef{n.Rhs[i], -1, n})
					case len(n.Rhs) == 1:
						vi.defs = append(vi.defs, varDef{n.Rhs[0], i, n})
					default:
						vi.addr = true
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
						vi.nilDecl = true
					case len(n.Values) == len(n.Names):
						vi.defs = append(vi.defs, varDef{n.Values[i], -1, n})
					case len(n.Values) == 1:
						vi.defs = append(vi.defs, varDef{n.Values[0], i, n})
					}
				}
			case *ast.IncDecStmt:
				if vi := get(n.X); vi != nil {
					vi.addr = true
				}
			case *ast.RangeStmt:
				for _, x := range []ast.Expr{n.Key, n.Value} {
					if x == nil {
						continue
					}
					if vi := get(x); vi != nil {
						if n.Tok == token.DEFINE {
							vi.rangeVar = true
						} else {
							vi.addr = true
						}
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if vi := get(n.X); vi != nil {
						vi.addr = true
					}
				}
			case *ast.TypeSwitchStmt:
				return true
			}
			return true
		})
	}
	return vars
}

// single returns the one value assigned to v, if v is assigned exactly once
// (or is a parameter never assigned: ok with d.x == nil).
func (st *state) single(v *types.Var) (d varDef, ok bool) {
	if v == nil || v.Pkg() != st.pass.Pkg {
		return varDef{}, false
	}
	vi := st.varIndex()[v]
	if vi == nil {
		// never assigned: a parameter, a named result or a zero-valued var
		if st.isParam(v) {
			return varDef{index: -1}, true
		}
		return varDef{}, false
	}
	if vi.rangeVar && !vi.addr && !vi.nilDecl && len(vi.defs) == 0 {
		return varDef{index: -1}, true
	}
	if vi.addr || vi.nilDecl || vi.rangeVar || len(vi.defs) != 1 || st.isParam(v) {
		return varDef{}, false
	}
	if v.Parent() == v.Pkg().Scope() && v.Exported() {
		return varDef{}, false
	}
	return vi.defs[0], true
}

func (st *state) isParam(v *types.Var) bool {
	if st.params == nil {
		st.params = map[*types.Var]bool{}
		for id, obj := range st.pass.TypesInfo.Defs {
			_ = id
			if fn, ok := obj.(*types.Func); ok {
				sig, _ := fn.Type().(*types.Signature)
				if sig == nil {
					continue
				}
				for i := 0; i < sig.Params().Len(); i++ {
					st.params[sig.Params().At(i)] = true
				}
				if sig.Recv() != nil {
					st.params[sig.Recv()] = true
				}
			}
		}
		for _, f := range st.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					if sig, ok := st.pass.TypesInfo.TypeOf(lit).(*types.Signature); ok {
						for i := 0; i < sig.Params().Len(); i++ {
							st.params[sig.Params().At(i)] = true
						}
					}
				}
				return true
			})
		}
	}
	return st.params[v]
}

func (st *state) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	obj := st.pass.TypesInfo.Uses[id]
	if obj == nil {
		obj = st.pass.TypesInfo.Defs[id]
	}
	v, _ := obj.(*types.Var)
	return v
}

// key returns a canonical text for the string value of e, equal for two
// expressions that certainly have the same value, or "" if unknown.
func (st *state) key(e ast.Expr) string { return st.keyd(e, 0) }

func (st *state) keyd(e ast.Expr, depth int) string {
	if e == nil || depth > 12 {
		return ""
	}
	info := st.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return "c:" + strconvQuote(constant.StringVal(tv.Value))
		}
		return "c:" + tv.Value.ExactString()
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v := st.varOf(e)
		if v == nil {
			return ""
		}
		d, ok := st.single(v)
		if !ok {
			return ""
		}
		if d.x == nil || d.index >= 0 {
			return fmt.Sprintf("v%p", v)
		}
		if k := st.keyd(d.x, depth+1); k != "" {
			return k
		}
		return fmt.Sprintf("v%p", v)
	case *ast.SelectorExpr:
		// a field of a local struct variable
		v := st.varOf(e.X)
		if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			return ""
		}
		if _, ok := st.single(v); !ok {
			return ""
		}
		xs, complete := st.m.FieldDefs(v, e.Sel.Name)
		if !complete || len(xs) != 1 || xs[0] == nil {
			return ""
		}
		return st.keyd(xs[0], depth+1)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return ""
		}
		a, b := st.keyd(e.X, depth+1), st.keyd(e.Y, depth+1)
		if a == "" || b == "" {
			return ""
		}
		return "+(" + a + "," + b + ")"
	case *ast.CallExpr:
		_, f := tempmodel.Callee(info, e)
		if f.IsMethod("os", "File", "Name") {
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if !ok {
				return ""
			}
			v := st.varOf(sel.X)
			if v == nil {
				return ""
			}
			if fv := st.files[v]; fv != nil {
				return fmt.Sprintf("name:%d", fv.idx)
			}
			if _, ok := st.single(v); ok {
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
			if parts[i] = st.keyd(a, depth+1); parts[i] == "" {
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

func strconvQuote(s string) string { return fmt.Sprintf("%q", s) }

// part is one piece of a string built by concatenation: literal text or an
// opaque value with a key.
type part struct {
	lit    string
	isLit  bool
	key    string
	quoted bool
}

// parts flattens string building (+, fmt.Sprintf with %s/%v/%q,
// strings.Join of a literal slice, variables assigned once) into pieces.
func (st *state) parts(e ast.Expr, depth int) []part {
	if depth > 10 {
		return []part{{}}
	}
	info := st.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return []part{{lit: constant.StringVal(tv.Value), isLit: true}}
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return append(st.parts(x.X, depth+1), st.parts(x.Y, depth+1)...)
		}
	case *ast.Ident:
		if v := st.varOf(x); v != nil {
			if d, ok := st.single(v); ok && d.x != nil && d.index < 0 {
				if k := st.key(x); strings.HasPrefix(k, "name:") {
					return []part{{key: k}}
				}
				return st.parts(d.x, depth+1)
			}
		}
	case *ast.CallExpr:
		_, f := tempmodel.Callee(info, x)
		switch {
		case f.Is("fmt", "Sprintf") && len(x.Args) >= 1 && !x.Ellipsis.IsValid():
			tv, ok := info.Types[x.Args[0]]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
				break
			}
			return st.sprintfParts(constant.StringVal(tv.Value), x.Args[1:], depth)
		case f.Is("strings", "Join") && len(x.Args) == 2:
			tv, ok := info.Types[x.Args[1]]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
				break
			}
			sep := constant.StringVal(tv.Value)
			lit := st.sliceLit(x.Args[0])
			if lit == nil {
				break
			}
			var out []part
			for i, el := range lit.Elts {
				if i > 0 {
					out = append(out, part{lit: sep, isLit: true})
				}
				out = append(out, st.parts(el, depth+1)...)
			}
			return out
		}
	}
	return []part{{key: st.key(e)}}
}

func (st *state) sliceLit(e ast.Expr) *ast.CompositeLit {
	for range 4 {
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			return x
		case *ast.Ident:
			v := st.varOf(x)
			if v == nil {
				return nil
			}
			d, ok := st.single(v)
			if !ok || d.x == nil || d.index >= 0 {
				return nil
			}
			e = d.x
		default:
			return nil
		}
	}
	return nil
}

func (st *state) sprintfParts(format string, args []ast.Expr, depth int) []part {
	var out []part
	lit := ""
	ai := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			lit += string(c)
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			lit += "%"
			i++
			continue
		}
		// flags, width and precision; explicit argument indexes and *
		// widths are not followed
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
			j++
		}
		if j >= len(format) || format[j] == '[' || format[j] == '*' {
			return []part{{}}
		}
		verb := format[j]
		plain := j == i+1
		i = j
		if ai >= len(args) {
			return []part{{}}
		}
		arg := args[ai]
		ai++
		out = append(out, part{lit: lit, isLit: true})
		lit = ""
		switch {
		case !plain:
			out = append(out, part{})
		case verb == 's' || verb == 'v':
			out = append(out, st.parts(arg, depth+1)...)
		case verb == 'q':
			out = append(out, part{lit: `"`, isLit: true}, part{key: st.key(arg)}, part{lit: `"`, isLit: true})
		default:
			out = append(out, part{})
		}
	}
	return append(out, part{lit: lit, isLit: true})
}

// mentions reports whether the string e contains, as a whole word, a value
// whose key is in keys (the name of a file embedded in a command line).
func (st *state) mentions(e ast.Expr, keys []string) bool {
	ps := st.parts(e, 0)
	// merge adjacent literals
	var merged []part
	for _, p := range ps {
		if p.isLit && len(merged) > 0 && merged[len(merged)-1].isLit {
			merged[len(merged)-1].lit += p.lit
			continue
		}
		merged = append(merged, p)
	}
	for i, p := range merged {
		if p.isLit || p.key == "" || !contains(keys, p.key) {
			continue
		}
		if i > 0 {
			prev := merged[i-1]
			if !prev.isLit {
				continue
			}
			if prev.lit != "" && !delimBefore(prev.lit[len(prev.lit)-1]) {
				continue
			}
		}
		if i+1 < len(merged) {
			next := merged[i+1]
			if !next.isLit {
				continue
			}
			if next.lit != "" && !delimAfter(next.lit[0]) {
				continue
			}
		}
		return true
	}
	return false
}

func delimBefore(c byte) bool {
	return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '=' || c == '<' || c == '>' || c == '\n' || c == ','
}

func delimAfter(c byte) bool {
	return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\n' || c == ';' || c == '|' || c == '&' || c == ')' || c == ',' || c == '>' || c == '<'
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
