package tempmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"slices"
	"strings"
)

// keyPart is one piece of a string built by concatenation: literal text or
// an opaque value with a key.
type keyPart struct {
	lit   string
	isLit bool
	key   string
}

// Mentions reports whether the string e contains, as a whole word, a value
// whose key is in keys (the name of a file embedded in a command line).
func (k *PathKeys) Mentions(e ast.Expr, keys []string) bool {
	ps := k.parts(e, 0)
	// merge adjacent literals
	var merged []keyPart
	for _, p := range ps {
		if p.isLit && len(merged) > 0 && merged[len(merged)-1].isLit {
			merged[len(merged)-1].lit += p.lit
			continue
		}
		merged = append(merged, p)
	}
	for i, p := range merged {
		if p.isLit || p.key == "" || !slices.Contains(keys, p.key) {
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

// parts flattens string building (+, fmt.Sprintf with %s/%v/%q,
// strings.Join of a literal slice, variables assigned once) into pieces.
func (k *PathKeys) parts(e ast.Expr, depth int) []keyPart {
	if depth > 10 {
		return []keyPart{{}}
	}
	info := k.m.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return []keyPart{{lit: constant.StringVal(tv.Value), isLit: true}}
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return append(k.parts(x.X, depth+1), k.parts(x.Y, depth+1)...)
		}
	case *ast.Ident:
		if v := k.VarOf(x); v != nil {
			if d, ok := k.Single(v); ok && d.X != nil && d.Index < 0 {
				if s := k.Key(x); strings.HasPrefix(s, "name:") {
					return []keyPart{{key: s}}
				}
				return k.parts(d.X, depth+1)
			}
		}
	case *ast.CallExpr:
		_, f := Callee(info, x)
		switch {
		case f.Is("fmt", "Sprintf") && len(x.Args) >= 1 && !x.Ellipsis.IsValid():
			tv, ok := info.Types[x.Args[0]]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
				break
			}
			return k.sprintfParts(constant.StringVal(tv.Value), x.Args[1:], depth)
		case f.Is("strings", "Join") && len(x.Args) == 2:
			tv, ok := info.Types[x.Args[1]]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
				break
			}
			sep := constant.StringVal(tv.Value)
			lit := k.SliceLit(x.Args[0])
			if lit == nil {
				break
			}
			var out []keyPart
			for i, el := range lit.Elts {
				if i > 0 {
					out = append(out, keyPart{lit: sep, isLit: true})
				}
				out = append(out, k.parts(el, depth+1)...)
			}
			return out
		}
	}
	return []keyPart{{key: k.Key(e)}}
}

func (k *PathKeys) sprintfParts(format string, args []ast.Expr, depth int) []keyPart {
	var out []keyPart
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
			return []keyPart{{}}
		}
		verb := format[j]
		plain := j == i+1
		i = j
		if ai >= len(args) {
			return []keyPart{{}}
		}
		arg := args[ai]
		ai++
		out = append(out, keyPart{lit: lit, isLit: true})
		lit = ""
		switch {
		case !plain:
			out = append(out, keyPart{})
		case verb == 's' || verb == 'v':
			out = append(out, k.parts(arg, depth+1)...)
		case verb == 'q':
			out = append(out, keyPart{lit: `"`, isLit: true}, keyPart{key: k.Key(arg)}, keyPart{lit: `"`, isLit: true})
		default:
			out = append(out, keyPart{})
		}
	}
	return append(out, keyPart{lit: lit, isLit: true})
}
