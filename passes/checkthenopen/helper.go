package checkthenopen

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// ExistsFact marks a function that wraps an existence check of its path
// parameter, such as
//
//	func fileExists(name string) bool { _, err := os.Stat(name); return err == nil }
//
// Callers that create the path when such a function says it is missing are
// checked like callers of os.Stat.
type ExistsFact struct {
	Param int // index of the path parameter
	Index int // index of the boolean result
	// TrueMeansMissing: the result is true when the path does not exist
	// (notExists); otherwise true means it exists.
	TrueMeansMissing bool
	// Permission: the result is true when access(2) grants a permission
	// (func writable(p string) bool); false then says nothing.
	Permission bool
	// ErrResult: the function returns an error instead of a bool, nil
	// standing for true (func ensureAbsent(p string) error).
	ErrResult bool
	// OrType: false means "missing or not of the tested type"
	// (func isDir(p string) bool { ...; return err == nil && fi.IsDir() }):
	// it decides directory creation only.
	OrType bool
}

func (*ExistsFact) AFact() {}

func (f *ExistsFact) String() string {
	var s string
	switch {
	case f.Permission:
		s = fmt.Sprintf("access(param %d)", f.Param)
	case f.TrueMeansMissing:
		s = fmt.Sprintf("missing(param %d)", f.Param)
	default:
		s = fmt.Sprintf("exists(param %d)", f.Param)
	}
	if f.ErrResult {
		s += " as nil error"
	}
	if f.OrType {
		s += " or type"
	}
	return s
}

type helperSummary struct {
	param     int
	index     int
	trueMeans outcome // outPresent, outMissing or outPerm
	// errResult: the wrapper returns an error, nil when trueMeans holds.
	errResult bool
	// orType: trueMeans is outPresent, and false means "missing or not
	// of the tested type" (isDir).
	orType bool
}

// helperFor returns the summary of fn: from this package's summaries or
// from a fact exported by fn's package.
func helperFor(pass *analysis.Pass, fn *types.Func, local map[*types.Func]*helperSummary) *helperSummary {
	fn = fn.Origin()
	if !maybeHelper(fn) {
		return nil
	}
	if fn.Pkg() == pass.Pkg {
		return local[fn]
	}
	if fn.Pkg() == nil {
		return nil
	}
	var f ExistsFact
	if !pass.ImportObjectFact(fn, &f) {
		return nil
	}
	h := &helperSummary{param: f.Param, index: f.Index, trueMeans: outPresent, errResult: f.ErrResult, orType: f.OrType}
	switch {
	case f.Permission:
		h.trueMeans = outPerm
	case f.TrueMeansMissing:
		h.trueMeans = outMissing
	}
	return h
}

// summarizeHelpers finds the package's existence-check wrappers and
// exports a fact for each.
func summarizeHelpers(pass *analysis.Pass, m *tempmodel.Model) map[*types.Func]*helperSummary {
	out := map[*types.Func]*helperSummary{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || len(fd.Body.List) > 8 {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if h := summarize(pass, m, fd, fn); h != nil {
				out[fn] = h
				pass.ExportObjectFact(fn, &ExistsFact{Param: h.param, Index: h.index, TrueMeansMissing: h.trueMeans == outMissing, Permission: h.trueMeans == outPerm, ErrResult: h.errResult, OrType: h.orType})
			}
		}
	}
	return out
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
func (w *helperWalk) accessCall(call *ast.CallExpr) bool {
	_, f := tempmodel.Callee(w.pass.TypesInfo, call)
	if !sysPkg(f.Pkg) || f.Recv != "" || f.Name != "Access" || len(call.Args) != 2 {
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

type helperWalk struct {
	errMode    bool          // the result is an error: nil means the check passed
	access     bool          // the check is access(2)
	accessPerm bool          // with R_OK/W_OK/X_OK: a permission check
	accessExpr *ast.CallExpr // an Access call compared with nil inline
	pass       *analysis.Pass
	m          *tempmodel.Model
	sig        *types.Signature
	k          int // bool result index
	params     map[*types.Var]int
	param      int
	errVar     *types.Var
	fiVar      *types.Var
	exits      []exitPath
	bad        bool
}

func summarize(pass *analysis.Pass, m *tempmodel.Model, fd *ast.FuncDecl, fn *types.Func) *helperSummary {
	sig := fn.Type().(*types.Signature)
	if sig.TypeParams() != nil {
		return nil
	}
	k := -1
	for i := 0; i < sig.Results().Len(); i++ {
		if isBool(sig.Results().At(i).Type()) {
			k = i
			break
		}
	}
	errMode := false
	if k < 0 && sig.Results().Len() == 1 && isError(sig.Results().At(0).Type()) {
		// func ensureAbsent(p string) error: nil when the check passed.
		k, errMode = 0, true
	}
	if k < 0 || sig.Results().Len() > 2 {
		return nil
	}
	w := &helperWalk{pass: pass, m: m, sig: sig, k: k, params: map[*types.Var]int{}, param: -1, errMode: errMode}
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
	for _, x := range exits {
		imp := 0
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
		} else {
			nFalse++
			falseMissing = falseMissing && imp == -1
		}
	}
	if nTrue == 0 || nFalse == 0 || w.param < 0 {
		return nil
	}
	switch {
	case allExist && w.accessPerm:
		return &helperSummary{param: w.param, index: k, trueMeans: outPerm, errResult: w.errMode}
	case allExist:
		return &helperSummary{param: w.param, index: k, trueMeans: outPresent, errResult: w.errMode, orType: !falseMissing}
	case allMissing && !w.accessPerm:
		return &helperSummary{param: w.param, index: k, trueMeans: outMissing, errResult: w.errMode}
	}
	return nil
}

// block walks a statement list under the conditions ctx and reports
// whether it always returns.
func (w *helperWalk) block(list []ast.Stmt, ctx []cond) bool {
	for _, st := range list {
		if w.bad {
			return true
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
					return true
				}
			}
			tctx := append(append([]cond(nil), ctx...), cond{st.Cond, true})
			fctx := append(append([]cond(nil), ctx...), cond{st.Cond, false})
			tTerm := w.block(st.Body.List, tctx)
			eTerm := false
			switch e := st.Else.(type) {
			case *ast.BlockStmt:
				eTerm = w.block(e.List, fctx)
			case *ast.IfStmt:
				eTerm = w.block([]ast.Stmt{e}, fctx)
			}
			switch {
			case tTerm && eTerm:
				return true
			case tTerm:
				ctx = fctx
			case eTerm:
				ctx = tctx
			}
		case *ast.ReturnStmt:
			if len(st.Results) != w.sig.Results().Len() {
				w.bad = true
				return true
			}
			r := ast.Unparen(st.Results[w.k])
			if w.errMode {
				// nil: the check passed (val true); an error built here
				// (or the check's own) fails. A call that may return nil
				// (return os.MkdirAll(p, m)) is not a check at all.
				ast.Inspect(r, func(n ast.Node) bool {
					if call, ok := n.(*ast.CallExpr); ok {
						_, f := tempmodel.Callee(w.pass.TypesInfo, call)
						if !f.Is("fmt", "Errorf") && !f.Is("errors", "New") {
							w.bad = true
						}
					}
					return !w.bad
				})
				if w.bad {
					return true
				}
				tv, ok := w.pass.TypesInfo.Types[r]
				w.exits = append(w.exits, exitPath{val: ok && tv.IsNil(), ctx: ctx})
				return true
			}
			if tv, ok := w.pass.TypesInfo.Types[r]; ok && tv.Value != nil {
				w.exits = append(w.exits, exitPath{val: tv.Value.String() == "true", ctx: ctx})
			} else {
				w.exits = append(w.exits, exitPath{ctx: ctx, expr: r})
			}
			return true
		default:
			w.bad = true
			return true
		}
	}
	return false
}

// statAssign accepts fi, err := os.Stat(param) (or Lstat), once.
func (w *helperWalk) statAssign(as *ast.AssignStmt) bool {
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
	_, f := tempmodel.Callee(w.pass.TypesInfo, call)
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

func (w *helperWalk) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	if v, ok := w.pass.TypesInfo.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := w.pass.TypesInfo.Uses[id].(*types.Var)
	return v
}

func (w *helperWalk) paramOf(e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return -1
	}
	v, ok := w.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return -1
	}
	if i, ok := w.params[v]; ok && isStringType(v.Type()) {
		return i
	}
	return -1
}

func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// impl returns what e being true (t) and false (f) says about existence:
// 1 exists, -1 missing, 0 nothing.
func (w *helperWalk) impl(e ast.Expr) (t, f int) {
	info := w.pass.TypesInfo
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
			other, ok := nilCompare(info, x)
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
		_, fn := tempmodel.Callee(info, x)
		switch {
		case fn.Is("os", "IsNotExist") && len(x.Args) == 1 && is(x.Args[0], w.errVar):
			return -1, 1
		case fn.Is("os", "IsExist") && len(x.Args) == 1 && is(x.Args[0], w.errVar):
			return 1, -1
		case fn.Is("errors", "Is") && len(x.Args) == 2 && is(x.Args[0], w.errVar):
			if ok, notExist := sentinelOf(info, x.Args[1]); ok && notExist {
				return -1, 1
			} else if ok {
				return 1, -1
			}
		}
	}
	return 0, 0
}

// maybeHelper is a cheap signature test: a string parameter and a bool
// result.
func maybeHelper(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 || sig.Results().Len() > 2 || sig.Params().Len() == 0 {
		return false
	}
	hasBool, hasString := false, false
	for i := 0; i < sig.Results().Len(); i++ {
		hasBool = hasBool || isBool(sig.Results().At(i).Type())
	}
	if sig.Results().Len() == 1 && isError(sig.Results().At(0).Type()) {
		hasBool = true
	}
	for i := 0; i < sig.Params().Len(); i++ {
		hasString = hasString || isStringType(sig.Params().At(i).Type())
	}
	return hasBool && hasString
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}
