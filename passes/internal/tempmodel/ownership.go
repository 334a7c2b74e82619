package tempmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

// The ownership of a file-system object: from a variable that holds a temp
// file or directory (or a parameter that may), where do its uses take it?
// A pass asks [Model.Ownership] for the removals of the object and whether
// it leaves the function; the summarizers of summary_remove.go and
// summary_keep.go ask it about parameters.

// Kind is what a tracked value is to the object.
type Kind uint8

const (
	// KindDerived: built from the object (a joined path, a struct holding
	// it); removing it does not remove the object.
	KindDerived Kind = iota
	// KindName: the path of the object itself (the dir, f.Name()).
	KindName
	// KindFile: the *os.File.
	KindFile
	// KindNames: a slice of paths (a variadic parameter).
	KindNames
)

// Removal is a removal of the tracked object, or its hand-off by a rename.
type Removal struct {
	// Call is the removing (or renaming) call.
	Call inspector.Cursor
	// Anchor is the position the control-flow graph sees: the call, the
	// defer statement, or the Cleanup call that registers it.
	Anchor token.Pos
	// Rename is the rename call for a hand-off; nil for a removal.
	Rename *ast.CallExpr
}

// Ownership is what the uses of a tracked object amount to.
type Ownership struct {
	Escapes  bool // ownership leaves: stored, sent, captured, kept by a callee
	Returned bool // returned to the caller
	Unknown  bool // a use the model cannot follow
	Shown    bool // the path is printed or logged for the user
	Removals []Removal
	// Transfers are the points where ownership leaves (an escape or a
	// return), each on the paths through it only. [Model.OwnershipPaths]
	// lists them all; [Model.Ownership] stops at the first escape.
	Transfers []Transfer
}

// Transfer is one point where ownership of the object leaves the
// function: only the paths through it hand the object over.
type Transfer struct {
	// Anchor is the position the control-flow graph sees: the use, the
	// return statement, the defer statement or Cleanup call that
	// registers a function literal using the object, or the literal
	// itself when it is stored or run by a go statement.
	Anchor token.Pos
	// Return is the return statement that hands the object to the
	// caller; nil for the other escapes.
	Return *ast.ReturnStmt
}

// escape records an escape at anchor.
func (o *Ownership) escape(at token.Pos) {
	o.Escapes = true
	o.Transfers = append(o.Transfers, Transfer{Anchor: at})
}

// Quiet reports whether someone other than the function may own the
// object: it escapes, is returned, or is used in a way the model cannot
// follow.
func (o *Ownership) Quiet() bool { return o.Escapes || o.Returned || o.Unknown }

// KindOf is the kind a parameter of type t is tracked as.
func KindOf(t types.Type) Kind {
	if t == nil {
		return KindDerived
	}
	if isOSFile(t) {
		return KindFile
	}
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		if core := coreString(tp); core {
			return KindName
		}
		return KindDerived
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
		return KindName
	}
	if sl, ok := t.Underlying().(*types.Slice); ok && KindOf(sl.Elem()) == KindName {
		return KindNames
	}
	return KindDerived
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

// Ownership follows the uses of root, a local variable of fn (an
// *ast.FuncDecl or *ast.FuncLit) holding a file-system object as k, or a
// parameter of fn, through its aliases, and says what they amount to:
// where the object is removed or handed off by a rename, and whether it is
// returned, kept beyond the call, shown to the user or used in a way the
// model cannot follow. creation is the statement that assigns root (its
// assignment is not a reassignment), or nil.
func (m *Model) Ownership(fn ast.Node, root *types.Var, k Kind, creation ast.Node) *Ownership {
	return m.ownership(fn, root, k, creation, false)
}

// OwnershipPaths is [Model.Ownership] without stopping at the first
// escape: Transfers lists every point where the object leaves the
// function, so that a pass can ask which paths hand it over (a temp
// returned on success only still leaks on the error returns before).
func (m *Model) OwnershipPaths(fn ast.Node, root *types.Var, k Kind, creation ast.Node) *Ownership {
	return m.ownership(fn, root, k, creation, true)
}

func (m *Model) ownership(fn ast.Node, root *types.Var, k Kind, creation ast.Node, paths bool) *Ownership {
	fl := &Ownership{}
	body := bodyOf(fn)
	if body == nil {
		fl.Unknown = true
		return fl
	}
	type item struct {
		v *types.Var
		k Kind
	}
	seen := map[*types.Var]bool{root: true}
	work := []item{{root, k}}
	stop := func() bool { return fl.Unknown || fl.Escapes && !paths }
	for len(work) > 0 && !stop() {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		for _, u := range m.UsesOf(it.v) {
			if u.Node().Pos() < body.Lbrace || u.Node().Pos() > body.Rbrace {
				continue // e.g. a parameter named in the signature
			}
			m.classify(fn, body, u, it.v == root, it.k, creation, fl, func(v *types.Var, k Kind) {
				if !seen[v] {
					seen[v] = true
					work = append(work, item{v, k})
				}
			})
			if stop() {
				break
			}
		}
	}
	return fl
}

// Runs says when the body of a function literal runs.
type Runs int

const (
	RunsOther Runs = iota
	RunsNow
	RunsDeferred
	RunsAtCleanup
)

// LitRuns says how the function literal at cur is used: called at once,
// deferred, registered with a test's Cleanup, or something else (stored,
// passed on, run by a go statement); and the position at which the
// control-flow graph sees it run (the call, the defer statement, the
// Cleanup call).
func (m *Model) LitRuns(cur inspector.Cursor) (Runs, token.Pos) {
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
			return RunsDeferred, parent.Parent().Node().Pos()
		case edge.GoStmt_Call:
			return RunsOther, token.NoPos
		}
		return RunsNow, parent.Node().Pos()
	case edge.CallExpr_Args:
		call := parent.Node().(*ast.CallExpr)
		if _, f := Callee(m.pass.TypesInfo, call); cleanupRegistrars[f] && len(call.Args) == 1 {
			pk, _ := parent.ParentEdge()
			if pk == edge.DeferStmt_Call || pk == edge.GoStmt_Call {
				return RunsOther, token.NoPos
			}
			return RunsAtCleanup, call.Pos()
		}
	}
	return RunsOther, token.NoPos
}

// classify handles one use of a tracked variable.
func (m *Model) classify(fn ast.Node, body *ast.BlockStmt, u inspector.Cursor, isRoot bool, k Kind, creation ast.Node, fl *Ownership, alias func(*types.Var, Kind)) {
	// Function literals between the use and fn. anchor is where the
	// graph sees the outermost one run (its call, defer or Cleanup).
	anchor := token.NoPos
	inLit, other := false, false
	for e := range u.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if e.Node() == fn {
			break
		}
		if _, ok := e.Node().(*ast.FuncLit); !ok {
			fl.Unknown = true
			return
		}
		inLit = true
		d, pos := m.LitRuns(e)
		if d == RunsOther {
			other = true
			pos = e.Node().Pos() // stored or run by go: it leaves where it is made
		}
		anchor = pos
	}
	if other {
		fl.escape(anchor)
		return
	}
	at := u.Node().Pos()
	if anchor.IsValid() {
		at = anchor
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
			s := m.pass.TypesInfo.Selections[sel]
			if s == nil {
				fl.Unknown = true
				return
			}
			if s.Kind() == types.FieldVal {
				cur, k = parent, KindDerived
				continue
			}
			gk, _ := parent.ParentEdge()
			if gk != edge.CallExpr_Fun {
				fl.escape(at) // method value
				return
			}
			if k == KindFile {
				if fn, _ := s.Obj().(*types.Func); fn != nil && FuncOf(fn).IsMethod("os", "File", "Name") {
					cur, k = parent.Parent(), KindName
					continue
				}
				return // other *os.File methods keep nothing
			}
			if k != KindDerived && m.ownerType(s.Recv()) {
				fl.escape(at) // a method of the program's own type on the path may remove it
				return
			}
			call := parent.Parent().Node().(*ast.CallExpr)
			if !carrier(m.pass.TypesInfo.TypeOf(call)) {
				return
			}
			cur, k = parent.Parent(), KindDerived
			continue
		case edge.CallExpr_Fun:
			return
		case edge.CallExpr_Args:
			call := parent.Node().(*ast.CallExpr)
			next, nk, stop := m.callArg(parent, call, idx, k, anchor, fl)
			if stop {
				return
			}
			cur, k = next, nk
			continue
		case edge.KeyValueExpr_Key, edge.KeyValueExpr_Value:
			cur = parent
			continue
		case edge.CompositeLit_Elts:
			if m.ownerType(m.pass.TypesInfo.TypeOf(parent.Node().(ast.Expr))) {
				fl.escape(at) // a value of the program's own type takes ownership
				return
			}
			if k == KindName {
				if t := m.pass.TypesInfo.TypeOf(parent.Node().(ast.Expr)); t != nil && isSlice(t) {
					cur, k = parent, KindNames
					continue
				}
			}
			cur, k = parent, KindDerived
			continue
		case edge.UnaryExpr_X:
			un := parent.Node().(*ast.UnaryExpr)
			if un.Op == token.AND {
				if _, ok := cur.Node().(*ast.Ident); ok {
					fl.escape(at)
					return
				}
			}
			cur, k = parent, KindDerived
			continue
		case edge.BinaryExpr_X, edge.BinaryExpr_Y:
			if parent.Node().(*ast.BinaryExpr).Op == token.ADD {
				cur, k = parent, KindDerived
				continue
			}
			return
		case edge.IndexExpr_X:
			if k == KindNames {
				cur, k = parent, KindName
			} else {
				cur, k = parent, KindDerived
			}
			continue
		case edge.RangeStmt_X:
			rs := parent.Node().(*ast.RangeStmt)
			if rs.Value != nil {
				vk := KindDerived
				if k == KindNames {
					vk = KindName
				}
				m.assignTo(body, rs.Value, vk, at, fl, alias)
			}
			return
		case edge.StarExpr_X, edge.IndexListExpr_X, edge.SliceExpr_X, edge.TypeAssertExpr_X:
			cur, k = parent, KindDerived
			continue
		case edge.IndexExpr_Index:
			if pk, _ := parent.ParentEdge(); pk == edge.AssignStmt_Lhs {
				fl.escape(at) // m[name] = ...: kept as a key
			}
			return
		case edge.SliceExpr_Low, edge.SliceExpr_High, edge.SliceExpr_Max, edge.IndexListExpr_Indices:
			return
		case edge.AssignStmt_Lhs:
			if parent.Node() == creation {
				return
			}
			if _, ok := cur.Node().(*ast.Ident); ok && isRoot {
				fl.Unknown = true // the variable is reassigned
			}
			return
		case edge.AssignStmt_Rhs:
			as := parent.Node().(*ast.AssignStmt)
			if len(as.Lhs) == len(as.Rhs) {
				m.assignTo(body, as.Lhs[idx], k, at, fl, alias)
			} else {
				for _, l := range as.Lhs {
					m.assignTo(body, l, KindDerived, at, fl, alias)
				}
			}
			return
		case edge.ValueSpec_Values:
			vs := parent.Node().(*ast.ValueSpec)
			if len(vs.Names) == len(vs.Values) {
				m.assignTo(body, vs.Names[idx], k, at, fl, alias)
			} else {
				for _, n := range vs.Names {
					m.assignTo(body, n, KindDerived, at, fl, alias)
				}
			}
			return
		case edge.ReturnStmt_Results:
			if inLit {
				fl.escape(at)
			} else {
				ret := parent.Node().(*ast.ReturnStmt)
				fl.Returned = true
				fl.Transfers = append(fl.Transfers, Transfer{Anchor: ret.Pos(), Return: ret})
			}
			return
		case edge.SendStmt_Value:
			fl.escape(at)
			return
		case edge.SendStmt_Chan, edge.ExprStmt_X, edge.IfStmt_Cond, edge.ForStmt_Cond,
			edge.SwitchStmt_Tag, edge.CaseClause_List, edge.IncDecStmt_X:
			return
		default:
			fl.Unknown = true
			return
		}
	}
}

// assignTo handles the value of a tracked expression assigned to lhs.
func (m *Model) assignTo(body *ast.BlockStmt, lhs ast.Expr, k Kind, at token.Pos, fl *Ownership, alias func(*types.Var, Kind)) {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		if v := m.localStructField(body, lhs); v != nil {
			alias(v, KindDerived) // r.dir = dir: r holds it; follow r
			return
		}
		fl.escape(at) // field, element, pointer target
		return
	}
	if id.Name == "_" {
		return
	}
	v, _ := m.pass.TypesInfo.Defs[id].(*types.Var)
	if v == nil {
		v, _ = m.pass.TypesInfo.Uses[id].(*types.Var)
	}
	if v == nil || v.Pos() < body.Lbrace || v.Pos() > body.Rbrace {
		if v != nil && k == KindDerived && uninteresting(v.Type()) {
			return
		}
		fl.escape(at) // global, named result, captured outer variable
		return
	}
	if k == KindDerived && uninteresting(v.Type()) {
		return // an error or a count: not the object
	}
	alias(v, k)
}

// localStructField returns the variable v when lhs is a field of v
// (v.a or v.a.b, no pointer on the way) and v is a struct variable
// declared in body: storing there puts the object in v, which the walk
// then follows, rather than in a longer-lived object.
func (m *Model) localStructField(body *ast.BlockStmt, lhs ast.Expr) *types.Var {
	e := ast.Unparen(lhs)
	for {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			break
		}
		s := m.pass.TypesInfo.Selections[sel]
		if s == nil || s.Kind() != types.FieldVal || s.Indirect() {
			return nil
		}
		e = ast.Unparen(sel.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok || e == ast.Unparen(lhs) {
		return nil
	}
	v, _ := m.pass.TypesInfo.Uses[id].(*types.Var)
	if v == nil || v.IsField() || v.Pos() < body.Lbrace || v.Pos() > body.Rbrace {
		return nil
	}
	if _, ok := v.Type().Underlying().(*types.Struct); !ok {
		return nil
	}
	return v
}

// callArg handles a tracked value passed as argument idx of call. It
// returns the cursor to continue from (the call, as a derived value) or
// stop.
func (m *Model) callArg(callCur inspector.Cursor, call *ast.CallExpr, idx int, k Kind, anchor token.Pos, fl *Ownership) (inspector.Cursor, Kind, bool) {
	if tv, ok := m.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
		return callCur, k, false // conversion
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := m.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
			if b.Name() == "append" {
				if (k == KindName && idx > 0 || k == KindNames) && call.Ellipsis == token.NoPos {
					return callCur, KindNames, false
				}
				if k == KindNames && idx == 1 {
					return callCur, KindNames, false
				}
				return callCur, KindDerived, false
			}
			return callCur, k, true
		}
	}
	pk, _ := callCur.ParentEdge()
	at := call.Pos()
	if pk == edge.DeferStmt_Call {
		at = callCur.Parent().Node().Pos()
	}
	if anchor.IsValid() {
		at = anchor
	}
	if pk == edge.GoStmt_Call {
		fl.escape(at)
		return callCur, k, true
	}
	fn, f := Callee(m.pass.TypesInfo, call)
	if fn != nil && isInterfaceMethod(fn) {
		fn = nil
	}
	if fn == nil {
		// A call of a function value or an interface method.
		if testingTB(f) && !stdKeeps(f, idx) {
			return callCur, k, true // t.Log(dir) and friends
		}
		fl.escape(at)
		return callCur, k, true
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := m.pass.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			fl.escape(at) // (*T).M(recv, args...): arguments shifted; do not guess
			return callCur, k, true
		}
	}
	fn = fn.Origin()
	if a, ok := fileapi.LookupFunc(f); ok && !a.InRoot && a.Ops.Any(fileapi.OpRemove|fileapi.OpRename) {
		switch {
		case k != KindName:
		case a.Ops.Has(fileapi.OpRemove) && idx == a.Path:
			fl.Removals = append(fl.Removals, Removal{Call: callCur, Anchor: at})
		case a.Ops.Has(fileapi.OpRename) && idx == a.Src:
			fl.Removals = append(fl.Removals, Removal{Call: callCur, Anchor: at, Rename: call})
		}
		return callCur, k, true
	}
	removes, keeps := m.paramEffect(fn, f, idx)
	if keeps {
		fl.escape(at)
		return callCur, k, true
	}
	if removes && k != KindDerived {
		fl.Removals = append(fl.Removals, Removal{Call: callCur, Anchor: at})
		return callCur, k, true
	}
	if k == KindName && m.shows(fn, f, call, idx) {
		fl.Shown = true
		return callCur, k, true
	}
	if m.persists(fn, f, call, idx) {
		fl.escape(at) // the name is written out: someone else owns the object
		return callCur, k, true
	}
	rt := m.pass.TypesInfo.TypeOf(call)
	if !carrier(rt) {
		return callCur, k, true
	}
	if tup, ok := rt.(*types.Tuple); ok && tup.Len() > 0 {
		rt = tup.At(0).Type()
	}
	if m.ownerType(rt) {
		fl.escape(at) // a value of the program's own type takes ownership
		return callCur, k, true
	}
	return callCur, KindDerived, false
}

// paramEffect says whether callee fn removes or keeps its parameter idx:
// by its summary (computed here for this package's functions, a fact for
// others); for the standard library, by the table of keepers; for a
// package tempguard did not analyze, its methods may keep the argument in
// their receiver. A function whose summary is being computed (recursion)
// is taken to keep it.
func (m *Model) paramEffect(fn *types.Func, f Func, idx int) (removes, keeps bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false, true
	}
	n := sig.Params().Len()
	if idx >= n {
		if !sig.Variadic() || n == 0 {
			return false, false
		}
		idx = n - 1
	}
	if m.summarizing[fn] {
		return false, true
	}
	if s := m.Summary(fn); s != nil {
		u := s.Param(idx)
		return u&UseRemove != 0, u&UseKeep != 0
	}
	if fn.Pkg() == nil || fn.Pkg() == m.pass.Pkg {
		return false, false
	}
	if m.InStd(fn.Pkg()) {
		return false, stdKeeps(f, idx)
	}
	// Another module's package. If tempguard analyzed it, the absence of
	// a summary means it neither removes nor keeps; otherwise its methods
	// may store the argument in their receiver.
	if m.analyzed(fn.Pkg()) {
		return false, false
	}
	return false, sig.Recv() != nil
}

func isInterfaceMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
}

// ownerType reports whether t is (a pointer to) a named type with methods
// defined outside the standard library: such values may own and clean up what is
// stored in them, so the analysis stops following the object there.
func (m *Model) ownerType(t types.Type) bool {
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
	if m.InStd(n.Obj().Pkg()) {
		return false
	}
	// Only types with methods can clean up what they hold.
	return types.NewMethodSet(types.NewPointer(n)).Len() > 0
}
