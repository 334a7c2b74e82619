package tempmodel

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

// Loc says where a path lies.
type Loc uint8

const (
	LocUnknown Loc = iota // cannot tell
	LocOther              // not under a temp directory (relative, or another absolute dir)
	LocShared             // a shared temp directory, or a path directly in one
	LocPrivate            // under a private directory (os.MkdirTemp, t.TempDir)
)

func (l Loc) String() string {
	return [...]string{"unknown", "other", "shared", "private"}[l]
}

// Name says what the part of a path under its directory is built from.
type Name uint8

const (
	NameNone        Name = iota // no name part: the value is the directory itself
	NamePredictable             // only predictable parts (constants, PIDs, time, math/rand...)
	NameRandom                  // at least one unpredictable part (crypto/rand, os.CreateTemp)
	NameUnknown                 // at least one part we cannot see, and none random
)

func (n Name) String() string {
	return [...]string{"none", "predictable", "random", "unknown"}[n]
}

// Origin is how a path's temp directory was named.
type Origin uint8

const (
	OriginNone        Origin = iota // not a temp dir, or cannot tell
	OriginLiteral                   // a shared temp dir written as a path: /tmp, /var/tmp, /dev/shm...
	OriginOSTempDir                 // os.TempDir() (or dir "" of CreateTemp/MkdirTemp)
	OriginEnv                       // $TMPDIR, $TEMP or $TMP read from the environment
	OriginCreateTemp                // a file made by os.CreateTemp (ioutil.TempFile)
	OriginMkdirTemp                 // a directory made by os.MkdirTemp (ioutil.TempDir)
	OriginTestTempDir               // a test's t.TempDir()
	OriginOwnMkdir                  // a directory the function made with a strict os.Mkdir (ownmkdir.go)
)

func (o Origin) String() string {
	return [...]string{"none", "literal", "os.TempDir", "env", "CreateTemp", "MkdirTemp", "t.TempDir", "Mkdir"}[o]
}

// Redirectable reports whether the directory is the process's temp dir as
// the environment names it (os.TempDir(), $TMPDIR...), which a program can
// point elsewhere by setting TMPDIR, unlike a literal /tmp.
func (o Origin) Redirectable() bool { return o == OriginOSTempDir || o == OriginEnv }

// Prov is the provenance of a string value, usually a path. It is also
// carried in facts, so every field is exported and gob-encodable.
type Prov struct {
	Loc  Loc
	Name Name
	// TempFS: the path is physically under the system temp directory
	// (os.TempDir(), $TMPDIR, /tmp, /var/tmp, /dev/shm), shared or private
	// (a dir made by os.MkdirTemp("", ...) is private but on the temp FS).
	TempFS bool
	// Origin says, as a typed value, how the temp directory was named:
	// decisions read Origin, never Dir.
	Origin Origin
	// Dir says how the temp directory was named, for messages only:
	// "/tmp", "os.TempDir()", "$TMPDIR", "os.MkdirTemp", "t.TempDir()".
	Dir string
	// Sources lists the predictable parts of the name, for messages:
	// "os.Getpid()", "time.Now()", "math/rand", "a constant", ...
	Sources []string
	// Base is the last constant text of the name, if any ("app.log" in
	// filepath.Join(os.TempDir(), "app.log")), to derive fix patterns from.
	Base string
	// First is the first constant text of the name ("app-" in
	// fmt.Sprintf("/tmp/app-%d.log", pid)).
	First string
	// In function summaries: LocFrom is 1+the index of the parameter that
	// gives the path's location (0: none); NameFrom lists the parameters
	// that are parts of its name.
	LocFrom  int
	NameFrom []int
	// Each: the value is one of several that a loop takes in turn (the
	// elements of a slice it ranges over), and this is what those in a
	// shared temp dir agree on; the others may lie elsewhere, so a fix
	// must not assume the directory.
	Each bool
	// Owned: the value is a directory in a shared temp dir that the
	// function made itself with a strict os.Mkdir (ownmkdir.go); the
	// directory is itself in the shared dir, but entries made inside it
	// ([join]) are private. Inside (in function summaries): the name part
	// is an entry of the LocFrom directory (filepath.Join, a "/"), so an
	// Owned argument there makes the result private.
	Owned, Inside bool
}

// Unknown is the provenance of a value we know nothing about.
var Unknown = Prov{Loc: LocUnknown, Name: NameUnknown}

// SharedPredictable reports whether p is a path in a shared temp directory
// whose name an attacker can predict.
func (p Prov) SharedPredictable() bool {
	return p.Loc == LocShared && p.Name == NamePredictable && p.LocFrom == 0 && len(p.NameFrom) == 0
}

// sourceConstant is the Sources entry of a constant part of a name; the
// model writes it and only the model compares it.
const sourceConstant = "a constant"

// sourceTime is the Sources entry of a time-derived part of a name.
const sourceTime = "time.Now()"

// ConstantOnly reports whether every predictable part of the name is a
// constant (no PID, time, counter...): such a name is a fixed rendezvous.
func (p Prov) ConstantOnly() bool {
	for _, s := range p.Sources {
		if s != sourceConstant {
			return false
		}
	}
	return true
}

// WithoutConstants returns p with the constant parts left out of Sources,
// for messages that name what varies.
func (p Prov) WithoutConstants() Prov {
	p.Sources = slices.DeleteFunc(slices.Clone(p.Sources), func(s string) bool { return s == sourceConstant })
	return p
}

// SourceList renders the predictable sources for a message: "os.Getpid()
// and time.Now()".
func (p Prov) SourceList() string {
	s := p.Sources
	switch len(s) {
	case 0:
		return "constant parts"
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

func combineName(a, b Name) Name {
	switch {
	case a == NameRandom || b == NameRandom:
		return NameRandom
	case a == NameUnknown || b == NameUnknown:
		return NameUnknown
	case a == NameNone && b == NameNone:
		return NameNone
	}
	return NamePredictable
}

func addSources(dst []string, src ...string) []string {
	for _, s := range src {
		if !slices.Contains(dst, s) {
			dst = append(dst, s)
		}
	}
	return dst
}

// concat is the provenance of a+b: a gives the location, b becomes part of
// the name.
func concat(a, b Prov) Prov {
	out := a
	out.Owned = false
	out.Sources = slices.Clone(a.Sources)
	out.NameFrom = slices.Clone(a.NameFrom)
	part := b.Name
	switch {
	case b.LocFrom > 0:
		out.NameFrom = append(out.NameFrom, b.LocFrom-1)
	case b.Loc == LocShared || b.Loc == LocPrivate:
		if part == NameNone {
			part = NameUnknown // a temp dir in the middle of a name: odd, be quiet
		}
	}
	out.NameFrom = append(out.NameFrom, b.NameFrom...)
	out.Name = combineName(out.Name, part)
	out.Each = a.Each || b.Each
	if part == NamePredictable {
		out.Sources = addSources(out.Sources, b.Sources...)
	}
	if b.Base != "" {
		out.Base = b.Base
	}
	if out.First == "" {
		out.First = b.First
		if out.First == "" && b.Loc != LocShared && b.Loc != LocPrivate {
			out.First = b.Base
		}
	}
	return out
}

// join is concat(a, b) where b is an entry of the directory a (the parts
// of filepath.Join, a name after a "/"): in a directory the program made
// itself (Owned), the entry is private.
func join(a, b Prov, inside bool) Prov {
	out := concat(a, b)
	if !inside || b.Name == NameNone && b.LocFrom == 0 && len(b.NameFrom) == 0 {
		return out
	}
	if a.Owned {
		out.Loc, out.Origin, out.Dir = LocPrivate, OriginOwnMkdir, "its own os.Mkdir directory"
	}
	if a.LocFrom > 0 && len(a.NameFrom) == 0 && a.Name == NameNone {
		out.Inside = true
	}
	return out
}

// slashFirst reports whether the name part p starts with a separator.
func slashFirst(p Prov) bool { return strings.HasPrefix(p.First, "/") }

// meet is the provenance of a value that is a on some paths and b on others.
func meet(a, b Prov) Prov {
	out := a
	out.Owned = a.Owned && b.Owned
	out.Inside = a.Inside && b.Inside
	if a.Loc != b.Loc || a.LocFrom != b.LocFrom {
		out.Loc, out.LocFrom = LocUnknown, 0
	}
	if a.Name != b.Name {
		out.Name = NameUnknown
	}
	if !slices.Equal(a.NameFrom, b.NameFrom) {
		out.Name = NameUnknown
		out.NameFrom = nil
	}
	out.TempFS = a.TempFS && b.TempFS
	out.Each = a.Each || b.Each
	if a.Dir != b.Dir || a.Origin != b.Origin {
		out.Dir, out.Origin = "", OriginNone
	}
	out.Sources = addSources(slices.Clone(a.Sources), b.Sources...)
	if a.Base != b.Base {
		out.Base = ""
	}
	if a.First != b.First {
		out.First = ""
	}
	return out
}

// tempDirPrefixes are the directories every user may create entries in:
// the temp dirs, /dev/shm, and the lock directory (/run/lock, mode 1777 on
// Linux distributions, also reached as /var/lock and /var/run/lock).
var tempDirPrefixes = []string{"/tmp", "/var/tmp", "/dev/shm", "/private/tmp", "/usr/tmp",
	"/run/lock", "/var/run/lock", "/var/lock"}

// SharedTempLiteral reports whether s names a shared temp directory or a
// path in one, and returns the directory prefix and the rest.
func SharedTempLiteral(s string) (dir, rest string, ok bool) {
	for _, p := range tempDirPrefixes {
		if s == p || s == p+"/" {
			return p, "", true
		}
		if strings.HasPrefix(s, p+"/") {
			return p, strings.TrimLeft(s[len(p):], "/"), true
		}
	}
	return "", "", false
}

func constProv(s string) Prov {
	if dir, rest, ok := SharedTempLiteral(s); ok {
		p := Prov{Loc: LocShared, TempFS: true, Dir: dir, Origin: OriginLiteral}
		if rest != "" {
			p.Name = NamePredictable
			p.Sources = []string{sourceConstant}
			p.Base, p.First = rest, rest
		}
		return p
	}
	p := Prov{Loc: LocOther, Name: NamePredictable, Sources: []string{sourceConstant}, Base: s, First: s}
	if strings.Trim(s, "/.") == "" { // "", "/", "./": no name
		p.Name = NameNone
		p.Sources = nil
		p.Base, p.First = "", ""
	}
	return p
}

// osTempDirProv is the provenance of os.TempDir().
func osTempDirProv() Prov {
	return Prov{Loc: LocShared, Name: NameNone, TempFS: true, Dir: "os.TempDir()", Origin: OriginOSTempDir}
}

// envProv is the provenance of the value of the environment variable k:
// the temp dir for $TMPDIR, $TEMP and $TMP, the user name for $USER,
// $LOGNAME and $USERNAME, else unknown.
func envProv(k string) Prov {
	switch k {
	case "TMPDIR", "TEMP", "TMP":
		return Prov{Loc: LocShared, Name: NameNone, TempFS: true, Dir: "$" + k, Origin: OriginEnv}
	case "USER", "LOGNAME", "USERNAME":
		return predictable("the user name")
	}
	return Unknown
}

// expandEnvProv is the provenance of os.ExpandEnv(s) for a constant s: its
// literal text and the variables it names ($NAME or ${NAME}), in order.
// Anything os.Expand reads otherwise (special names such as $1 or $*, an
// unterminated ${) gives Unknown.
func expandEnvProv(s string) Prov {
	var parts []Prov
	lit := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 >= len(s) {
			continue
		}
		if i > lit {
			parts = append(parts, constProv(s[lit:i]))
		}
		var name string
		j := i + 1
		if s[j] == '{' {
			end := strings.IndexByte(s[j:], '}')
			if end < 0 {
				return Unknown
			}
			name, j = s[j+1:j+end], j+end+1
		} else {
			for j < len(s) && (s[j] == '_' || '0' <= s[j] && s[j] <= '9' || 'a' <= s[j]|0x20 && s[j]|0x20 <= 'z') {
				j++
			}
			name = s[i+1 : j]
		}
		if name == "" || '0' <= name[0] && name[0] <= '9' {
			return Unknown
		}
		parts = append(parts, envProv(name))
		lit, i = j, j-1
	}
	if lit < len(s) || len(parts) == 0 {
		parts = append(parts, constProv(s[lit:]))
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out = concat(out, p)
	}
	return out
}

func predictable(src string) Prov {
	return Prov{Loc: LocOther, Name: NamePredictable, Sources: []string{src}}
}

var randomProv = Prov{Loc: LocOther, Name: NameRandom}

// evalCtx is the context of one evaluation: the function whose parameters
// are symbolic (summaries), and a recursion guard.
type evalCtx struct {
	params map[*types.Var]int
	depth  int
	seen   map[types.Object]bool
	// callers: parameters take the value their call sites agree on
	// (ProvWithCallers).
	callers bool
	// self: the value a variable stands for inside its own self-referring
	// assignments (see evalIdent).
	self map[*types.Var]Prov
	// fieldSeen, fieldSelf: the same for fields of local struct variables
	// (see evalField).
	fieldSeen map[fieldKey]bool
	fieldSelf map[fieldKey]Prov
}

// mentions reports whether e uses the variable v.
func (m *Model) mentions(e ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && m.pass.TypesInfo.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

const maxDepth = 24

// Prov returns the provenance of the string (or integer, for name parts)
// expression e.
func (m *Model) Prov(e ast.Expr) Prov {
	return m.eval(&evalCtx{}, e)
}

func (m *Model) eval(ctx *evalCtx, e ast.Expr) Prov {
	if ctx.depth > maxDepth {
		return Unknown
	}
	ctx.depth++
	defer func() { ctx.depth-- }()

	info := m.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return constProv(constant.StringVal(tv.Value))
		}
		return predictable(sourceConstant)
	}
	if fileapi.IsTimeValue(info.TypeOf(e)) {
		// A time, wherever it comes from (a parameter, a field, a file's
		// modification time): what an attacker can guess.
		return predictable(sourceTime)
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return m.evalIdent(ctx, e)
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			x, y := m.eval(ctx, e.X), m.eval(ctx, e.Y)
			return join(x, y, slashFirst(y))
		}
		if isInteger(info.TypeOf(e)) {
			return m.combineParts(ctx, e.X, e.Y)
		}
	case *ast.CallExpr:
		if _, ok := info.TypeOf(e).(*types.Tuple); ok {
			// The whole argument list f(g()): this is its first argument
			// (argProv gives the others).
			return m.evalResult(ctx, e, 0)
		}
		return m.evalCall(ctx, e)
	case *ast.SelectorExpr:
		return m.evalSelector(ctx, e)
	case *ast.IndexExpr:
		// os.Args[i]
		if sel, ok := ast.Unparen(e.X).(*ast.SelectorExpr); ok {
			if fileapi.IsOSArgs(info.Uses[sel.Sel]) {
				return predictable("os.Args")
			}
		}
	case *ast.StarExpr:
		return Unknown
	case *ast.SliceExpr:
		// s[i:j] of a string: a part of a predictable value is predictable,
		// of a random one random; its constant text is not known.
		if isString(info.TypeOf(e)) && !e.Slice3 {
			p := m.eval(ctx, e.X)
			p.Base, p.First = "", ""
			if v, ok := m.ConstInt(e.Low); e.Low != nil && (!ok || v != 0) {
				// s[i:] drops a prefix: the location no longer applies.
				if p.LocFrom > 0 || len(p.NameFrom) > 0 {
					return Unknown
				}
				p.Loc, p.TempFS, p.Dir, p.Origin = LocOther, false, "", OriginNone
				if p.Name == NameNone {
					p.Name = NameUnknown
				}
			}
			return p
		}
	}
	return Unknown
}

// combineParts evaluates an arithmetic combination of name parts.
func (m *Model) combineParts(ctx *evalCtx, xs ...ast.Expr) Prov {
	out := Prov{Loc: LocOther, Name: NameNone}
	for _, x := range xs {
		out = concat(out, m.eval(ctx, x))
	}
	return out
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func (m *Model) evalIdent(ctx *evalCtx, id *ast.Ident) Prov {
	obj := m.pass.TypesInfo.Uses[id]
	if obj == nil {
		obj = m.pass.TypesInfo.Defs[id]
	}
	v, ok := obj.(*types.Var)
	if !ok {
		return Unknown
	}
	if i, ok := ctx.params[v]; ok {
		return Prov{Loc: LocUnknown, Name: NameNone, LocFrom: i + 1}
	}
	if ctx.callers && v.Kind() == types.ParamVar {
		if p, ok := m.paramFromCallers(ctx, v); ok {
			return p
		}
	}
	if v.Kind() == types.ParamVar {
		if p, ok := m.litParamProv(ctx, v); ok {
			return p
		}
	}
	if v.Pkg() != nil && v.Pkg() != m.pass.Pkg {
		if fileapi.IsOSArgs(v) {
			return predictable("os.Args")
		}
		return Unknown
	}
	if ctx.seen[v] {
		if p, ok := ctx.self[v]; ok {
			return p
		}
		return Unknown
	}
	if p, ok := m.rangeValueProv(ctx, v, m.idx().vars[v]); ok {
		return p
	}
	d := m.stringDefs(v)
	if d == nil || d.opaque || len(d.exprs) == 0 && !d.counter {
		return Unknown
	}
	mentions := func(x ast.Node) bool { return m.mentions(x, v) }
	// A package-level variable is assigned in other functions, whose
	// parameters are not the ones a summary makes symbolic.
	if v.Parent() == v.Pkg().Scope() {
		return m.globalStores(ctx, v, d, mentions)
	}
	p, ok := Prov{}, false
	if builtInSteps(d, mentions) {
		p, ok = m.reachingValue(ctx, v, id)
	}
	if !ok {
		p = m.evalStores(ctx, v, d, mentions)
	}
	if p.Loc == LocShared && p.LocFrom == 0 && m.ownDir(v, id) {
		p.Owned = true
	}
	return p
}

// builtInSteps reports whether a local variable's value is built in steps
// (s += x, or s = s + x): the meet of every store (evalStores) mixes the
// first step with the last and loses the name, so such a variable is read
// at its use by the one assignment that reaches it (reachingValue).
func builtInSteps(d *varDefs, mentions func(ast.Node) bool) bool {
	if len(d.appends) > 0 {
		return true
	}
	for _, x := range d.exprs {
		if x.x != nil && mentions(x.x) {
			return true
		}
	}
	return false
}

// reachingValue is the value of the local variable v at its use id when
// one assignment reaches the use on every path from the function's entry
// (reachingStore): p := os.TempDir(); p += "/app.lock"; os.Create(p) reads
// the +=, whose left side is in turn the value that reaches it. ok is
// false when several assignments reach the use (a loop, branches), when v
// belongs to an enclosing function, or when the assignment is not one this
// follows (a range, a pointer write).
func (m *Model) reachingValue(ctx *evalCtx, v *types.Var, id *ast.Ident) (Prov, bool) {
	if ctx.depth > maxDepth {
		return Prov{}, false
	}
	ctx.depth++
	defer func() { ctx.depth-- }()
	n, lhs, i, ok := m.reachingStore(v, id)
	if !ok {
		return Prov{}, false
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		switch {
		case n.Tok == token.ADD_ASSIGN && len(n.Rhs) == 1 && isString(v.Type()):
			base, ok := m.reachingValue(ctx, v, lhs)
			if !ok {
				return Prov{}, false
			}
			y := m.eval(ctx, n.Rhs[0])
			return join(base, y, slashFirst(y)), true
		case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
		case len(n.Lhs) == len(n.Rhs):
			return m.eval(ctx, n.Rhs[i]), true
		case len(n.Rhs) == 1:
			return m.evalDef(ctx, def{n.Rhs[0], i}), true
		}
	case *ast.ValueSpec:
		switch {
		case len(n.Values) == 0:
			if isString(v.Type()) {
				return constProv(""), true
			}
		case len(n.Values) == len(n.Names):
			return m.eval(ctx, n.Values[i]), true
		case len(n.Values) == 1:
			return m.evalDef(ctx, def{n.Values[0], i}), true
		}
	}
	return Prov{}, false
}

// reachingStore returns the assignment (an *ast.AssignStmt or a var
// *ast.ValueSpec) that gives the local variable v its value at its use id
// on every path from the function's entry ([flow.Graph.ReachingDef]), the
// identifier it assigns v by, and its index among the left sides.
func (m *Model) reachingStore(v *types.Var, id *ast.Ident) (n ast.Node, lhs *ast.Ident, i int, ok bool) {
	inner, _ := m.EnclosingFunc(id.Pos())
	if inner == nil {
		return nil, nil, 0, false
	}
	g := m.Graph(inner)
	if g == nil {
		return nil, nil, 0, false
	}
	info := m.pass.TypesInfo
	n, ok = g.ReachingDef(info, v, g.LocatePos(id.Pos(), id.End()))
	if !ok {
		return nil, nil, 0, false
	}
	var ids []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		ids = n.Lhs
	case *ast.ValueSpec:
		for _, name := range n.Names {
			ids = append(ids, name)
		}
	}
	for i, l := range ids {
		if lid, isID := ast.Unparen(l).(*ast.Ident); isID && (info.Defs[lid] == v || info.Uses[lid] == v) {
			return n, lid, i, true
		}
	}
	return nil, nil, 0, false
}

// sliceElems returns the elements of the string slice x in order, as
// strings.Join reads them: a slice literal, append(s, xs...) of such a
// slice (a literal after the ...), or a local slice variable built that
// way in steps (s = append(s, x)), read at its use by the assignment that
// reaches it. A variable qualifies only when every use of it builds it
// (the first argument of an append assigned back to it), assigns it, or
// reads it whole in strings.Join or len: passed anywhere else, its
// elements may change. ok is false when the elements are not all known.
func (m *Model) sliceElems(ctx *evalCtx, x ast.Expr) (elems []ast.Expr, ok bool) {
	if ctx.depth > maxDepth {
		return nil, false
	}
	ctx.depth++
	defer func() { ctx.depth-- }()
	info := m.pass.TypesInfo
	switch x := ast.Unparen(x).(type) {
	case *ast.CompositeLit:
		for _, e := range x.Elts {
			if _, isKV := e.(*ast.KeyValueExpr); isKV {
				return nil, false
			}
		}
		return x.Elts, true
	case *ast.CallExpr:
		if !isBuiltin(info, x.Fun, "append") || len(x.Args) == 0 {
			return nil, false
		}
		base, ok := m.sliceElems(ctx, x.Args[0])
		if !ok {
			return nil, false
		}
		more := x.Args[1:]
		if x.Ellipsis.IsValid() {
			if len(more) != 1 {
				return nil, false
			}
			if more, ok = m.sliceElems(ctx, more[0]); !ok {
				return nil, false
			}
		}
		return append(slices.Clip(base), more...), true
	case *ast.Ident:
		v, isVar := info.Uses[x].(*types.Var)
		if !isVar || v.Kind() != types.LocalVar || !m.onlyBuilt(v) {
			return nil, false
		}
		n, _, i, ok := m.reachingStore(v, x)
		if !ok {
			return nil, false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) && len(n.Lhs) == len(n.Rhs) {
				return m.sliceElems(ctx, n.Rhs[i])
			}
		case *ast.ValueSpec:
			switch len(n.Values) {
			case 0:
				return nil, true // a nil slice
			case len(n.Names):
				return m.sliceElems(ctx, n.Values[i])
			}
		}
	}
	return nil, false
}

// onlyBuilt reports whether every use of the local slice variable v
// builds it (append(v, ...) assigned back to v alone), assigns it, or
// reads it whole (strings.Join, len, cap): nothing else can change its
// elements.
func (m *Model) onlyBuilt(v *types.Var) bool {
	info := m.pass.TypesInfo
	for _, u := range m.UsesOf(v) {
		id := u.Node().(*ast.Ident)
		switch p := u.Parent().Node().(type) {
		case *ast.AssignStmt:
			if !slices.Contains(p.Lhs, ast.Expr(id)) {
				return false
			}
		case *ast.CallExpr:
			switch {
			case isBuiltin(info, p.Fun, "len"), isBuiltin(info, p.Fun, "cap"):
			case isBuiltin(info, p.Fun, "append"):
				as, ok := u.Parent().Parent().Node().(*ast.AssignStmt)
				if !ok || len(p.Args) == 0 || p.Args[0] != id || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != p {
					return false
				}
				if lid, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident); !ok || info.Uses[lid] != v {
					return false
				}
			default:
				if _, f := Callee(info, p); !f.Is("strings", "Join") || p.Args[0] != id {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

func isBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

func (m *Model) evalDef(ctx *evalCtx, d def) Prov {
	if d.index < 0 {
		return m.eval(ctx, d.x)
	}
	call, ok := ast.Unparen(d.x).(*ast.CallExpr)
	if !ok {
		return Unknown
	}
	return m.evalResult(ctx, call, d.index)
}

func (m *Model) evalSelector(ctx *evalCtx, sel *ast.SelectorExpr) Prov {
	info := m.pass.TypesInfo
	if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
		// user.Current().Username and friends.
		if named, ok := types.Unalias(derefType(s.Recv())).(*types.Named); ok && named.Obj().Pkg() != nil &&
			named.Obj().Pkg().Path() == "os/user" && named.Obj().Name() == "User" {
			return predictable("the user name")
		}
		// Field of a local struct variable. The fields of a parameter or
		// receiver hold what the caller stored, so they are read as fields.
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && v.Kind() != types.ParamVar && v.Kind() != types.RecvVar {
				if fd := m.fieldDefs(v, sel.Sel.Name); fd != nil && !fd.opaque && len(fd.exprs) > 0 {
					return m.evalField(ctx, fieldKey{v, sel.Sel.Name}, fd)
				}
			}
		}
		// A field: every store to it in the package.
		if p, ok := m.fieldStoresProv(ctx, fieldObj(info, sel)); ok {
			return p
		}
		return Unknown
	}
	// A package-level variable or constant of another package is an *ast.SelectorExpr too.
	if fileapi.IsOSArgs(info.Uses[sel.Sel]) {
		return predictable("os.Args")
	}
	return Unknown
}

// evalField evaluates the field k of a local struct variable from its
// assignments fd, as evalIdent does a variable: assignments that read the
// field itself (p.text = p.text[1:]) are evaluated last, with the field
// standing for what the others give (one fixed-point step), and a field met
// again while it is being evaluated is not evaluated again. Without that
// guard every self-referring assignment multiplied the work by the number
// of assignments at each level, down to maxDepth (seconds on one parser).
func (m *Model) evalField(ctx *evalCtx, k fieldKey, fd *varDefs) Prov {
	if ctx.fieldSeen[k] {
		if p, ok := ctx.fieldSelf[k]; ok {
			return p
		}
		return Unknown
	}
	if ctx.fieldSeen == nil {
		ctx.fieldSeen = map[fieldKey]bool{}
	}
	ctx.fieldSeen[k] = true
	defer delete(ctx.fieldSeen, k)

	var out Prov
	first := true
	add := func(p Prov) {
		if first {
			out, first = p, false
		} else {
			out = meet(out, p)
		}
	}
	var selfRef []def
	for _, x := range fd.exprs {
		if m.mentionsField(x.x, k) {
			selfRef = append(selfRef, x)
			continue
		}
		add(m.evalDef(ctx, x))
	}
	if len(selfRef) > 0 {
		if first {
			return Unknown
		}
		if ctx.fieldSelf == nil {
			ctx.fieldSelf = map[fieldKey]Prov{}
		}
		ctx.fieldSelf[k] = out
		for _, x := range selfRef {
			add(m.evalDef(ctx, x))
		}
		delete(ctx.fieldSelf, k)
	}
	return out
}

// mentionsField reports whether e reads the field k (k.v.field, as a field
// selection).
func (m *Model) mentionsField(e ast.Node, k fieldKey) bool {
	info := m.pass.TypesInfo
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == k.field {
			if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == k.v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func derefType(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// Provenance of well-known calls.
func (m *Model) evalCall(ctx *evalCtx, call *ast.CallExpr) Prov {
	info := m.pass.TypesInfo
	// Conversions: string(b), T(x).
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return m.eval(ctx, call.Args[0])
		}
		return Unknown
	}
	fn, f := Callee(info, call)
	if fn == nil {
		if isBuiltin(info, call.Fun, "len") {
			return predictable("a length")
		}
		// A closure, or a function variable that only ever holds
		// closures (sync.OnceValue of one included).
		return m.dynamicResult(ctx, call, 0)
	}
	nargs := numArgs(info, call)
	arg := func(i int) Prov { return m.argProv(ctx, call, i) }
	switch f.Pkg {
	case "os":
		switch f.Recv + "." + f.Name {
		case ".TempDir":
			return osTempDirProv()
		case ".Getenv", ".LookupEnv":
			if k, ok := m.constString(call.Args[0]); ok {
				return envProv(k)
			}
			return Unknown
		case ".ExpandEnv":
			if s, ok := m.constString(call.Args[0]); ok {
				return expandEnvProv(s)
			}
			return Unknown
		case ".Getpid", ".Getppid":
			return predictable("os." + f.Name + "()")
		case ".Getuid", ".Geteuid", ".Getgid", ".Getegid":
			return predictable("the user id")
		case ".Hostname":
			return predictable("the host name")
		case ".Executable":
			return predictable("the executable name")
		case "File.Name":
			return m.fileName(ctx, call)
		case ".CreateTemp", ".MkdirTemp":
			return m.tempCreation(ctx, call, f)
		}
		return Unknown
	case "io/ioutil":
		if IsCreateTemp(f) || IsMkdirTemp(f) {
			return m.tempCreation(ctx, call, f)
		}
		return Unknown
	case "testing":
		if IsTestingTempDir(f) {
			return Prov{Loc: LocPrivate, Name: NameNone, TempFS: true, Dir: "t.TempDir()", Origin: OriginTestTempDir}
		}
		return Unknown
	case "time":
		// time.Now, time.Since... and the methods of time values
		// (t.Unix(), d.Nanoseconds()).
		if f.Recv == "" || fileapi.IsTimeValue(fn.Signature().Recv().Type()) {
			return predictable(sourceTime)
		}
		return Unknown
	case "math/rand", "math/rand/v2":
		return predictable("math/rand")
	case "crypto/rand":
		return randomProv
	case "os/user":
		return predictable("the user name")
	case "sync/atomic":
		return predictable("a counter")
	case "path/filepath", "path":
		switch f.Name {
		case "Join":
			if nargs == 0 || call.Ellipsis.IsValid() {
				return Unknown
			}
			out := arg(0)
			for i := 1; i < nargs; i++ {
				out = join(out, arg(i), true)
			}
			return out
		case "Clean", "FromSlash", "ToSlash":
			return arg(0)
		case "Base":
			return basePart(arg(0))
		case "Dir":
			return dirPart(arg(0))
		}
		return Unknown
	case "strconv":
		switch f.Name {
		case "Itoa", "FormatInt", "FormatUint", "Quote", "FormatFloat", "FormatBool", "QuoteToASCII":
			return arg(0)
		}
		return Unknown
	case "strings":
		switch f.Recv + "." + f.Name {
		case ".ToLower", ".ToUpper", ".TrimSpace", ".Trim", ".TrimLeft", ".TrimRight", ".TrimPrefix",
			".TrimSuffix", ".Replace", ".ReplaceAll", ".Title", ".ToTitle":
			return arg(0)
		case ".Join":
			return m.stringsJoin(ctx, call)
		case "Builder.String":
			return m.builderString(ctx, call)
		}
		return Unknown
	case "fmt":
		switch f.Name {
		case "Sprintf":
			return m.sprintf(ctx, call.Args)
		case "Sprint", "Sprintln":
			if call.Ellipsis.IsValid() {
				return Unknown
			}
			return m.combineSeq(ctx, call.Args)
		}
		return Unknown
	case "encoding/hex", "encoding/base64", "encoding/base32":
		if f.Name == "EncodeToString" && len(call.Args) == 1 {
			return arg(0)
		}
		return Unknown
	}
	if a, ok := fileapi.LookupFunc(f); ok && a.ResultPath == 0 {
		switch {
		case a.DirArg >= 0 && a.Pattern >= 0:
			// A random-name creator of a file-system abstraction that
			// returns the path (afero.TempDir).
			return m.tempCreation(ctx, call, f)
		case a.UnderTempDir && a.Path >= 0:
			// afero.GetTempDir(fs, subPath): os.TempDir()+subPath.
			return concat(osTempDirProv(), arg(a.Path))
		}
	}
	switch idFuncs[f] {
	case idRandom:
		return randomProv
	case idPassArg:
		return arg(0)
	case idPassRecv:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return m.eval(ctx, sel.X)
		}
		return Unknown
	}
	// Same-package helper or a function of another package with a fact.
	if sum := m.resultSummary(fn); sum != nil {
		if sum.LocFrom == 0 && len(sum.NameFrom) == 0 {
			return *sum
		}
		if call.Ellipsis.IsValid() {
			return Unknown
		}
		args := make([]Prov, nargs)
		for i := range args {
			args[i] = arg(i)
		}
		return subst(*sum, args)
	}
	return Unknown
}

// idKind says what an identifier-generating function of a well-known
// module gives.
type idKind uint8

const (
	idNone     idKind = iota
	idRandom          // a random identifier (UUID version 4, or 7 with its random bits)
	idPassArg         // its first argument's value (uuid.Must)
	idPassRecv        // its receiver's value (UUID.String)
)

// idFuncs lists identifier generators by exact package path and name.
// Time-based versions (uuid.NewUUID, version 1) are predictable and are
// not listed: their results are as unknown as any other call's.
var idFuncs = map[Func]idKind{
	{Pkg: "github.com/google/uuid", Name: "New"}:                     idRandom,
	{Pkg: "github.com/google/uuid", Name: "NewString"}:               idRandom,
	{Pkg: "github.com/google/uuid", Name: "NewRandom"}:               idRandom,
	{Pkg: "github.com/google/uuid", Name: "NewV7"}:                   idRandom,
	{Pkg: "github.com/google/uuid", Name: "Must"}:                    idPassArg,
	{Pkg: "github.com/google/uuid", Recv: "UUID", Name: "String"}:    idPassRecv,
	{Pkg: "github.com/gofrs/uuid", Name: "NewV4"}:                    idRandom,
	{Pkg: "github.com/gofrs/uuid", Name: "Must"}:                     idPassArg,
	{Pkg: "github.com/gofrs/uuid", Recv: "UUID", Name: "String"}:     idPassRecv,
	{Pkg: "github.com/gofrs/uuid/v5", Name: "NewV4"}:                 idRandom,
	{Pkg: "github.com/gofrs/uuid/v5", Name: "Must"}:                  idPassArg,
	{Pkg: "github.com/gofrs/uuid/v5", Recv: "UUID", Name: "String"}:  idPassRecv,
	{Pkg: "github.com/satori/go.uuid", Name: "NewV4"}:                idRandom,
	{Pkg: "github.com/satori/go.uuid", Name: "Must"}:                 idPassArg,
	{Pkg: "github.com/satori/go.uuid", Recv: "UUID", Name: "String"}: idPassRecv,
	{Pkg: "github.com/hashicorp/go-uuid", Name: "GenerateUUID"}:      idRandom,
}

// subst replaces the symbolic parameters of summary s with args.
func subst(s Prov, args []Prov) Prov {
	get := func(i int) Prov {
		if i >= 0 && i < len(args) {
			return args[i]
		}
		return Unknown
	}
	rest := s
	rest.LocFrom, rest.NameFrom, rest.Inside = 0, nil, false
	out := rest
	if s.LocFrom > 0 {
		out = join(get(s.LocFrom-1), rest, s.Inside)
	}
	for _, j := range s.NameFrom {
		out = concat(out, get(j))
	}
	return out
}

func (m *Model) combineSeq(ctx *evalCtx, args []ast.Expr) Prov {
	if len(args) == 0 {
		return constProv("")
	}
	out := m.eval(ctx, args[0])
	for _, a := range args[1:] {
		out = concat(out, m.eval(ctx, a))
	}
	return out
}

// sprintf splits the constant format into literal text and verbs and
// concatenates the parts in order, as fmt.Sprintf reads them: flags, width
// and precision (a * takes an argument, which only pads), explicit argument
// indexes ([n]), and %% as text. A verb's part is its argument's value
// (%v of an int, %s of a string, %x of random bytes, %v of a time), %T its
// constant type name; %p (an address) and a format fmt would report as
// bad give Unknown.
func (m *Model) sprintf(ctx *evalCtx, args []ast.Expr) Prov {
	if len(args) == 0 {
		return Unknown
	}
	format, ok := m.constString(args[0])
	if !ok {
		return Unknown
	}
	rest := args[1:]
	var parts []Prov
	lit := strings.Builder{}
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, constProv(lit.String()))
			lit.Reset()
		}
	}
	argi := 0
	// argIndex reads an explicit [n] at format[i:], if any.
	argIndex := func(i int) (int, bool) {
		if i >= len(format) || format[i] != '[' {
			return i, true
		}
		end := strings.IndexByte(format[i:], ']')
		if end < 0 {
			return i, false
		}
		n, err := strconv.Atoi(format[i+1 : i+end])
		if err != nil || n < 1 || n > len(rest) {
			return i, false
		}
		argi = n - 1
		return i + end + 1, true
	}
	// star skips a * (an int argument) or the digits of a width or precision.
	star := func(i int) (int, bool) {
		if i < len(format) && format[i] == '*' {
			if argi >= len(rest) {
				return i, false
			}
			argi++
			return i + 1, true
		}
		for i < len(format) && '0' <= format[i] && format[i] <= '9' {
			i++
		}
		return i, true
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			lit.WriteByte(c)
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		var ok bool
		if i, ok = argIndex(i); !ok {
			return Unknown
		}
		if i, ok = star(i); !ok {
			return Unknown
		}
		if i < len(format) && format[i] == '.' {
			if i, ok = argIndex(i + 1); !ok {
				return Unknown
			}
			if i, ok = star(i); !ok {
				return Unknown
			}
		}
		if i, ok = argIndex(i); !ok || i >= len(format) {
			return Unknown
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		i += size - 1
		if verb == '%' {
			lit.WriteByte('%')
			continue
		}
		if argi >= len(rest) {
			return Unknown
		}
		flush()
		switch verb {
		case 'p':
			return Unknown
		case 'T':
			parts = append(parts, predictable(sourceConstant))
		default:
			parts = append(parts, m.eval(ctx, rest[argi]))
		}
		argi++
	}
	flush()
	if len(parts) == 0 {
		return constProv("")
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out = concat(out, p)
	}
	return out
}

func (m *Model) stringsJoin(ctx *evalCtx, call *ast.CallExpr) Prov {
	if len(call.Args) != 2 {
		return Unknown
	}
	var elems []ast.Expr
	lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit)
	if !ok {
		if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
			if v, ok := m.pass.TypesInfo.Uses[id].(*types.Var); ok {
				if d := m.defs(v); d != nil && !d.opaque && len(d.exprs) == 1 && d.exprs[0].index < 0 {
					lit, ok = ast.Unparen(d.exprs[0].x).(*ast.CompositeLit)
				}
			}
		}
	}
	if lit != nil {
		elems = lit.Elts
	} else if elems, ok = m.sliceElems(ctx, call.Args[0]); !ok {
		// Also a slice built with append, in one expression or in steps.
		return Unknown
	}
	if len(elems) == 0 {
		return constProv("")
	}
	sep := m.eval(ctx, call.Args[1])
	out := m.eval(ctx, elems[0])
	for _, e := range elems[1:] {
		if _, ok := e.(*ast.KeyValueExpr); ok {
			return Unknown
		}
		out = concat(concat(out, sep), m.eval(ctx, e))
	}
	return out
}

// builderString evaluates b.String() for a local strings.Builder b whose
// writes are all visible: WriteString/WriteByte/WriteRune calls and
// fmt.Fprint* to &b, in source order.
func (m *Model) builderString(ctx *evalCtx, call *ast.CallExpr) Prov {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return Unknown
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return Unknown
	}
	v, ok := m.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return Unknown
	}
	writes := m.builderWrites(v, call.Pos())
	if writes == nil {
		return Unknown
	}
	out := Prov{Loc: LocOther, Name: NameNone}
	for i, w := range writes {
		var p Prov
		if w.sprintf {
			p = m.sprintf(ctx, w.args)
		} else {
			p = m.combineSeq(ctx, w.args)
		}
		if i == 0 {
			out = p
		} else {
			out = concat(out, p)
		}
	}
	return out
}

func (m *Model) constString(e ast.Expr) (string, bool) {
	if tv, ok := m.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	return "", false
}

// ConstString returns the constant string value of e, if it has one.
func (m *Model) ConstString(e ast.Expr) (string, bool) { return m.constString(e) }

// fileName evaluates f.Name() for an *os.File f.
func (m *Model) fileName(ctx *evalCtx, call *ast.CallExpr) Prov {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return Unknown
	}
	return m.fileVarName(ctx, sel.X)
}

// fileVarName is the provenance of the name of the *os.File held by the
// variable x: the path it was created or opened with, on every assignment.
func (m *Model) fileVarName(ctx *evalCtx, x ast.Expr) Prov {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return Unknown
	}
	v, ok := m.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return Unknown
	}
	if _, ok := ctx.params[v]; ok {
		return Unknown
	}
	d := m.defs(v)
	if d == nil || d.opaque || len(d.exprs) == 0 {
		return Unknown
	}
	var out Prov
	for i, x := range d.exprs {
		p := Unknown
		if c, ok := ast.Unparen(x.x).(*ast.CallExpr); ok && x.index <= 0 {
			_, cf := Callee(m.pass.TypesInfo, c)
			switch {
			case IsCreateTemp(cf):
				p = m.tempCreation(ctx, c, cf)
			case cf.Is("os", "Create") || cf.Is("os", "OpenFile") || cf.Is("os", "Open"):
				if len(c.Args) > 0 {
					p = m.eval(ctx, c.Args[0])
				}
			}
		}
		if i == 0 {
			out = p
		} else {
			out = meet(out, p)
		}
	}
	return out
}

// tempCreation is the provenance of the name made by os.CreateTemp or
// os.MkdirTemp (and the ioutil forms).
func (m *Model) tempCreation(ctx *evalCtx, call *ast.CallExpr, f Func) Prov {
	a, ok := fileapi.LookupFunc(f)
	if !ok || a.DirArg < 0 || a.DirArg >= len(call.Args) {
		return Unknown
	}
	dirArg := call.Args[a.DirArg]
	var dir Prov
	if s, ok := m.constString(dirArg); ok && s == "" {
		dir = Prov{Loc: LocShared, TempFS: true, Dir: "os.TempDir()", Origin: OriginOSTempDir}
	} else {
		dir = m.eval(ctx, dirArg)
		if dir.LocFrom > 0 || len(dir.NameFrom) > 0 {
			return Unknown
		}
	}
	p := Prov{Loc: dir.Loc, Name: NameRandom, TempFS: dir.TempFS, Dir: f.String(), Origin: OriginCreateTemp}
	if dir.Loc == LocShared && dir.Name != NameNone {
		// A fixed subdirectory of /tmp: the file is random but the
		// directory is shared.
		p.Loc = LocShared
	}
	if a.Dir {
		// The new directory is private: 0700 and made with an unpredictable name.
		if dir.Loc == LocShared || dir.Loc == LocPrivate {
			p.Loc = LocPrivate
		}
		p.Name = NameNone
		p.Origin = OriginMkdirTemp
	}
	return p
}

// String renders a provenance for debugging and tests.
func (p Prov) String() string {
	s := fmt.Sprintf("loc=%s name=%s", p.Loc, p.Name)
	if p.TempFS {
		s += " tempfs"
	}
	if p.Dir != "" {
		s += " dir=" + strconv.Quote(p.Dir)
	}
	if p.Origin != OriginNone {
		s += " origin=" + p.Origin.String()
	}
	if len(p.Sources) > 0 {
		s += " sources=" + strings.Join(p.Sources, ",")
	}
	if p.LocFrom > 0 {
		s += fmt.Sprintf(" locfrom=%d", p.LocFrom-1)
	}
	if len(p.NameFrom) > 0 {
		s += fmt.Sprintf(" namefrom=%v", p.NameFrom)
	}
	if p.Each {
		s += " each"
	}
	return s
}
