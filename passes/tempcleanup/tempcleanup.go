// Package tempcleanup is the tempguard pass of the same name (see doc.go).
package tempcleanup

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// Analyzer is the tempcleanup pass.
var Analyzer = &analysis.Analyzer{
	Name:      "tempcleanup",
	Doc:       doc,
	URL:       "https://github.com/tempguard/tempguard#tempcleanup",
	Requires:  []*analysis.Analyzer{tempmodel.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*ParamFact)(nil)},
}

// ParamFact records what an exported function of an analyzed package does
// with its parameters, for callers in other packages.
type ParamFact struct {
	// Removes lists the parameters the function removes (os.Remove or
	// os.RemoveAll of the path, or of the *os.File's name), on some path.
	Removes []int
	// Keeps lists the parameters whose value the function stores beyond
	// the call (field, global, map, channel, goroutine...).
	Keeps []int
}

// AFact marks ParamFact as an analysis fact.
func (*ParamFact) AFact() {}

func (f *ParamFact) String() string {
	var parts []string
	for _, i := range f.Removes {
		parts = append(parts, fmt.Sprintf("removes param %d", i))
	}
	for _, i := range f.Keeps {
		parts = append(parts, fmt.Sprintf("keeps param %d", i))
	}
	return strings.Join(parts, "; ")
}

// kind is what a tracked value is.
type kind uint8

const (
	kDerived kind = iota // built from the temp object; removing it does not remove the object
	kName                // the path of the object itself (dir, f.Name())
	kFile                // the *os.File
	kNames               // a slice of paths (a variadic parameter)
)

// event is a removal (or hand-off by rename) of the tracked object.
type event struct {
	call   inspector.Cursor
	anchor token.Pos     // position the control-flow graph sees: the call, defer or Cleanup
	rename *ast.CallExpr // os.Rename hand-off; nil for a removal
}

// flow is what the uses of a tracked object amount to.
type flow struct {
	escape   bool // ownership leaves: stored, sent, captured, kept by a callee
	returned bool // returned to the caller
	unknown  bool // a use we cannot model
	shown    bool // the path is printed or logged for the user
	events   []event
}

func (fl *flow) quiet() bool { return fl.escape || fl.returned || fl.unknown }

type summary struct {
	removes, keeps []bool
}

type checker struct {
	pass     *analysis.Pass
	m        *tempmodel.Model
	info     *types.Info
	uses     map[*types.Var][]inspector.Cursor
	sums     map[*types.Func]*summary
	inProg   map[*types.Func]bool
	pending  []*finding
	stdCache map[*types.Package]bool
}

func run(pass *analysis.Pass) (any, error) {
	m := tempmodel.Get(pass)
	if !m.Relevant || tempmodel.InGOROOT(pass) {
		return nil, nil
	}
	c := &checker{
		pass:   pass,
		m:      m,
		info:   pass.TypesInfo,
		sums:   map[*types.Func]*summary{},
		inProg: map[*types.Func]bool{},
	}
	for fileCur := range m.Inspector.Root().Children() {
		file, ok := fileCur.Node().(*ast.File)
		if !ok {
			continue
		}
		c.checkFile(fileCur, c.isTestFile(file.Pos()))
	}
	c.finish()
	c.exportFacts()
	return nil, nil
}

func (c *checker) checkFile(fileCur inspector.Cursor, isTest bool) {
	for cur := range fileCur.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		_, f := tempmodel.Callee(c.info, call)
		switch {
		case tempmodel.IsMkdirTemp(f):
			c.checkCreation(cur, call, true, f)
		case tempmodel.IsCreateTemp(f):
			c.checkCreation(cur, call, false, f)
		case isTest:
			c.checkTestTempDirBase(cur, call)
		}
	}
}

func (c *checker) isTestFile(pos token.Pos) bool {
	tf := c.pass.Fset.File(pos)
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}

// exportFacts exports a ParamFact for every exported function of the
// package that removes or keeps a parameter.
func (c *checker) exportFacts() {
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !fd.Name.IsExported() {
				continue
			}
			fn, ok := c.info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			s := c.summary(fn)
			if s == nil {
				continue
			}
			fact := &ParamFact{}
			params := fn.Type().(*types.Signature).Params()
			for i := range s.removes {
				// Only parameters that can carry the path or the file.
				if i >= params.Len() || kindOf(params.At(i).Type()) == kDerived && !types.IsInterface(params.At(i).Type()) {
					continue
				}
				if s.removes[i] {
					fact.Removes = append(fact.Removes, i)
				}
				if s.keeps[i] {
					fact.Keeps = append(fact.Keeps, i)
				}
			}
			if len(fact.Removes)+len(fact.Keeps) > 0 {
				c.pass.ExportObjectFact(fn, fact)
			}
		}
	}
}

// usesOf returns the cursors of the identifiers that refer to local
// variable v.
func (c *checker) usesOf(v *types.Var) []inspector.Cursor {
	if c.uses == nil {
		c.uses = map[*types.Var][]inspector.Cursor{}
		for cur := range c.m.Inspector.Root().Preorder((*ast.Ident)(nil)) {
			id := cur.Node().(*ast.Ident)
			if v, ok := c.info.Uses[id].(*types.Var); ok && !v.IsField() && v.Pkg() == c.pass.Pkg && v.Parent() != v.Pkg().Scope() {
				c.uses[v] = append(c.uses[v], cur)
			}
		}
	}
	return c.uses[v]
}

// kindOf is the kind a parameter of type t is tracked as.
func kindOf(t types.Type) kind {
	if t == nil {
		return kDerived
	}
	if isOSFile(t) {
		return kFile
	}
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		if core := coreString(tp); core {
			return kName
		}
		return kDerived
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
		return kName
	}
	if sl, ok := t.Underlying().(*types.Slice); ok && kindOf(sl.Elem()) == kName {
		return kNames
	}
	return kDerived
}

func coreString(tp *types.TypeParam) bool {
	iface, ok := tp.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	found := false
	all := true
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		u, ok := iface.EmbeddedType(i).(*types.Union)
		if !ok {
			continue
		}
		for j := 0; j < u.Len(); j++ {
			found = true
			if b, ok := u.Term(j).Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
				all = false
			}
		}
	}
	return found && all
}

func isOSFile(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "os" && n.Obj().Name() == "File"
}

// uninteresting reports whether a call result cannot carry the object.
func uninteresting(t types.Type) bool {
	switch t := t.(type) {
	case nil:
		return true
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if !uninteresting(t.At(i).Type()) {
				return false
			}
		}
		return true
	}
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		return true
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsBoolean|types.IsNumeric) != 0
}

// carrier reports whether a value of type t (the first of a tuple) can
// hold the temp object: not an error, number, bool or []byte.
func carrier(t types.Type) bool {
	if tup, ok := t.(*types.Tuple); ok {
		if tup.Len() == 0 {
			return false
		}
		t = tup.At(0).Type()
	}
	if uninteresting(t) {
		return false
	}
	if sl, ok := t.Underlying().(*types.Slice); ok {
		if b, ok := sl.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return false
		}
	}
	return true
}

// bodyOf returns the body of a FuncDecl or FuncLit.
func bodyOf(fn ast.Node) *ast.BlockStmt {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

// walk follows the uses of root (a local variable of fn holding the
// object, or a parameter) through aliases, and classifies them.
func (c *checker) walk(fn ast.Node, root *types.Var, k kind, creation ast.Node) *flow {
	fl := &flow{}
	body := bodyOf(fn)
	if body == nil {
		fl.unknown = true
		return fl
	}
	type item struct {
		v *types.Var
		k kind
	}
	seen := map[*types.Var]bool{root: true}
	work := []item{{root, k}}
	for len(work) > 0 && !fl.escape && !fl.unknown {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		for _, u := range c.usesOf(it.v) {
			if u.Node().Pos() < body.Lbrace || u.Node().Pos() > body.Rbrace {
				continue // e.g. a parameter named in the signature
			}
			c.classify(fn, body, u, it.v == root, it.k, creation, fl, func(v *types.Var, k kind) {
				if !seen[v] {
					seen[v] = true
					work = append(work, item{v, k})
				}
			})
			if fl.escape || fl.unknown {
				break
			}
		}
	}
	return fl
}

type disposition int

const (
	dispOther disposition = iota
	dispImmediate
	dispDefer
	dispCleanup
)

// litDisposition says how the function literal at cur is used: called
// at once, deferred, registered with t.Cleanup, or something else.
func (c *checker) litDisposition(cur inspector.Cursor) (disposition, token.Pos) {
	ek, _ := cur.ParentEdge()
	for ek == edge.ParenExpr_X {
		cur = cur.Parent()
		ek, _ = cur.ParentEdge()
	}
	parent := cur.Parent()
	switch ek {
	case edge.CallExpr_Fun:
		pk, _ := parent.ParentEdge()
		switch pk {
		case edge.DeferStmt_Call:
			return dispDefer, parent.Parent().Node().Pos()
		case edge.GoStmt_Call:
			return dispOther, token.NoPos
		}
		return dispImmediate, parent.Node().Pos()
	case edge.CallExpr_Args:
		call := parent.Node().(*ast.CallExpr)
		if _, f := tempmodel.Callee(c.info, call); f.Pkg == "testing" && f.Recv != "" && f.Name == "Cleanup" && len(call.Args) == 1 {
			pk, _ := parent.ParentEdge()
			if pk == edge.DeferStmt_Call || pk == edge.GoStmt_Call {
				return dispOther, token.NoPos
			}
			return dispCleanup, call.Pos()
		}
	}
	return dispOther, token.NoPos
}

// classify handles one use of a tracked variable.
func (c *checker) classify(fn ast.Node, body *ast.BlockStmt, u inspector.Cursor, isRoot bool, k kind, creation ast.Node, fl *flow, alias func(*types.Var, kind)) {
	// Function literals between the use and fn.
	anchor := token.NoPos
	inLit := false
	for e := range u.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if e.Node() == fn {
			break
		}
		if _, ok := e.Node().(*ast.FuncLit); !ok {
			fl.unknown = true
			return
		}
		inLit = true
		d, pos := c.litDisposition(e)
		if d == dispOther {
			fl.escape = true
			return
		}
		anchor = pos
	}
	cur := u
	for {
		ek, idx := cur.ParentEdge()
		parent := cur.Parent()
		switch ek {
		case edge.ParenExpr_X:
			cur = parent
			continue
		case edge.SelectorExpr_X:
			sel := parent.Node().(*ast.SelectorExpr)
			s := c.info.Selections[sel]
			if s == nil {
				fl.unknown = true
				return
			}
			if s.Kind() == types.FieldVal {
				cur, k = parent, kDerived
				continue
			}
			gk, _ := parent.ParentEdge()
			if gk != edge.CallExpr_Fun {
				fl.escape = true // method value
				return
			}
			if k == kFile {
				if fn, _ := s.Obj().(*types.Func); fn != nil && tempmodel.FuncOf(fn).IsMethod("os", "File", "Name") {
					cur, k = parent.Parent(), kName
					continue
				}
				return // other *os.File methods keep nothing
			}
			if k != kDerived && c.ownerType(s.Recv()) {
				fl.escape = true // a method of the program's own type on the path may remove it
				return
			}
			call := parent.Parent().Node().(*ast.CallExpr)
			if !carrier(c.info.TypeOf(call)) {
				return
			}
			cur, k = parent.Parent(), kDerived
			continue
		case edge.CallExpr_Fun:
			return
		case edge.CallExpr_Args:
			call := parent.Node().(*ast.CallExpr)
			next, nk, stop := c.callArg(parent, call, idx, k, anchor, fl)
			if stop {
				return
			}
			cur, k = next, nk
			continue
		case edge.KeyValueExpr_Key, edge.KeyValueExpr_Value:
			cur = parent
			continue
		case edge.CompositeLit_Elts:
			if c.ownerType(c.info.TypeOf(parent.Node().(ast.Expr))) {
				fl.escape = true // a value of the program's own type takes ownership
				return
			}
			if k == kName {
				if t := c.info.TypeOf(parent.Node().(ast.Expr)); t != nil && isSlice(t) {
					cur, k = parent, kNames
					continue
				}
			}
			cur, k = parent, kDerived
			continue
		case edge.UnaryExpr_X:
			un := parent.Node().(*ast.UnaryExpr)
			if un.Op == token.AND {
				if _, ok := cur.Node().(*ast.Ident); ok {
					fl.escape = true
					return
				}
			}
			cur, k = parent, kDerived
			continue
		case edge.BinaryExpr_X, edge.BinaryExpr_Y:
			if parent.Node().(*ast.BinaryExpr).Op == token.ADD {
				cur, k = parent, kDerived
				continue
			}
			return
		case edge.IndexExpr_X:
			if k == kNames {
				cur, k = parent, kName
			} else {
				cur, k = parent, kDerived
			}
			continue
		case edge.RangeStmt_X:
			rs := parent.Node().(*ast.RangeStmt)
			if rs.Value != nil {
				vk := kDerived
				if k == kNames {
					vk = kName
				}
				c.assignTo(body, rs.Value, vk, fl, alias)
			}
			return
		case edge.StarExpr_X, edge.IndexListExpr_X, edge.SliceExpr_X, edge.TypeAssertExpr_X:
			cur, k = parent, kDerived
			continue
		case edge.IndexExpr_Index:
			if pk, _ := parent.ParentEdge(); pk == edge.AssignStmt_Lhs {
				fl.escape = true // m[name] = ...: kept as a key
			}
			return
		case edge.SliceExpr_Low, edge.SliceExpr_High, edge.SliceExpr_Max, edge.IndexListExpr_Indices:
			return
		case edge.AssignStmt_Lhs:
			if parent.Node() == creation {
				return
			}
			if _, ok := cur.Node().(*ast.Ident); ok && isRoot {
				fl.unknown = true // the variable is reassigned
			}
			return
		case edge.AssignStmt_Rhs:
			as := parent.Node().(*ast.AssignStmt)
			if len(as.Lhs) == len(as.Rhs) {
				c.assignTo(body, as.Lhs[idx], k, fl, alias)
			} else {
				for _, l := range as.Lhs {
					c.assignTo(body, l, kDerived, fl, alias)
				}
			}
			return
		case edge.ValueSpec_Values:
			vs := parent.Node().(*ast.ValueSpec)
			if len(vs.Names) == len(vs.Values) {
				c.assignTo(body, vs.Names[idx], k, fl, alias)
			} else {
				for _, n := range vs.Names {
					c.assignTo(body, n, kDerived, fl, alias)
				}
			}
			return
		case edge.ReturnStmt_Results:
			if inLit {
				fl.escape = true
			} else {
				fl.returned = true
			}
			return
		case edge.SendStmt_Value:
			fl.escape = true
			return
		case edge.SendStmt_Chan, edge.ExprStmt_X, edge.IfStmt_Cond, edge.ForStmt_Cond,
			edge.SwitchStmt_Tag, edge.CaseClause_List, edge.IncDecStmt_X:
			return
		default:
			fl.unknown = true
			return
		}
	}
}

// assignTo handles the value of a tracked expression assigned to lhs.
func (c *checker) assignTo(body *ast.BlockStmt, lhs ast.Expr, k kind, fl *flow, alias func(*types.Var, kind)) {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		fl.escape = true // field, element, pointer target
		return
	}
	if id.Name == "_" {
		return
	}
	v, _ := c.info.Defs[id].(*types.Var)
	if v == nil {
		v, _ = c.info.Uses[id].(*types.Var)
	}
	if v == nil || v.Pos() < body.Lbrace || v.Pos() > body.Rbrace {
		if v != nil && k == kDerived && uninteresting(v.Type()) {
			return
		}
		fl.escape = true // global, named result, captured outer variable
		return
	}
	if k == kDerived && uninteresting(v.Type()) {
		return // an error or a count: not the object
	}
	alias(v, k)
}

// callArg handles a tracked value passed as argument idx of call. It
// returns the cursor to continue from (the call, as a derived value) or
// stop.
func (c *checker) callArg(callCur inspector.Cursor, call *ast.CallExpr, idx int, k kind, anchor token.Pos, fl *flow) (inspector.Cursor, kind, bool) {
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
		return callCur, k, false // conversion
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "append" {
				if (k == kName && idx > 0 || k == kNames) && call.Ellipsis == token.NoPos {
					return callCur, kNames, false
				}
				if k == kNames && idx == 1 {
					return callCur, kNames, false
				}
				return callCur, kDerived, false
			}
			return callCur, k, true
		}
	}
	pk, _ := callCur.ParentEdge()
	if pk == edge.GoStmt_Call {
		fl.escape = true
		return callCur, k, true
	}
	at := call.Pos()
	if pk == edge.DeferStmt_Call {
		at = callCur.Parent().Node().Pos()
	}
	if anchor.IsValid() {
		at = anchor
	}
	fn, f := tempmodel.Callee(c.info, call)
	if fn != nil && isInterfaceMethod(fn) {
		fn = nil
	}
	if fn == nil {
		// A call of a function value or an interface method.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s := c.info.Selections[sel]; s != nil && s.Obj().Pkg() != nil && s.Obj().Pkg().Path() == "testing" {
				return callCur, k, true // t.Log(dir) and friends
			}
		}
		fl.escape = true
		return callCur, k, true
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := c.info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			fl.escape = true // (*T).M(recv, args...): arguments shifted; do not guess
			return callCur, k, true
		}
	}
	fn = fn.Origin()
	switch {
	case isRemoval(f):
		if idx == 0 && k == kName {
			fl.events = append(fl.events, event{call: callCur, anchor: at})
		}
		return callCur, k, true
	case f.Is("os", "Rename"):
		if idx == 0 && k == kName {
			fl.events = append(fl.events, event{call: callCur, anchor: at, rename: call})
		}
		return callCur, k, true
	}
	removes, keeps, known := c.paramEffect(fn, f, idx)
	if keeps {
		fl.escape = true
		return callCur, k, true
	}
	if removes && k != kDerived {
		fl.events = append(fl.events, event{call: callCur, anchor: at})
		return callCur, k, true
	}
	_ = known
	if k == kName && c.shows(fn, f, call, idx) {
		fl.shown = true
		return callCur, k, true
	}
	if c.persists(fn, f, call, idx) {
		fl.escape = true // the name is written out: someone else owns the object
		return callCur, k, true
	}
	rt := c.info.TypeOf(call)
	if !carrier(rt) {
		return callCur, k, true
	}
	if tup, ok := rt.(*types.Tuple); ok && tup.Len() > 0 {
		rt = tup.At(0).Type()
	}
	if c.ownerType(rt) {
		fl.escape = true // a value of the program's own type takes ownership
		return callCur, k, true
	}
	return callCur, kDerived, false
}

// isRemoval reports whether f removes the path in its first argument:
// os.Remove, os.RemoveAll, and the unlink/rmdir system calls.
func isRemoval(f tempmodel.Func) bool {
	if tempmodel.IsRemove(f) {
		return true
	}
	if f.Recv == "" && (f.Pkg == "syscall" || f.Pkg == "golang.org/x/sys/unix") {
		return f.Name == "Unlink" || f.Name == "Rmdir"
	}
	return false
}

// stdKeepers are standard functions and methods that keep an argument
// beyond the call: in the process state (the environment, the working
// directory, a default logger), in a registry, or in their receiver.
var stdKeepers = map[tempmodel.Func]bool{
	{Pkg: "os", Name: "Setenv"}:                                   true,
	{Pkg: "os", Name: "Chdir"}:                                    true,
	{Pkg: "syscall", Name: "Setenv"}:                              true,
	{Pkg: "log", Name: "SetOutput"}:                               true,
	{Pkg: "log", Name: "SetPrefix"}:                               true,
	{Pkg: "log", Recv: "Logger", Name: "SetOutput"}:               true,
	{Pkg: "log", Recv: "Logger", Name: "SetPrefix"}:               true,
	{Pkg: "runtime", Name: "SetFinalizer"}:                        true,
	{Pkg: "runtime", Name: "AddCleanup"}:                          true,
	{Pkg: "flag", Name: "Set"}:                                    true,
	{Pkg: "flag", Recv: "FlagSet", Name: "Set"}:                   true,
	{Pkg: "container/heap", Name: "Push"}:                         true,
	{Pkg: "container/list", Recv: "List", Name: "PushBack"}:       true,
	{Pkg: "container/list", Recv: "List", Name: "PushFront"}:      true,
	{Pkg: "container/list", Recv: "List", Name: "InsertBefore"}:   true,
	{Pkg: "container/list", Recv: "List", Name: "InsertAfter"}:    true,
	{Pkg: "log/slog", Name: "SetDefault"}:                         true,
	{Pkg: "testing", Recv: "common", Name: "Setenv"}:              true,
	{Pkg: "testing", Recv: "T", Name: "Setenv"}:                   true,
	{Pkg: "testing", Recv: "B", Name: "Setenv"}:                   true,
	{Pkg: "testing", Recv: "common", Name: "Chdir"}:               true,
	{Pkg: "testing", Recv: "T", Name: "Chdir"}:                    true,
	{Pkg: "os/exec", Recv: "Cmd", Name: "Start"}:                  true,
	{Pkg: "net/http", Name: "Handle"}:                             true,
	{Pkg: "net/http", Recv: "ServeMux", Name: "Handle"}:           true,
	{Pkg: "net/http", Recv: "Header", Name: "Set"}:                true,
	{Pkg: "net/http", Recv: "Header", Name: "Add"}:                true,
	{Pkg: "net/textproto", Recv: "MIMEHeader", Name: "Set"}:       true,
	{Pkg: "net/textproto", Recv: "MIMEHeader", Name: "Add"}:       true,
	{Pkg: "net/url", Recv: "Values", Name: "Set"}:                 true,
	{Pkg: "net/url", Recv: "Values", Name: "Add"}:                 true,
	{Pkg: "expvar", Name: "Publish"}:                              true,
	{Pkg: "expvar", Recv: "Map", Name: "Set"}:                     true,
	{Pkg: "expvar", Recv: "String", Name: "Set"}:                  true,
	{Pkg: "reflect", Recv: "Value", Name: "Set"}:                  true,
	{Pkg: "reflect", Recv: "Value", Name: "SetString"}:            true,
	{Pkg: "reflect", Recv: "Value", Name: "SetMapIndex"}:          true,
	{Pkg: "reflect", Recv: "Value", Name: "Send"}:                 true,
	{Pkg: "sync", Recv: "Map", Name: "Store"}:                     true,
	{Pkg: "sync", Recv: "Map", Name: "LoadOrStore"}:               true,
	{Pkg: "sync", Recv: "Map", Name: "Swap"}:                      true,
	{Pkg: "sync", Recv: "Map", Name: "CompareAndSwap"}:            true,
	{Pkg: "sync", Recv: "Pool", Name: "Put"}:                      true,
	{Pkg: "sync/atomic", Recv: "Value", Name: "Store"}:            true,
	{Pkg: "sync/atomic", Recv: "Value", Name: "Swap"}:             true,
	{Pkg: "sync/atomic", Recv: "Value", Name: "CompareAndSwap"}:   true,
	{Pkg: "sync/atomic", Recv: "Pointer", Name: "Store"}:          true,
	{Pkg: "sync/atomic", Recv: "Pointer", Name: "Swap"}:           true,
	{Pkg: "sync/atomic", Recv: "Pointer", Name: "CompareAndSwap"}: true,
}

// paramEffect says whether callee fn removes or keeps its parameter idx.
func (c *checker) paramEffect(fn *types.Func, f tempmodel.Func, idx int) (removes, keeps, known bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false, true, false
	}
	n := sig.Params().Len()
	if idx >= n {
		if !sig.Variadic() || n == 0 {
			return false, false, false
		}
		idx = n - 1
	}
	if fn.Pkg() == c.pass.Pkg {
		if c.inProg[fn] {
			return false, true, false // recursion: assume kept
		}
		s := c.summary(fn)
		if s == nil {
			return false, false, true
		}
		return s.removes[idx], s.keeps[idx], true
	}
	var fact ParamFact
	if c.pass.ImportObjectFact(fn, &fact) {
		for _, i := range fact.Removes {
			if i == idx {
				removes = true
			}
		}
		for _, i := range fact.Keeps {
			if i == idx {
				keeps = true
			}
		}
		return removes, keeps, true
	}
	if fn.Pkg() == nil {
		return false, false, false
	}
	if c.isStd(fn.Pkg()) {
		return false, stdKeepers[f], true
	}
	// Another module's package. If tempguard analyzed it, the absence of
	// a fact means it neither removes nor keeps; otherwise its methods
	// may store the argument in their receiver.
	if c.pass.ImportPackageFact(fn.Pkg(), new(tempmodel.PackageFact)) {
		return false, false, true
	}
	if sig.Recv() != nil {
		return false, true, false
	}
	return false, false, false
}

// isStd reports whether pkg belongs to the standard library: its path has
// no dot in its first element, it is not this package or of its module's
// first path element, and tempguard exported no package fact for it.
func (c *checker) isStd(pkg *types.Package) bool {
	if pkg == c.pass.Pkg {
		return false
	}
	first := func(path string) string {
		if i := strings.IndexByte(path, '/'); i >= 0 {
			return path[:i]
		}
		return path
	}
	f := first(pkg.Path())
	if strings.Contains(f, ".") || f == first(c.pass.Pkg.Path()) {
		return false
	}
	if c.stdCache == nil {
		c.stdCache = map[*types.Package]bool{}
	}
	std, ok := c.stdCache[pkg]
	if !ok {
		std = !c.pass.ImportPackageFact(pkg, new(tempmodel.PackageFact))
		c.stdCache[pkg] = std
	}
	return std
}

// summary computes what a function of this package does with each
// parameter. Recursive cycles assume the parameter is kept (quiet).
func (c *checker) summary(fn *types.Func) *summary {
	if s, ok := c.sums[fn]; ok {
		return s
	}
	if c.inProg[fn] {
		return nil
	}
	decl := c.m.FuncDecl(fn)
	sig, ok := fn.Type().(*types.Signature)
	if decl == nil || !ok {
		c.sums[fn] = nil
		return nil
	}
	c.inProg[fn] = true
	defer delete(c.inProg, fn)
	n := sig.Params().Len()
	s := &summary{removes: make([]bool, n), keeps: make([]bool, n)}
	for i := 0; i < n; i++ {
		p := sig.Params().At(i)
		if p.Name() == "" || p.Name() == "_" || uninteresting(p.Type()) {
			continue
		}
		fl := c.walk(decl, p, kindOf(p.Type()), nil)
		s.removes[i] = len(fl.events) > 0 && !fl.escape && !fl.unknown
		s.keeps[i] = fl.escape || fl.unknown
	}
	c.sums[fn] = s
	return s
}

func isInterfaceMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
}

// ownerType reports whether t is (a pointer to) a named type with methods
// defined outside the standard library: such values may own and clean up what is
// stored in them, so the analysis stops following the object there.
func (c *checker) ownerType(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	if c.isStd(n.Obj().Pkg()) {
		return false
	}
	// Only types with methods can clean up what they hold.
	return types.NewMethodSet(types.NewPointer(n)).Len() > 0
}

// printers are the standard calls that print their arguments for the
// user, with the index of the first printed argument; for the Fprint
// family the writer (argument 0) must be os.Stdout or os.Stderr.
var printers = map[tempmodel.Func]int{
	{Pkg: "fmt", Name: "Print"}:                      0,
	{Pkg: "fmt", Name: "Printf"}:                     0,
	{Pkg: "fmt", Name: "Println"}:                    0,
	{Pkg: "fmt", Name: "Fprint"}:                     1,
	{Pkg: "fmt", Name: "Fprintf"}:                    1,
	{Pkg: "fmt", Name: "Fprintln"}:                   1,
	{Pkg: "io", Name: "WriteString"}:                 1,
	{Pkg: "log", Name: "Print"}:                      0,
	{Pkg: "log", Name: "Printf"}:                     0,
	{Pkg: "log", Name: "Println"}:                    0,
	{Pkg: "log", Name: "Fatal"}:                      0,
	{Pkg: "log", Name: "Fatalf"}:                     0,
	{Pkg: "log", Name: "Fatalln"}:                    0,
	{Pkg: "log", Name: "Panic"}:                      0,
	{Pkg: "log", Name: "Panicf"}:                     0,
	{Pkg: "log", Name: "Panicln"}:                    0,
	{Pkg: "log", Recv: "Logger", Name: "Print"}:      0,
	{Pkg: "log", Recv: "Logger", Name: "Printf"}:     0,
	{Pkg: "log", Recv: "Logger", Name: "Println"}:    0,
	{Pkg: "log", Recv: "Logger", Name: "Fatal"}:      0,
	{Pkg: "log", Recv: "Logger", Name: "Fatalf"}:     0,
	{Pkg: "log", Recv: "Logger", Name: "Fatalln"}:    0,
	{Pkg: "log", Recv: "Logger", Name: "Panic"}:      0,
	{Pkg: "log", Recv: "Logger", Name: "Panicf"}:     0,
	{Pkg: "log", Recv: "Logger", Name: "Panicln"}:    0,
	{Pkg: "log/slog", Name: "Debug"}:                 0,
	{Pkg: "log/slog", Name: "Info"}:                  0,
	{Pkg: "log/slog", Name: "Warn"}:                  0,
	{Pkg: "log/slog", Name: "Error"}:                 0,
	{Pkg: "log/slog", Name: "DebugContext"}:          1,
	{Pkg: "log/slog", Name: "InfoContext"}:           1,
	{Pkg: "log/slog", Name: "WarnContext"}:           1,
	{Pkg: "log/slog", Name: "ErrorContext"}:          1,
	{Pkg: "log/slog", Name: "Log"}:                   2,
	{Pkg: "log/slog", Recv: "Logger", Name: "Debug"}: 0,
	{Pkg: "log/slog", Recv: "Logger", Name: "Info"}:  0,
	{Pkg: "log/slog", Recv: "Logger", Name: "Warn"}:  0,
	{Pkg: "log/slog", Recv: "Logger", Name: "Error"}: 0,
	{Pkg: "log/slog", Recv: "Logger", Name: "Log"}:   2,

	{Pkg: "log/slog", Recv: "Logger", Name: "DebugContext"}: 1,
	{Pkg: "log/slog", Recv: "Logger", Name: "InfoContext"}:  1,
	{Pkg: "log/slog", Recv: "Logger", Name: "WarnContext"}:  1,
	{Pkg: "log/slog", Recv: "Logger", Name: "ErrorContext"}: 1,
}

// toStream reports whether the standard call f writes to its argument 0
// (the Fprint family, io.WriteString).
func toStream(f tempmodel.Func) bool {
	return f.Pkg == "io" || f.Pkg == "fmt" && printers[f] == 1
}

// encoders are standard methods that write their argument out as data.
var encoders = map[tempmodel.Func]bool{
	{Pkg: "encoding/json", Recv: "Encoder", Name: "Encode"}:       true,
	{Pkg: "encoding/xml", Recv: "Encoder", Name: "Encode"}:        true,
	{Pkg: "encoding/xml", Recv: "Encoder", Name: "EncodeElement"}: true,
	{Pkg: "encoding/gob", Recv: "Encoder", Name: "Encode"}:        true,
	{Pkg: "encoding/csv", Recv: "Writer", Name: "Write"}:          true,
	{Pkg: "encoding/csv", Recv: "Writer", Name: "WriteAll"}:       true,
	{Pkg: "os", Name: "WriteFile"}:                                true,
	{Pkg: "io/ioutil", Name: "WriteFile"}:                         true,
}

// The interfaces whose write methods put their argument into a stream,
// and hash.Hash, whose Write only digests it. Built here rather than
// looked up, since the analyzed package need not import io or hash.
var (
	byteSlice     = types.NewSlice(types.Typ[types.Byte])
	errorType     = types.Universe.Lookup("error").Type()
	writerIface   = iface(method("Write", tuple(byteSlice), tuple(types.Typ[types.Int], errorType)))
	writerMethods = map[string]*types.Interface{
		"Write":       writerIface,
		"WriteString": iface(method("WriteString", tuple(types.Typ[types.String]), tuple(types.Typ[types.Int], errorType))),
		"WriteAt":     iface(method("WriteAt", tuple(byteSlice, types.Typ[types.Int64]), tuple(types.Typ[types.Int], errorType))),
	}
	hashIface = iface(
		method("Write", tuple(byteSlice), tuple(types.Typ[types.Int], errorType)),
		method("Sum", tuple(byteSlice), tuple(byteSlice)),
		method("Reset", tuple(), tuple()),
		method("Size", tuple(), tuple(types.Typ[types.Int])),
		method("BlockSize", tuple(), tuple(types.Typ[types.Int])),
	)
)

func tuple(ts ...types.Type) *types.Tuple {
	vs := make([]*types.Var, len(ts))
	for i, t := range ts {
		vs[i] = types.NewParam(token.NoPos, nil, "", t)
	}
	return types.NewTuple(vs...)
}

func method(name string, params, results *types.Tuple) *types.Func {
	return types.NewFunc(token.NoPos, nil, name, types.NewSignatureType(nil, nil, nil, params, results, false))
}

func iface(ms ...*types.Func) *types.Interface {
	it := types.NewInterfaceType(ms, nil)
	it.Complete()
	return it
}

// streamWrite reports whether fn is the method by which its receiver
// implements io.Writer, io.StringWriter or io.WriterAt, and whether that
// receiver is a hash (hash.Hash), which only digests what it is given.
func streamWrite(fn *types.Func) (write, hash bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false, false
	}
	it := writerMethods[fn.Name()]
	if it == nil {
		return false, false
	}
	recv := sig.Recv().Type()
	ptr := recv
	if _, isPtr := types.Unalias(recv).(*types.Pointer); !isPtr {
		ptr = types.NewPointer(recv)
	}
	if !types.Implements(ptr, it) {
		return false, false
	}
	return true, types.Implements(ptr, hashIface)
}

// persists reports whether argument idx of a standard call writes the
// value out as data: into a file, a stream other than stdout/stderr, or
// an encoder.
func (c *checker) persists(fn *types.Func, f tempmodel.Func, call *ast.CallExpr, idx int) bool {
	if fn.Pkg() == nil || !c.isStd(fn.Pkg()) {
		return false
	}
	if encoders[f] {
		return f.Recv != "" || idx == 1
	}
	if first, ok := printers[f]; ok && toStream(f) {
		return idx >= first && len(call.Args) > 0 && !c.isStdStream(call.Args[0])
	}
	if write, hash := streamWrite(fn); write && !hash {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return !ok || !c.isStdStream(sel.X)
	}
	return false
}

// shows reports whether argument idx of a standard call prints or logs
// the value for the user: fmt.Print*, fmt.Fprint*, io.WriteString and
// the write methods of os.Stdout and os.Stderr, log.Print*/Fatal*/Panic*
// and their *log.Logger methods, and log/slog's logging functions and
// methods. What the message says does not matter.
func (c *checker) shows(fn *types.Func, f tempmodel.Func, call *ast.CallExpr, idx int) bool {
	if fn.Pkg() == nil || !c.isStd(fn.Pkg()) {
		return false
	}
	if first, ok := printers[f]; ok {
		if idx < first {
			return false
		}
		return !toStream(f) || len(call.Args) > 0 && c.isStdStream(call.Args[0])
	}
	if write, _ := streamWrite(fn); write {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return ok && c.isStdStream(sel.X)
	}
	return false
}

func (c *checker) isStdStream(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "os" && (v.Name() == "Stdout" || v.Name() == "Stderr")
}

func isSlice(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}
