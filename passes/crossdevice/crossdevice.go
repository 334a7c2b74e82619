package crossdevice

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/flow"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// Analyzer is the crossdevice pass.
var Analyzer = &analysis.Analyzer{
	Name:     "crossdevice",
	Doc:      docText,
	URL:      "https://github.com/tempguard/tempguard#crossdevice",
	Requires: []*analysis.Analyzer{tempmodel.Analyzer},
	Run:      run,
}

// checker holds the state of one run on one package.
type checker struct {
	pass *analysis.Pass
	info *types.Info
	m    *tempmodel.Model

	// Built on first use: the same-package calls of each function, the
	// functions used other than by a direct call (callbacks), and the
	// values stored into each struct field anywhere in the package.
	indexed   bool
	calls     map[*types.Func][]*ast.CallExpr
	escaping  map[*types.Func]bool
	fieldVals map[*types.Var][]value
	addrCalls map[*types.Var][]*ast.CallExpr // calls that are passed &v
}

// finding is one os.Rename to report.
type finding struct {
	rename *ast.CallExpr
	dst    ast.Expr
	origin string        // how the source got into the temp dir, for the message
	create *ast.CallExpr // the CreateTemp/MkdirTemp call that made the renamed object, if known
	dir    bool          // the renamed object is a directory
	inner  ast.Node      // innermost function of the rename
	newDir string        // replacement for create's dir argument ("" = no fix)
	edits  []analysis.TextEdit
}

func run(pass *analysis.Pass) (any, error) {
	m := tempmodel.Get(pass)
	if !m.Relevant {
		return nil, nil
	}
	c := &checker{pass: pass, info: pass.TypesInfo, m: m}
	var found []*finding
	var renames []inspector.Cursor
	var envCalls []*ast.CallExpr
	for cur := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		_, f := tempmodel.Callee(c.info, call)
		switch {
		case f.Is("os", "Rename") && len(call.Args) == 2:
			renames = append(renames, cur)
		case f.Name == "Setenv" || f.Name == "Chdir":
			envCalls = append(envCalls, call)
		}
	}
	if len(renames) == 0 {
		return nil, nil
	}
	for _, call := range envCalls {
		if _, f := tempmodel.Callee(c.info, call); c.redirects(call, f) {
			return nil, nil
		}
	}
	for _, cur := range renames {
		call := cur.Node().(*ast.CallExpr)
		if fd := c.check(cur, call); fd != nil {
			found = append(found, fd)
		}
	}
	// Two renames of one temp object to different places: the dir argument
	// cannot be rewritten for both, so neither gets a fix.
	for i, a := range found {
		for _, b := range found[i+1:] {
			if a.create != nil && a.create == b.create && a.newDir != b.newDir {
				a.newDir, b.newDir = "", ""
			}
		}
	}
	for _, fd := range found {
		c.report(fd)
	}
	return nil, nil
}

// redirects reports whether call moves where paths resolve, so that
// destinations that look elsewhere may be on the temp file system: setting
// TMPDIR (often exactly to avoid EXDEV), setting another environment
// variable (HOME, XDG_*) to a temp path, or changing into a temp
// directory (tests often do both). The package is then left alone.
func (c *checker) redirects(call *ast.CallExpr, f tempmodel.Func) bool {
	switch {
	case f.Is("os", "Setenv") || f.Pkg == "testing" && f.Name == "Setenv":
		if len(call.Args) != 2 {
			return false
		}
		if k, ok := c.m.ConstString(call.Args[0]); ok && (k == "TMPDIR" || k == "TMP" || k == "TEMP") {
			return true
		}
		return c.tempDerived(call.Args[1], 0, map[types.Object]bool{})
	case f.Is("os", "Chdir") || f.Pkg == "testing" && f.Name == "Chdir":
		return len(call.Args) == 1 && c.tempDerived(call.Args[0], 0, map[types.Object]bool{})
	}
	return false
}

func (c *checker) check(cur inspector.Cursor, call *ast.CallExpr) *finding {
	src, dst := call.Args[0], call.Args[1]
	fd := &finding{rename: call, dst: dst}
	if !c.sourceInTempDir(src, fd) {
		return nil
	}
	inner, outer := c.m.EnclosingFunc(call.Pos())
	if inner == nil {
		return nil
	}
	fd.inner = inner
	if c.tempDerived(dst, 0, map[types.Object]bool{}) {
		return nil // the destination is (or may be) on the temp file system too
	}
	if c.fallsBack(cur, outer) {
		return nil
	}
	c.planFix(fd)
	return fd
}

// sourceInTempDir reports whether the renamed path src was made in the
// system temp directory, and records how (and by which call) in fd.
func (c *checker) sourceInTempDir(src ast.Expr, fd *finding) bool {
	if create, isDir := c.creation(src, -1, 0); create != nil {
		_, f := tempmodel.Callee(c.info, create)
		if len(create.Args) == 0 {
			return false
		}
		fd.create, fd.dir = create, isDir
		if s, ok := c.m.ConstString(create.Args[0]); ok && s == "" {
			fd.origin = f.String() + `("", …)`
			return true
		}
		p := c.m.Prov(create.Args[0])
		if !p.TempFS || !defaultTemp(p) {
			return false
		}
		fd.origin = f.String() + " in " + dirName(p.Dir)
		return true
	}
	p := c.m.Prov(src)
	if !p.TempFS || p.Loc != tempmodel.LocShared && p.Loc != tempmodel.LocPrivate || !defaultTemp(p) {
		if origin := c.tempPrefix(src, 0); origin != "" {
			fd.origin = origin
			return true
		}
		return false
	}
	if p.Loc == tempmodel.LocShared && p.Name == tempmodel.NameNone {
		return false // the temp directory itself: odd, not ours
	}
	if p.LocFrom > 0 || len(p.NameFrom) > 0 {
		return false
	}
	fd.origin = dirName(p.Dir)
	return true
}

// dirName describes a provenance directory for a message.
func dirName(dir string) string {
	switch dir {
	case "os.MkdirTemp", "ioutil.TempDir":
		return "a dir from " + dir
	case "os.CreateTemp", "ioutil.TempFile":
		return "a file from " + dir
	}
	return dir
}

// tempPrefix follows the location part of a path (the first argument of
// filepath.Join, the left of +) through local variables and unexported
// struct fields whose every value in the package is a path in the system
// temp dir (d.workDir set to os.TempDir() by the constructor), and returns
// how that directory was named, or "".
func (c *checker) tempPrefix(e ast.Expr, depth int) string {
	if depth > 6 {
		return ""
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if x, i, ok := c.single(e); ok && i < 0 {
			return c.tempPrefix(x, depth+1)
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return c.tempPrefix(e.X, depth+1)
		}
	case *ast.CallExpr:
		_, f := tempmodel.Callee(c.info, e)
		if (f.Is("path/filepath", "Join") || f.Is("path", "Join")) && len(e.Args) > 1 && !e.Ellipsis.IsValid() {
			return c.tempPrefix(e.Args[0], depth+1)
		}
	case *ast.SelectorExpr:
		s := c.info.Selections[e]
		if s == nil || s.Kind() != types.FieldVal {
			return ""
		}
		field, ok := s.Obj().(*types.Var)
		if !ok || field.Exported() {
			return ""
		}
		vals := c.fieldValues(field)
		origin := ""
		for _, v := range vals {
			if v.idx >= 0 {
				return ""
			}
			p := c.m.Prov(v.x)
			if !p.TempFS || p.Loc != tempmodel.LocShared && p.Loc != tempmodel.LocPrivate || !defaultTemp(p) ||
				p.LocFrom > 0 || len(p.NameFrom) > 0 {
				return ""
			}
			if origin != "" && origin != dirName(p.Dir) {
				origin = "the temp dir"
			} else {
				origin = dirName(p.Dir)
			}
		}
		return origin
	}
	return ""
}

// defaultTemp reports whether a provenance's directory is the system temp
// directory (or made in it). /var/tmp and /usr/tmp, written as paths, are
// usually on the root disk: not ours (a decision on the path value).
func defaultTemp(p tempmodel.Prov) bool {
	switch p.Origin {
	case tempmodel.OriginNone:
		return false
	case tempmodel.OriginLiteral:
		return p.Dir != "/var/tmp" && p.Dir != "/usr/tmp"
	}
	return true
}

// creation finds the os.CreateTemp / os.MkdirTemp call (or ioutil form)
// that made exactly the object named by the path e (result idx of a
// multi-value call, or -1): f.Name() of a file from CreateTemp, or a
// directory from MkdirTemp, through local variables assigned once and
// unexported struct fields whose every value is that one call.
func (c *checker) creation(e ast.Expr, idx, depth int) (call *ast.CallExpr, isDir bool) {
	if depth > 6 {
		return nil, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if x, i, ok := c.single(e); ok {
			return c.creation(x, i, depth+1)
		}
	case *ast.SelectorExpr:
		var dir bool
		call := c.fieldCreation(e, depth, func(x ast.Expr, i, d int) *ast.CallExpr {
			cl, isDir := c.creation(x, i, d)
			dir = isDir
			return cl
		})
		return call, dir
	case *ast.CallExpr:
		_, f := tempmodel.Callee(c.info, e)
		if tempmodel.IsMkdirTemp(f) && idx == 0 {
			return e, true
		}
		if !f.IsMethod("os", "File", "Name") || idx >= 0 {
			return nil, false
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			return c.fileCreation(sel.X, -1, depth+1), false
		}
	}
	return nil, false
}

// fileCreation finds the os.CreateTemp call (or ioutil.TempFile) whose
// file the *os.File expression e (result idx, or -1) is.
func (c *checker) fileCreation(e ast.Expr, idx, depth int) *ast.CallExpr {
	if depth > 6 {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if x, i, ok := c.single(e); ok {
			return c.fileCreation(x, i, depth+1)
		}
	case *ast.SelectorExpr:
		return c.fieldCreation(e, depth, c.fileCreation)
	case *ast.CallExpr:
		fn, f := tempmodel.Callee(c.info, e)
		if tempmodel.IsCreateTemp(f) && idx == 0 {
			return e
		}
		if fn != nil && fn.Pkg() == c.pass.Pkg {
			return c.helperFile(fn.Origin(), idx, depth+1)
		}
	}
	return nil
}

// helperFile resolves a same-package helper that returns the file of one
// os.CreateTemp call as its result idx (-1: its only result): every return
// statement returns that call's results, that file, or nil (on error).
func (c *checker) helperFile(fn *types.Func, idx, depth int) *ast.CallExpr {
	decl := c.m.FuncDecl(fn)
	sig, _ := fn.Type().(*types.Signature)
	if decl == nil || decl.Body == nil || sig == nil || depth > 6 {
		return nil
	}
	n := sig.Results().Len()
	if idx < 0 {
		if n != 1 {
			return nil
		}
		idx = 0
	}
	if idx >= n {
		return nil
	}
	var out *ast.CallExpr
	ok := true
	ast.Inspect(decl.Body, func(node ast.Node) bool {
		if !ok {
			return false
		}
		switch node := node.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			var call *ast.CallExpr
			switch {
			case len(node.Results) == 1 && n > 1:
				call = c.fileCreation(node.Results[0], idx, depth+1)
			case len(node.Results) == n:
				r := ast.Unparen(node.Results[idx])
				if id, isIdent := r.(*ast.Ident); isIdent && id.Name == "nil" && c.info.Uses[id] == types.Universe.Lookup("nil") {
					return true // the error path
				}
				call = c.fileCreation(r, -1, depth+1)
			}
			if call == nil || out != nil && out != call {
				ok = false
				return false
			}
			out = call
		}
		return true
	})
	if !ok {
		return nil
	}
	return out
}

// fieldCreation resolves an unexported struct field through every value
// the package stores into it: they must all resolve to the same call.
func (c *checker) fieldCreation(sel *ast.SelectorExpr, depth int, resolve func(ast.Expr, int, int) *ast.CallExpr) *ast.CallExpr {
	s := c.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return nil
	}
	field, ok := s.Obj().(*types.Var)
	if !ok || field.Exported() {
		return nil
	}
	var out *ast.CallExpr
	for _, v := range c.fieldValues(field) {
		call := resolve(v.x, v.idx, depth+1)
		if call == nil || out != nil && call != out {
			return nil
		}
		out = call
	}
	return out
}

// single returns the one value assigned to the local variable id refers to.
func (c *checker) single(id *ast.Ident) (x ast.Expr, idx int, ok bool) {
	v, isVar := c.info.Uses[id].(*types.Var)
	if !isVar || v.Pkg() != c.pass.Pkg || v.Parent() == v.Pkg().Scope() {
		return nil, 0, false
	}
	return c.m.SingleDef(v)
}

// tempDerived reports whether the destination e is, or may be, a path on
// the temp file system: its provenance says so, it is built from a
// temp path (including the renamed one), from a parameter that a caller in this package fills with a
// temp path, from a callback parameter, or from a struct field that holds a
// temp path somewhere in the package. Only a destination that is clearly
// elsewhere (or unknown and not connected to the temp dir) is reported.
func (c *checker) tempDerived(e ast.Expr, depth int, seen map[types.Object]bool) bool {
	if e == nil || depth > 12 {
		return false
	}
	if tv, ok := c.info.Types[e]; ok && tempmodel.IsString(tv.Type) {
		p := c.m.Prov(e)
		if p.TempFS || p.Loc == tempmodel.LocShared || p.Loc == tempmodel.LocPrivate {
			return true
		}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return false
	case *ast.Ident:
		v, ok := c.info.Uses[e].(*types.Var)
		if !ok || seen[v] {
			return false
		}
		seen[v] = true
		if v.Pkg() != c.pass.Pkg {
			return false
		}
		if derived, isParam := c.paramDerived(v, depth, seen); isParam {
			return derived
		}
		xs, _, _ := c.m.Defs(v)
		for _, x := range xs {
			if c.tempDerived(x, depth+1, seen) {
				return true
			}
		}
		// flag.StringVar(&v, "out", os.TempDir(), ...) and other calls
		// that fill the variable through its address.
		c.buildIndex()
		for _, call := range c.addrCalls[v] {
			if c.tempDerived(call, depth+1, seen) {
				return true
			}
		}
		return false
	case *ast.SelectorExpr:
		if sel := c.info.Selections[e]; sel != nil {
			if field, ok := sel.Obj().(*types.Var); ok && sel.Kind() == types.FieldVal {
				if !seen[field] {
					seen[field] = true
					for _, x := range c.fieldValues(field) {
						if c.tempDerived(x.x, depth+1, seen) {
							return true
						}
					}
				}
			}
			// The receiver of a field or method: a field of a temp
			// struct is not a temp path by itself.
			if _, isIdent := ast.Unparen(e.X).(*ast.Ident); isIdent {
				return false
			}
			return c.tempDerived(e.X, depth+1, seen)
		}
		return false // qualified identifier
	case *ast.CallExpr:
		_, f := tempmodel.Callee(c.info, e)
		if tempmodel.IsCreateTemp(f) || tempmodel.IsMkdirTemp(f) ||
			tempmodel.IsTestingTempDir(f) || f.Is("os", "TempDir") {
			return true
		}
		if (f.Pkg == "path/filepath" || f.Pkg == "path") && f.Name == "Base" {
			return false // a name only: it carries no location
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && c.info.Selections[sel] != nil {
			if c.tempDerived(sel.X, depth+1, seen) {
				return true
			}
		}
		for _, a := range e.Args {
			if c.tempDerived(a, depth+1, seen) {
				return true
			}
		}
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		if x, ok := n.(ast.Expr); ok && x != e {
			found = c.tempDerived(x, depth+1, seen)
			return false
		}
		return true
	})
	return found
}

// paramDerived handles a parameter v: isParam reports whether v is one; a
// parameter of a function literal or of a function used as a value
// (callback) may be anything, so it counts as derived; otherwise it is
// derived if a call in this package passes a temp-derived argument.
func (c *checker) paramDerived(v *types.Var, depth int, seen map[types.Object]bool) (derived, isParam bool) {
	inner, decl := c.m.EnclosingFunc(v.Pos())
	if inner == nil {
		return false, false
	}
	var ftype *ast.FuncType
	switch fn := inner.(type) {
	case *ast.FuncDecl:
		ftype = fn.Type
	case *ast.FuncLit:
		ftype = fn.Type
	}
	if ftype == nil || ftype.Params == nil || v.Pos() < ftype.Params.Pos() || v.Pos() >= ftype.Params.End() {
		if decl != nil && decl.Recv != nil && v.Pos() >= decl.Recv.Pos() && v.Pos() < decl.Recv.End() {
			return false, true // receiver
		}
		return false, false
	}
	if _, isLit := inner.(*ast.FuncLit); isLit {
		return true, true
	}
	index := -1
	i := 0
	for _, field := range ftype.Params.List {
		names := field.Names
		if len(names) == 0 {
			i++
			continue
		}
		for _, n := range names {
			if c.info.Defs[n] == v {
				index = i
			}
			i++
		}
	}
	fn, _ := c.info.Defs[decl.Name].(*types.Func)
	if fn == nil || index < 0 {
		return true, true
	}
	fn = fn.Origin()
	c.buildIndex()
	if c.escaping[fn] {
		return true, true
	}
	sig, _ := fn.Type().(*types.Signature)
	variadicLast := sig != nil && sig.Variadic() && index == sig.Params().Len()-1
	for _, call := range c.calls[fn] {
		if variadicLast || call.Ellipsis.IsValid() || index >= len(call.Args) {
			return true, true
		}
		if c.tempDerived(call.Args[index], depth+1, seen) {
			return true, true
		}
	}
	return false, true
}

// buildIndex records, once per package, the calls of each function of the
// package, the functions used as values, and the values stored in fields.
func (c *checker) buildIndex() {
	if c.indexed {
		return
	}
	c.indexed = true
	c.calls = map[*types.Func][]*ast.CallExpr{}
	c.escaping = map[*types.Func]bool{}
	c.fieldVals = map[*types.Var][]value{}
	c.addrCalls = map[*types.Var][]*ast.CallExpr{}
	callee := map[*ast.Ident]bool{}
	funcIdent := func(e ast.Expr) *ast.Ident {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return e
		case *ast.SelectorExpr:
			return e.Sel
		case *ast.IndexExpr: // generic instantiation
			if id, ok := ast.Unparen(e.X).(*ast.Ident); ok {
				return id
			}
		}
		return nil
	}
	field := func(e ast.Expr) *types.Var {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if s := c.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
			if v, ok := s.Obj().(*types.Var); ok {
				return v.Origin()
			}
		}
		return nil
	}
	kinds := []ast.Node{(*ast.CallExpr)(nil), (*ast.Ident)(nil), (*ast.AssignStmt)(nil), (*ast.CompositeLit)(nil)}
	for cur := range c.m.Inspector.Root().Preorder(kinds...) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			for _, a := range n.Args {
				if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
					if id, ok := ast.Unparen(u.X).(*ast.Ident); ok {
						if v, ok := c.info.Uses[id].(*types.Var); ok {
							c.addrCalls[v] = append(c.addrCalls[v], n)
						}
					}
				}
			}
			if id := funcIdent(n.Fun); id != nil {
				if fn, ok := c.info.Uses[id].(*types.Func); ok && fn.Pkg() == c.pass.Pkg {
					fn = fn.Origin()
					c.calls[fn] = append(c.calls[fn], n)
					callee[id] = true
				}
			}
		case *ast.Ident:
			if fn, ok := c.info.Uses[n].(*types.Func); ok && fn.Pkg() == c.pass.Pkg && !callee[n] {
				c.escaping[fn.Origin()] = true
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if v := field(l); v != nil {
					if len(n.Lhs) == len(n.Rhs) {
						c.fieldVals[v] = append(c.fieldVals[v], value{n.Rhs[i], -1})
					} else if len(n.Rhs) == 1 {
						c.fieldVals[v] = append(c.fieldVals[v], value{n.Rhs[0], i})
					}
				}
			}
		case *ast.CompositeLit:
			for _, elt := range n.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if id, ok := kv.Key.(*ast.Ident); ok {
					if v, ok := c.info.Uses[id].(*types.Var); ok && v.IsField() {
						v = v.Origin()
						c.fieldVals[v] = append(c.fieldVals[v], value{kv.Value, -1})
					}
				}
			}
		}
	}
}

// value is one value stored into a field: x, or result idx of the call x.
type value struct {
	x   ast.Expr
	idx int
}

// fieldValues returns what the package stores into a struct field.
func (c *checker) fieldValues(v *types.Var) []value {
	c.buildIndex()
	return c.fieldVals[v.Origin()]
}

// fallsBack reports whether the function handles a cross-device rename:
// it tests for EXDEV (or compares devices) itself or in a helper of this
// package, its error branch copies the data, or some statement of the
// function hands the same source and destination to another call (a copy
// or move fallback), so EXDEV is not a bug. Everything here is decided from
// objects, types and values, never from names or message text.
func (c *checker) fallsBack(cur inspector.Cursor, outer *ast.FuncDecl) bool {
	var body ast.Node = outer
	if outer == nil {
		inner, _ := c.m.EnclosingFunc(cur.Node().Pos())
		body = inner
	}
	if body != nil && (c.mentionsCrossDevice(body, 0) || c.copiesBoth(body, cur.Node().(*ast.CallExpr))) {
		return true
	}
	for _, n := range c.errorBranch(cur) {
		if c.copies(n, 0) {
			return true
		}
	}
	return false
}

// mentionsCrossDevice reports whether n (or a function of this package
// that n calls, two levels deep) refers to syscall.EXDEV or
// ERROR_NOT_SAME_DEVICE, inspects an *os.LinkError, or compares the Dev
// field of a syscall or x/sys/unix Stat_t: the code knows about
// cross-device renames.
func (c *checker) mentionsCrossDevice(n ast.Node, depth int) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if fileapi.CrossDeviceErr(c.info.Uses[n]) {
				found = true
			}
		case ast.Expr:
			if fileapi.IsLinkError(c.info.TypeOf(n)) {
				found = true
			}
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if s := c.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal && fileapi.DeviceField(s.Obj(), c.info.TypeOf(sel.X)) {
					found = true
				}
			}
			if call, ok := n.(*ast.CallExpr); ok && depth < 2 {
				if fn, _ := tempmodel.Callee(c.info, call); fn != nil && fn.Pkg() == c.pass.Pkg {
					if decl := c.m.FuncDecl(fn.Origin()); decl != nil && decl.Body != nil && c.mentionsCrossDevice(decl.Body, depth+1) {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// copiesBoth reports whether body hands the rename's source and
// destination, as the same values, to some other call: a copy or move
// fallback (copyFile(src, dst), fsutil.Move(src, dst)).
func (c *checker) copiesBoth(body ast.Node, rename *ast.CallExpr) bool {
	src, dst := rename.Args[0], rename.Args[1]
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok || call == rename {
			return !found
		}
		if _, f := tempmodel.Callee(c.info, call); f.Is("os", "Rename") {
			return true
		}
		hasSrc, hasDst := false, false
		for _, a := range call.Args {
			hasSrc = hasSrc || c.m.SameExpr(a, src, nil)
			hasDst = hasDst || c.m.SameExpr(a, dst, nil)
		}
		found = hasSrc && hasDst
		return !found
	})
	return found
}

// errorBranch returns the code that runs when the rename at cur fails:
// the body and else of the if statement that tests its error, and the
// statements after an `if err == nil` test.
func (c *checker) errorBranch(cur inspector.Cursor) []ast.Node {
	call := cur.Node().(*ast.CallExpr)
	parent := cur.Parent()
	var errVar types.Object
	switch p := parent.Node().(type) {
	case *ast.BinaryExpr: // if os.Rename(a, b) != nil
		if ifc := parent.Parent(); ifc.Valid() {
			if ifs, ok := ifc.Node().(*ast.IfStmt); ok && ifs.Cond == p {
				return c.ifBranches(ifc, ifs, p.Op == token.EQL)
			}
		}
		return nil
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r == call && i < len(p.Lhs) && len(p.Lhs) == len(p.Rhs) {
				if id, ok := p.Lhs[i].(*ast.Ident); ok {
					errVar = c.info.ObjectOf(id)
				}
			}
		}
		if errVar == nil {
			return nil
		}
		gp := parent.Parent()
		if !gp.Valid() {
			return nil
		}
		if ifs, ok := gp.Node().(*ast.IfStmt); ok && ifs.Init == p {
			if flow.NilTestOf(c.info, ifs.Cond, errVar) != 0 {
				return c.ifBranches(gp, ifs, flow.NilTestOf(c.info, ifs.Cond, errVar) == token.EQL)
			}
			return []ast.Node{ifs}
		}
		// err = os.Rename(...) in a block: the first later if that tests err.
		for next, ok := parent.NextSibling(); ok; next, ok = next.NextSibling() {
			ifs, isIf := next.Node().(*ast.IfStmt)
			if !isIf {
				continue
			}
			if op := flow.NilTestOf(c.info, ifs.Cond, errVar); op != 0 {
				return c.ifBranches(next, ifs, op == token.EQL)
			}
		}
	}
	return nil
}

// ifBranches returns the body and else of ifs and, if the test is for
// success (err == nil), the statements that follow ifs.
func (c *checker) ifBranches(cur inspector.Cursor, ifs *ast.IfStmt, success bool) []ast.Node {
	out := []ast.Node{ifs.Body}
	if ifs.Else != nil {
		out = append(out, ifs.Else)
	}
	if success {
		for next, ok := cur.NextSibling(); ok; next, ok = next.NextSibling() {
			out = append(out, next.Node())
		}
	}
	return out
}

// copies reports whether n copies or rewrites data: io.Copy and the other
// copiers, running any program (a cp or mv fallback), or a function of
// this package that does one of those.
func (c *checker) copies(n ast.Node, depth int) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, f := tempmodel.Callee(c.info, call)
		if fn != nil && fn.Pkg() == c.pass.Pkg && depth < 2 {
			if decl := c.m.FuncDecl(fn.Origin()); decl != nil && decl.Body != nil && c.copies(decl.Body, depth+1) {
				found = true
				return false
			}
		}
		if fileapi.Copies(f) {
			found = true
		} else if a, ok := fileapi.Lookup(fn); ok && a.Ops.Has(fileapi.OpExec) {
			found = true
		}
		return !found
	})
	return found
}

func (c *checker) report(fd *finding) {
	dstText := c.m.Source(fd.dst)
	if len(dstText) > 40 || strings.Contains(dstText, "\n") {
		dstText = "the destination"
	}
	what := "file"
	if fd.dir {
		what = "directory"
	}
	var where string
	if dstText == "the destination" {
		where = "the destination's directory"
	} else {
		where = "filepath.Dir(" + dstText + ")"
	}
	msg := "os.Rename from the system temp dir (" + fd.origin + ") to " + dstText +
		" fails with EXDEV (invalid cross-device link) when the temp dir is another filesystem, as in containers and on tmpfs; create the temp " +
		what + " in " + where
	d := analysis.Diagnostic{Pos: fd.rename.Pos(), End: fd.rename.End(), Message: msg}
	if fd.newDir != "" && fd.create != nil {
		edits := append([]analysis.TextEdit{{
			Pos: fd.create.Args[0].Pos(), End: fd.create.Args[0].End(), NewText: []byte(fd.newDir),
		}}, fd.edits...)
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "create the temp " + what + " in the destination's directory",
			TextEdits: edits,
		}}
	}
	c.m.Report(c.pass, d)
}
