package tempmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/flow"
)

// The existence-check concern of the Summary: functions that wrap an
// existence (or access(2) permission) check of one of their path
// parameters, such as
//
//	func fileExists(name string) bool { _, err := os.Stat(name); return err == nil }
//	func ensureAbsent(p string) error { if _, err := os.Stat(p); err == nil { return errExists }; return nil }
//	func writable(p string) bool { return unix.Access(p, unix.W_OK) == nil }
//
// get Summary.Exists. The recognition reads types and control flow only: a
// string parameter passed to os.Stat, os.Lstat or syscall/unix.Access, a
// bool (or error) result, and what every return says about the check's
// outcome; never the function's name.

func init() { summarizers = append(summarizers, summarizeExists) }

// maxExistsStmts bounds the bodies examined: wrappers are short.
const maxExistsStmts = 8

// Exists returns the existence-check part of fn's summary ([Summary].Exists),
// or nil. For a function of this package it computes this part alone, and
// only when fn could be such a wrapper (its signature and body size): asked
// about every callee of a package, a full summary of each was most of
// checkthenopen's time.
func (m *Model) Exists(fn *types.Func) *Exists {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if s, ok := m.summaries[fn]; ok {
		return s.existsPart()
	}
	fd := m.decls[fn]
	if fd == nil || fd.Body == nil || len(fd.Body.List) > maxExistsStmts || !maybeExists(fn) {
		return nil
	}
	// This part alone, cached: the rest of the Summary is not needed here.
	if e, ok := m.exists[fn]; ok {
		return e
	}
	m.exists[fn] = nil // in progress
	e := existsOf(m, fd, fn)
	m.exists[fn] = e
	return e
}

func (s *Summary) existsPart() *Exists {
	if s == nil {
		return nil
	}
	return s.Exists
}

func summarizeExists(m *Model, fn *types.Func, _ *ast.FuncDecl, s *Summary) {
	s.Exists = m.Exists(fn)
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

type cond struct {
	e   ast.Expr
	pol bool
}

type exitPath struct {
	val  bool
	ctx  []cond
	expr ast.Expr // non-nil: the result is this expression
}

// accessCall accepts syscall/unix.Access(param, mode), once, and
// records whether it is a permission (not existence) check.
func (w *existsWalk) accessCall(call *ast.CallExpr) bool {
	_, f := Callee(w.m.pass.TypesInfo, call)
	if (f.Pkg != "syscall" && f.Pkg != "golang.org/x/sys/unix") || f.Recv != "" || f.Name != "Access" || len(call.Args) != 2 {
		return false
	}
	if w.param >= 0 && w.accessExpr != call {
		return false
	}
	i := w.paramOf(call.Args[0])
	if i < 0 {
		return false
	}
	w.param = i
	w.access = true
	if v, ok := w.m.ConstInt(call.Args[1]); !ok || v != 0 {
		w.accessPerm = true
	}
	return true
}

type existsWalk struct {
	errMode    bool          // the result is an error: nil means the check passed
	access     bool          // the check is access(2)
	accessPerm bool          // with R_OK/W_OK/X_OK: a permission check
	accessExpr *ast.CallExpr // an Access call compared with nil inline
	m          *Model
	sig        *types.Signature
	k          int // bool result index
	params     map[*types.Var]int
	param      int
	errVar     *types.Var
	fiVar      *types.Var
	exits      []exitPath
	bad        bool
}

func existsOf(m *Model, fd *ast.FuncDecl, fn *types.Func) *Exists {
	sig := fn.Type().(*types.Signature)
	if sig.TypeParams() != nil {
		return nil
	}
	k := -1
	for i := 0; i < sig.Results().Len(); i++ {
		if flow.IsBool(sig.Results().At(i).Type()) {
			k = i
			break
		}
	}
	errMode := false
	if k < 0 && sig.Results().Len() == 1 && isErrorType(sig.Results().At(0).Type()) {
		// func ensureAbsent(p string) error: nil when the check passed.
		k, errMode = 0, true
	}
	if k < 0 || sig.Results().Len() > 2 {
		return nil
	}
	w := &existsWalk{m: m, sig: sig, k: k, params: map[*types.Var]int{}, param: -1, errMode: errMode}
	for i := 0; i < sig.Params().Len(); i++ {
		w.params[sig.Params().At(i)] = i
	}
	w.block(fd.Body.List, nil)
	if w.bad || len(w.exits) == 0 {
		return nil
	}
	// Expand expression exits into a true and a false exit.
	var exits []exitPath
	for _, x := range w.exits {
		if x.expr == nil {
			exits = append(exits, x)
			continue
		}
		exits = append(exits,
			exitPath{val: true, ctx: append(append([]cond(nil), x.ctx...), cond{x.expr, true})},
			exitPath{val: false, ctx: append(append([]cond(nil), x.ctx...), cond{x.expr, false})})
	}
	nTrue, nFalse := 0, 0
	allExist, allMissing, falseMissing := true, true, true
	// looseTrue, looseFalse: some true (false) exit does not know its
	// outcome exactly: only from a test that any failure of the check also
	// passes (err != nil, fi == nil, !os.IsNotExist(err)), or not at all.
	looseTrue, looseFalse := false, false
	for _, x := range exits {
		imp := 0
		precise := false
		for _, c := range x.ctx {
			if t, f := w.impl(c.e); (c.pol && t != 0 || !c.pol && f != 0) && w.precise(c.e, c.pol) {
				precise = true
			}
		}
		for _, c := range x.ctx {
			t, f := w.impl(c.e)
			v := f
			if c.pol {
				v = t
			}
			if v != 0 {
				if imp != 0 && imp != v {
					imp = 2 // contradiction: path impossible
				} else {
					imp = v
				}
			}
		}
		if imp == 2 {
			continue
		}
		if x.val {
			nTrue++
			allExist = allExist && imp == 1
			allMissing = allMissing && imp == -1
			looseTrue = looseTrue || !precise
		} else {
			nFalse++
			falseMissing = falseMissing && imp == -1
			looseFalse = looseFalse || !precise
		}
	}
	if nTrue == 0 || nFalse == 0 || w.param < 0 {
		return nil
	}
	switch {
	case allExist && w.accessPerm:
		return &Exists{Param: w.param, Index: k, Permission: true, ErrResult: w.errMode}
	case allExist:
		return &Exists{Param: w.param, Index: k, ErrResult: w.errMode, OrType: !falseMissing,
			MissingOrFailed: looseFalse, PresentOrFailed: looseTrue}
	case allMissing && !w.accessPerm:
		return &Exists{Param: w.param, Index: k, TrueMeansMissing: true, ErrResult: w.errMode,
			MissingOrFailed: looseTrue, PresentOrFailed: looseFalse}
	}
	return nil
}

// block walks a statement list under the conditions ctx and reports
// whether it always returns; if not, also the conditions that hold where
// it falls through (after if err == nil { return } else if
// !os.IsNotExist(err) { return }, both negations).
func (w *existsWalk) block(list []ast.Stmt, ctx []cond) (bool, []cond) {
	for _, st := range list {
		if w.bad {
			return true, nil
		}
		switch st := st.(type) {
		case *ast.AssignStmt:
			if !w.statAssign(st) {
				w.bad = true
			}
		case *ast.ExprStmt:
			// logging and the like
		case *ast.IfStmt:
			if st.Init != nil {
				as, ok := st.Init.(*ast.AssignStmt)
				if !ok || !w.statAssign(as) {
					w.bad = true
					return true, nil
				}
			}
			tctx := append(append([]cond(nil), ctx...), cond{st.Cond, true})
			fctx := append(append([]cond(nil), ctx...), cond{st.Cond, false})
			tTerm, tOut := w.block(st.Body.List, tctx)
			eTerm, eOut := false, fctx
			switch e := st.Else.(type) {
			case *ast.BlockStmt:
				eTerm, eOut = w.block(e.List, fctx)
			case *ast.IfStmt:
				eTerm, eOut = w.block([]ast.Stmt{e}, fctx)
			}
			switch {
			case tTerm && eTerm:
				return true, nil
			case tTerm:
				ctx = eOut
			case eTerm:
				ctx = tOut
			}
		case *ast.ReturnStmt:
			if len(st.Results) != w.sig.Results().Len() {
				w.bad = true
				return true, nil
			}
			r := ast.Unparen(st.Results[w.k])
			if w.errMode {
				// nil: the check passed (val true); an error built here
				// (or the check's own) fails. A call that may return nil
				// (return os.MkdirAll(p, m)) is not a check at all.
				ast.Inspect(r, func(n ast.Node) bool {
					if call, ok := n.(*ast.CallExpr); ok {
						_, f := Callee(w.m.pass.TypesInfo, call)
						if !f.Is("fmt", "Errorf") && !f.Is("errors", "New") {
							w.bad = true
						}
					}
					return !w.bad
				})
				if w.bad {
					return true, nil
				}
				tv, ok := w.m.pass.TypesInfo.Types[r]
				w.exits = append(w.exits, exitPath{val: ok && tv.IsNil(), ctx: ctx})
				return true, nil
			}
			if tv, ok := w.m.pass.TypesInfo.Types[r]; ok && tv.Value != nil {
				w.exits = append(w.exits, exitPath{val: tv.Value.String() == "true", ctx: ctx})
			} else {
				w.exits = append(w.exits, exitPath{ctx: ctx, expr: r})
			}
			return true, nil
		default:
			w.bad = true
			return true, nil
		}
	}
	return false, ctx
}

// statAssign accepts fi, err := os.Stat(param) (or Lstat), once.
func (w *existsWalk) statAssign(as *ast.AssignStmt) bool {
	if len(as.Rhs) != 1 || w.errVar != nil {
		return false
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return false
	}
	// err := unix.Access(param, mode)
	if len(as.Lhs) == 1 && w.accessCall(call) {
		w.errVar = w.varOf(as.Lhs[0])
		return w.errVar != nil
	}
	if len(as.Lhs) != 2 || len(call.Args) != 1 {
		return false
	}
	_, f := Callee(w.m.pass.TypesInfo, call)
	if !f.Is("os", "Stat") && !f.Is("os", "Lstat") {
		return false
	}
	i := w.paramOf(call.Args[0])
	if i < 0 {
		return false
	}
	w.param = i
	w.fiVar = w.varOf(as.Lhs[0])
	w.errVar = w.varOf(as.Lhs[1])
	return w.errVar != nil
}

func (w *existsWalk) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	if v, ok := w.m.pass.TypesInfo.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := w.m.pass.TypesInfo.Uses[id].(*types.Var)
	return v
}

func (w *existsWalk) paramOf(e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return -1
	}
	v, ok := w.m.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return -1
	}
	if i, ok := w.params[v]; ok && isStringT(v.Type()) {
		return i
	}
	return -1
}

func isStringT(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// impl returns what e being true (t) and false (f) says about existence:
// 1 exists, -1 missing, 0 nothing.
func (w *existsWalk) impl(e ast.Expr) (t, f int) {
	info := w.m.pass.TypesInfo
	is := func(x ast.Expr, v *types.Var) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && v != nil && info.Uses[id] == v
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			t, f := w.impl(x.X)
			return f, t
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND:
			at, af := w.impl(x.X)
			bt, bf := w.impl(x.Y)
			t = at
			if t == 0 {
				t = bt
			}
			if af == bf {
				f = af
			}
			return t, f
		case token.LOR:
			at, af := w.impl(x.X)
			bt, bf := w.impl(x.Y)
			f = af
			if f == 0 {
				f = bf
			}
			if at == bt {
				t = at
			}
			return t, f
		case token.EQL, token.NEQ:
			other, ok := flow.NilOperand(info, x)
			if ok && w.errVar == nil {
				// return unix.Access(param, unix.W_OK) == nil
				if call, isCall := ast.Unparen(other).(*ast.CallExpr); isCall && w.accessCall(call) {
					w.accessExpr = call
				}
			}
			if !ok || !(is(other, w.errVar) || is(other, w.fiVar) || w.accessExpr != nil && ast.Unparen(other) == w.accessExpr) {
				return 0, 0
			}
			r := 1 // x == nil true => exists (err) / missing (fi)
			if is(other, w.fiVar) {
				r = -1
			}
			if x.Op == token.NEQ {
				r = -r
			}
			return r, -r
		}
	case *ast.CallExpr:
		if errArg, notExist, ok := ExistTest(info, x); ok && is(errArg, w.errVar) {
			if notExist {
				return -1, 1
			}
			return 1, -1
		}
	}
	return 0, 0
}

// precise reports whether e having the value pol tells the check's
// outcome exactly: err == nil (the check succeeded: present), or a test of
// the error against an existence sentinel that holds (os.IsNotExist(err)
// true: missing). A nil test that fails (err != nil, fi == nil) or a
// sentinel test that does not hold (!os.IsNotExist(err)) is also taken on
// any other failure of the check.
func (w *existsWalk) precise(e ast.Expr, pol bool) bool {
	info := w.m.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return w.precise(x.X, !pol)
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND, token.LOR:
			if (x.Op == token.LAND) == pol {
				// Both operands have the value pol: either may tell.
				return w.known(x.X, pol) && w.precise(x.X, pol) || w.known(x.Y, pol) && w.precise(x.Y, pol)
			}
			// One operand has the value pol, which one is not known:
			// every operand that tells something must tell it exactly.
			return (!w.known(x.X, pol) || w.precise(x.X, pol)) && (!w.known(x.Y, pol) || w.precise(x.Y, pol))
		case token.EQL, token.NEQ:
			// x == nil holds: err is nil (the check succeeded) or fi is
			// not; the other value is any failure.
			if other, ok := flow.NilOperand(info, x); ok {
				isNil := (x.Op == token.EQL) == pol
				id, _ := ast.Unparen(other).(*ast.Ident)
				if id != nil && w.fiVar != nil && info.Uses[id] == w.fiVar {
					return !isNil
				}
				return isNil
			}
		}
	case *ast.CallExpr:
		// os.IsNotExist(err), os.IsExist(err), errors.Is(err, sentinel):
		// exact when they hold.
		return pol
	}
	return false
}

// known reports whether e having the value pol says anything about the
// check's outcome.
func (w *existsWalk) known(e ast.Expr, pol bool) bool {
	t, f := w.impl(e)
	if pol {
		return t != 0
	}
	return f != 0
}

// maybeExists is a cheap signature test: a string parameter and a bool
// result.
func maybeExists(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 || sig.Results().Len() > 2 || sig.Params().Len() == 0 {
		return false
	}
	hasBool, hasString := false, false
	for i := 0; i < sig.Results().Len(); i++ {
		hasBool = hasBool || flow.IsBool(sig.Results().At(i).Type())
	}
	if sig.Results().Len() == 1 && isErrorType(sig.Results().At(0).Type()) {
		hasBool = true
	}
	for i := 0; i < sig.Params().Len(); i++ {
		hasString = hasString || isStringT(sig.Params().At(i).Type())
	}
	return hasBool && hasString
}
