// Package tempreopen is the tempguard pass of the same name (see doc.go).
package tempreopen

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// Analyzer is the tempreopen pass.
var Analyzer = &analysis.Analyzer{
	Name:      "tempreopen",
	Doc:       doc,
	URL:       "https://github.com/tempguard/tempguard#tempreopen",
	Requires:  []*analysis.Analyzer{tempmodel.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*closesFact)(nil)},
}

// closesFact marks a function that closes (or flushes) some of its
// parameters: callers passing an open file there may consider it closed.
type closesFact struct {
	Params []int // parameter indexes (receiver excluded)
}

func (*closesFact) AFact() {}

func (f *closesFact) String() string { return "closes" + sprint(f.Params) }

// fileVar is an *os.File variable of the function being analyzed that holds
// a file created or opened by name.
type fileVar struct {
	v        *types.Var
	idx      int
	creates  []*ast.CallExpr // the creating calls
	errVars  []*types.Var    // the error results assigned with it
	keys     []string        // keys of expressions equal to its name
	dirKeys  []string        // keys of directories that hold it
	writable bool
	writers  []int // writers whose data ends up in the file
	// shareDelete: opened through an *os.Root, whose files Windows lets
	// others remove and rename while open (FILE_SHARE_DELETE)
	shareDelete bool
	// testDir: made under t.TempDir() (or b.TempDir()) and never handed
	// to code we cannot see: the test's cleanup removes it after return
	testDir bool
}

// writerVar is a writer (buffering or not) layered over a file or another
// writer: w := bufio.NewWriter(f).
type writerVar struct {
	v      *types.Var
	idx    int
	parent int // index of the writer it writes to, or -1 for the file
	file   int
	buffer bool
	typ    string // "bufio.Writer"
	finish string // method that puts buffered data into the layer below
	noErr  bool   // finish returns nothing (csv.Writer.Flush)
	def    ast.Node
}

type state struct {
	pass    *analysis.Pass
	m       *tempmodel.Model
	vars    map[*types.Var]*varInfo
	params  map[*types.Var]bool
	closers map[*types.Func][]int
	decls   map[*types.Func]*ast.FuncDecl
	msets   typeutil.MethodSetCache
	inProg  map[*types.Func]bool

	// per function
	fn    ast.Node
	body  *ast.BlockStmt
	file  *ast.File
	winOK bool // the file can be built for windows
	// case expressions of `switch runtime.GOOS`
	goosCases map[ast.Expr]bool
	files     map[*types.Var]*fileVar
	fileList  []*fileVar
	writers   map[*types.Var]*writerVar
	wList     []*writerVar
	runs      map[*ast.CallExpr][]execUse
	defers    []*deferRemove
	evCache   map[ast.Node][]event
	reported  map[token.Pos]bool
	pending   []pendingDiag
	// files under t.TempDir() open at a return, and files with findings
	openAtExit   []*fileVar
	flaggedFiles map[*fileVar]bool
}

func run(pass *analysis.Pass) (any, error) {
	st := &state{
		pass:     pass,
		closers:  map[*types.Func][]int{},
		inProg:   map[*types.Func]bool{},
		reported: map[token.Pos]bool{},
	}
	st.exportFacts()
	m := tempmodel.Get(pass)
	if !m.Relevant {
		return nil, nil
	}
	st.m = m
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		// only build constraints and the GOOS file suffixes Go honours
		// (_linux.go, not _unix.go) say a file cannot be built for Windows
		winOK := tempmodel.BuildableFor(tf.Name(), f, "windows")
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Body != nil {
					st.analyze(f, winOK, n, n.Body)
				}
			case *ast.FuncLit:
				st.analyze(f, winOK, n, n.Body)
			}
			return true
		})
	}
	return nil, nil
}

// exportFacts exports a closesFact for every function of a package outside
// the standard library that closes or flushes one of its parameters.
func (st *state) exportFacts() {
	pass := st.pass
	if len(pass.Files) == 0 || inGOROOT(pass) {
		return
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || !fn.Exported() {
				continue // other packages can only call exported functions
			}
			if ps := st.closesParams(fn); len(ps) > 0 {
				pass.ExportObjectFact(fn, &closesFact{Params: ps})
			}
		}
	}
}

func (st *state) funcDecl(fn *types.Func) *ast.FuncDecl {
	if st.decls == nil {
		st.decls = map[*types.Func]*ast.FuncDecl{}
		for _, f := range st.pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					if obj, ok := st.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						st.decls[obj] = fd
					}
				}
			}
		}
	}
	return st.decls[fn]
}

// Interfaces of the io package, rebuilt here: a type closes through
// io.Closer's method and writes through io.Writer's, whatever it is called.
var (
	errorType   = types.Universe.Lookup("error").Type()
	closerIface = newIface("Close", nil, types.NewTuple(types.NewVar(token.NoPos, nil, "", errorType)))
	writerIface = newIface("Write",
		types.NewTuple(types.NewVar(token.NoPos, nil, "p", types.NewSlice(types.Typ[types.Byte]))),
		types.NewTuple(types.NewVar(token.NoPos, nil, "n", types.Typ[types.Int]), types.NewVar(token.NoPos, nil, "err", errorType)))
)

func newIface(method string, params, results *types.Tuple) *types.Interface {
	sig := types.NewSignatureType(nil, nil, nil, params, results, false)
	return types.NewInterfaceType([]*types.Func{types.NewFunc(token.NoPos, nil, method, sig)}, nil).Complete()
}

// implements reports whether t or *t implements iface.
func implements(t types.Type, iface *types.Interface) bool {
	if types.Implements(t, iface) {
		return true
	}
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		return types.Implements(types.NewPointer(t), iface)
	}
	return false
}

// closable reports whether a value of type t may be closed or flushed: it
// implements io.Closer, has a flushing method of a known writer, or is an
// empty interface (which may hold a file and be asserted to io.Closer).
func (st *state) closable(t types.Type) bool {
	if t == nil {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() != types.UnsafePointer {
		return false
	}
	if implements(t, closerIface) {
		return true
	}
	ms := st.msets.MethodSet(t)
	if _, isPtr := t.(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = st.msets.MethodSet(types.NewPointer(t))
	}
	for i := 0; i < ms.Len(); i++ {
		if fn, ok := ms.At(i).Obj().(*types.Func); ok && writerMethods[tempmodel.FuncOf(fn)].flushes() {
			return true
		}
	}
	if it, ok := t.Underlying().(*types.Interface); ok && it.NumMethods() == 0 {
		return true
	}
	return false
}

// closingMethod reports whether sel selects a method that closes or
// flushes its receiver: the method by which the receiver's type implements
// io.Closer, or a flushing method of a known writer.
func (st *state) closingMethod(sel *ast.SelectorExpr) bool {
	return writerMethods[st.method(sel)].flushes() || st.closerMethod(sel)
}

// closerMethod reports whether sel selects the method by which the
// receiver's type implements io.Closer.
func (st *state) closerMethod(sel *ast.SelectorExpr) bool {
	fn, ok := st.pass.TypesInfo.Uses[sel.Sel].(*types.Func)
	if !ok {
		return false
	}
	t := st.pass.TypesInfo.TypeOf(sel.X)
	if t == nil || !implements(t, closerIface) {
		return false
	}
	m := closerIface.Method(0)
	obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
	return obj == fn
}

// method returns the identity of the method that sel selects.
func (st *state) method(sel *ast.SelectorExpr) tempmodel.Func {
	fn, _ := st.pass.TypesInfo.Uses[sel.Sel].(*types.Func)
	return tempmodel.FuncOf(fn)
}

// isFileClose reports whether sel is (*os.File).Close.
func (st *state) isFileClose(sel *ast.SelectorExpr) bool {
	return st.method(sel).IsMethod("os", "File", "Close")
}

// closesParams returns the indexes of fn's parameters that fn closes or
// flushes (on some path), for functions of this package.
func (st *state) closesParams(fn *types.Func) []int {
	if ps, ok := st.closers[fn]; ok {
		return ps
	}
	if st.inProg[fn] {
		return nil
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	params := map[*types.Var]int{}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		t := p.Type()
		if sig.Variadic() && i == sig.Params().Len()-1 {
			if s, ok := t.(*types.Slice); ok {
				t = s.Elem()
			}
		}
		if st.closable(t) {
			params[p] = i
		}
	}
	if len(params) == 0 {
		st.closers[fn] = nil
		return nil
	}
	fd := st.funcDecl(fn)
	if fd == nil {
		st.closers[fn] = nil
		return nil
	}
	st.inProg[fn] = true
	defer delete(st.inProg, fn)
	var out []int
	add := func(i int) {
		if !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	paramOf := func(e ast.Expr) (int, bool) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return 0, false
		}
		v, ok := st.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok {
			return 0, false
		}
		i, ok := params[v]
		return i, ok
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if i, ok := paramOf(n.X); ok && st.closingMethod(n) {
				add(i)
			}
		case *ast.CallExpr:
			for j, a := range n.Args {
				if i, ok := paramOf(a); ok && st.closesArg(n, j) {
					add(i)
				}
			}
		case *ast.RangeStmt:
			// for _, c := range closers { c.Close() }
			if i, ok := paramOf(n.X); ok && n.Value != nil {
				if v := st.varOf(n.Value); v != nil {
					params[v] = i
				}
			}
		}
		return true
	})
	slices.Sort(out)
	st.closers[fn] = out
	return out
}

// closesArg reports whether call may close (or flush) its argument i.
func (st *state) closesArg(call *ast.CallExpr, i int) bool {
	info := st.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return false // conversion
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if _, ok := info.Uses[id].(*types.Builtin); ok {
			return false
		}
	}
	fn, _ := tempmodel.Callee(info, call)
	if fn == nil {
		return true // a function value: may do anything
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return true
	}
	if sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return true
	}
	if fn.Pkg() == nil {
		return false
	}
	if n := sig.Params().Len(); sig.Variadic() && i >= n-1 {
		i = n - 1
	}
	if fn.Pkg() == st.pass.Pkg {
		return slices.Contains(st.closesParams(fn.Origin()), i)
	}
	var fact closesFact
	if st.pass.ImportObjectFact(fn.Origin(), &fact) {
		return slices.Contains(fact.Params, i)
	}
	return false
}

// writesArg reports whether call writes to its argument i (an io.Writer
// parameter).
func (st *state) writesArg(call *ast.CallExpr, i int) bool {
	fn, _ := tempmodel.Callee(st.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Params().Len() == 0 {
		return false
	}
	if n := sig.Params().Len(); sig.Variadic() && i >= n-1 {
		return false
	} else if i >= n {
		return false
	}
	t := sig.Params().At(i).Type()
	return types.IsInterface(t) && implements(t, writerIface)
}

func inGOROOT(pass *analysis.Pass) bool {
	p := pass.Pkg.Path()
	// standard library paths have no dot in their first element
	for i := 0; i < len(p); i++ {
		if p[i] == '/' {
			break
		}
		if p[i] == '.' {
			return false
		}
	}
	tf := pass.Fset.File(pass.Files[0].Pos())
	return tf != nil && goroot != "" && hasPrefix(tf.Name(), goroot)
}
