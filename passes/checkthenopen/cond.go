package checkthenopen

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/flow"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// outcome is what a branch of a condition knows about a checked path.
type outcome uint8

const (
	outNone    outcome = iota
	outMissing         // the check found no file (or failed)
	outPresent         // the check found the file
	outType            // the branch depends on the file's type (dir, regular, ...)
	outSymlink         // the branch depends on whether the path is a symlink
	outPerm            // the branch depends on permissions or ownership (or access(2) succeeded)
)

func (o outcome) String() string {
	return [...]string{"none", "missing", "present", "type", "symlink", "perm"}[o]
}

// fact says that on a branch, check c had outcome out.
type fact struct {
	c   *check
	out outcome
	// specific: the outcome came from an existence-specific test
	// (os.IsNotExist, errors.Is(err, fs.ErrNotExist), a helper), not a bare
	// err == nil.
	specific bool
	// orType: missing, or present with another type (err != nil ||
	// !fi.IsDir()); it decides only directory creation.
	orType bool
	// option: the outcome holds only when an option operand does not
	// decide (err == nil && !force is false); fixes must not be offered.
	option bool
	// orFailed: the branch is also taken when the check failed for another
	// reason than a missing path (err != nil, !os.IsNotExist(err)); the
	// message must not claim the check found the path missing (present).
	orFailed bool
}

// said describes what the check reported on the branch, for messages:
// "found it missing", "found it missing, or failed," or "found it, or
// failed,"; target names the path ("the target") when it is not "it".
func (f fact) said(target string) string {
	if target == "" {
		target = "it"
	}
	switch {
	case f.out == outMissing && f.orType && f.orFailed:
		return "found " + target + " missing, of another type, or failed,"
	case f.out == outMissing && f.orType:
		return "found " + target + " missing or of another type,"
	case f.out == outMissing && f.orFailed:
		return "found " + target + " missing, or failed,"
	case f.out == outMissing:
		return "found " + target + " missing"
	case f.out == outPresent && f.orFailed:
		return "found " + target + ", or failed,"
	}
	return "found " + target + " present"
}

// facts returns what holds about the checks of fs when expression e
// (evaluated at position at) has the value val.
func (s *fnState) facts(e ast.Expr, val bool, at token.Pos, depth int) []fact {
	if depth > 4 {
		return nil
	}
	info := s.pass.TypesInfo
	switch x := e.(type) {
	case *ast.ParenExpr:
		return s.facts(x.X, val, at, depth)
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return s.facts(x.X, !val, at, depth)
		}
		return nil
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND:
			if val {
				return append(s.facts(x.X, true, at, depth), s.facts(x.Y, true, at, depth)...)
			}
			// err == nil && !force is false: unless the option is set,
			// err != nil.
			return s.unlessOption(x.X, x.Y, false, at, depth)
		case token.LOR:
			if !val {
				return append(s.facts(x.X, false, at, depth), s.facts(x.Y, false, at, depth)...)
			}
			return s.unlessOption(x.X, x.Y, true, at, depth)
		case token.EQL, token.NEQ:
			if other, ok := flow.NilOperand(info, x); ok {
				isNil := (x.Op == token.EQL) == val
				return s.nilFacts(other, isNil, at)
			}
		}
	case *ast.CallExpr:
		if fs := s.errTestFacts(x, val, at); fs != nil {
			return fs
		}
		if c := s.checkOfCall(x); c != nil && c.helper != nil {
			return helperFacts(c, val)
		}
	case *ast.Ident:
		// A boolean variable whose reaching assignment is a condition:
		// exists := err == nil; if !exists { ... }
		v, ok := info.Uses[x].(*types.Var)
		if !ok || !flow.IsBool(v.Type()) {
			return nil
		}
		d, index, ok := s.m.DefAt(s.g, v, s.point(at))
		if !ok {
			return nil
		}
		if index >= 0 {
			// ok, err := helper(p): the helper's boolean result.
			call, ok := ast.Unparen(d).(*ast.CallExpr)
			if !ok {
				return nil
			}
			c := s.checkOfCall(call)
			if c == nil || c.helper == nil || c.helper.index != index {
				return nil
			}
			return helperFacts(c, val)
		}
		return s.facts(d, val, d.Pos(), depth+1)
	}
	return s.fileInfoFacts(e, at)
}

func flip(o outcome) outcome {
	switch o {
	case outMissing:
		return outPresent
	case outPresent:
		return outMissing
	}
	return o
}

// methodOf returns the exact key of the method a selector calls, or the
// zero Func.
func methodOf(info *types.Info, sel *ast.SelectorExpr) tempmodel.Func {
	fn, _ := info.Uses[sel.Sel].(*types.Func)
	return tempmodel.FuncOf(fn)
}

// point returns the graph point of the node containing pos.
func (s *fnState) point(pos token.Pos) flow.Point { return s.g.LocatePos(pos, pos+1) }

// reachingCheck returns the check whose result v is at position at: the
// check's statement is the reaching assignment of v there.
func (s *fnState) reachingCheck(v *types.Var, at token.Pos, result func(*check) *types.Var) *check {
	node, ok := s.g.ReachingDef(s.pass.TypesInfo, v, s.point(at))
	if !ok {
		return nil
	}
	for _, c := range s.checks {
		if result(c) == v && c.stmt == node {
			return c
		}
	}
	return nil
}

// checkErr returns the check whose error result e is at position at:
// either the check call itself or its error variable, not reassigned.
func (s *fnState) checkErr(e ast.Expr, at token.Pos) *check {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		if c := s.checkOfCall(call); c != nil && c.errIsResult {
			return c
		}
		return nil
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := s.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	return s.reachingCheck(v, at, func(c *check) *types.Var { return c.errVar })
}

// checkInfo returns the check whose FileInfo result variable is e at at.
func (s *fnState) checkInfo(e ast.Expr, at token.Pos) *check {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := s.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	return s.reachingCheck(v, at, func(c *check) *types.Var { return c.fiVar })
}

func (s *fnState) nilFacts(x ast.Expr, isNil bool, at token.Pos) []fact {
	if c := s.checkErr(x, at); c != nil {
		switch c.kind {
		case kindHelper:
			// nil: what the wrapper checks holds; an error says little
			// (it may be any failure).
			if isNil {
				return helperFacts(c, true)
			}
			return nil
		case kindAccessPerm:
			if isNil {
				return []fact{{c: c, out: outPerm}}
			}
			return nil
		default:
			// err != nil: missing, or any other failure.
			if isNil {
				return []fact{{c: c, out: outPresent}}
			}
			return []fact{{c: c, out: outMissing, orFailed: true}}
		}
	}
	if c := s.checkInfo(x, at); c != nil {
		// fi == nil exactly when the check failed.
		if isNil {
			return []fact{{c: c, out: outMissing, orFailed: true}}
		}
		return []fact{{c: c, out: outPresent}}
	}
	return nil
}

// errTestFacts handles os.IsNotExist(err), os.IsExist(err) and
// errors.Is(err, fs.ErrNotExist|fs.ErrExist|syscall.ENOENT|syscall.EEXIST).
func (s *fnState) errTestFacts(call *ast.CallExpr, val bool, at token.Pos) []fact {
	errArg, notExist, ok := tempmodel.ExistTest(s.pass.TypesInfo, call)
	if !ok {
		return nil
	}
	c := s.checkErr(errArg, at)
	if c == nil {
		return nil
	}
	if c.kind == kindAccessPerm || c.kind == kindHelper {
		return nil
	}
	// os.IsNotExist(err) true: missing; false: present, or another
	// failure. os.IsExist(err) false: anything but "exists" (a Stat
	// never reports that), so the branch says at most "missing, or failed".
	missing := notExist == val
	if missing {
		return []fact{{c: c, out: outMissing, specific: true, orFailed: !notExist}}
	}
	return []fact{{c: c, out: outPresent, specific: true, orFailed: notExist}}
}

// fileInfoFacts classifies a condition that tests the FileInfo of a check:
// its type (IsDir, IsRegular, Mode().Type(), ModeDir...), whether it is a
// symlink (ModeSymlink, or IsRegular/Type() after Lstat) or its
// permissions and owner (Mode().Perm(), mode bit masks, Sys().Uid). Either
// value of such a condition is a fact of the same kind.
func (s *fnState) fileInfoFacts(e ast.Expr, at token.Pos) []fact {
	info := s.pass.TypesInfo
	var c *check
	symlink, perm, typ := false, false, false
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			// m where m := fi.Mode()
			if v, ok := info.Uses[x].(*types.Var); ok && fileapi.IsFileMode(v.Type()) {
				if cc := s.infoOrMode(x, at); cc != nil {
					c = cc
				}
			}
		case *ast.SelectorExpr:
			switch fileapi.ModeConst(info.Uses[x.Sel]) {
			case fileapi.ModeBitsSymlink:
				symlink = true
			case fileapi.ModeBitsType:
				typ = true
			case fileapi.ModeBitsPerm:
				perm = true
			}
			// st.Uid / st.Gid where st := fi.Sys().(*syscall.Stat_t)
			if fileapi.IsStatOwner(info.Selections[x]) {
				if cc := s.statTOwner(x.X, at); cc != nil {
					c, perm = cc, true
				}
			}
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			switch m := methodOf(info, sel); m {
			case fileapi.InfoIsDir, fileapi.ModeIsDir, fileapi.ModeIsRegular, fileapi.ModeType:
				if cc := s.infoOrMode(sel.X, at); cc != nil {
					c = cc
					// After Lstat, a regular file or its type says it
					// is no symlink; a directory test does not.
					if cc.kind == kindLstat && m != fileapi.InfoIsDir && m != fileapi.ModeIsDir {
						symlink = true
					} else {
						typ = true
					}
				}
			case fileapi.ModePerm:
				if cc := s.infoOrMode(sel.X, at); cc != nil {
					c, perm = cc, true
				}
			case fileapi.InfoMode:
				if cc := s.checkInfo(sel.X, at); cc != nil {
					c = cc
				}
			}
		case *ast.BinaryExpr:
			// fi.Mode()&0o022 != 0: a constant permission mask.
			if x.Op == token.AND || x.Op == token.AND_NOT {
				for _, side := range []ast.Expr{x.X, x.Y} {
					if tv, ok := info.Types[side]; ok && tv.Value != nil {
						if v, ok := s.m.ConstInt(side); ok && v != 0 && v&^0o7777 == 0 {
							perm = true
						}
					}
				}
			}
		}
		return true
	})
	if c == nil {
		return nil
	}
	switch {
	case symlink:
		return []fact{{c: c, out: outSymlink}}
	case perm:
		return []fact{{c: c, out: outPerm}}
	case typ:
		return []fact{{c: c, out: outType}}
	}
	return nil
}

// infoOrMode matches fi or fi.Mode() for the FileInfo of a check, also
// through a variable assigned once (m := fi.Mode()).
func (s *fnState) infoOrMode(e ast.Expr, at token.Pos) *check {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := s.pass.TypesInfo.Uses[id].(*types.Var); ok && !s.isInfoVar(v) {
			d, index, ok := s.m.DefAt(s.g, v, s.point(at))
			if !ok || index >= 0 {
				return nil
			}
			e, at = ast.Unparen(d), d.Pos()
		}
	}
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 0 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && methodOf(s.pass.TypesInfo, sel) == fileapi.InfoMode {
			return s.checkInfo(sel.X, at)
		}
		return nil
	}
	return s.checkInfo(e, at)
}

// statTOwner matches fi.Sys().(*syscall.Stat_t) or a variable assigned
// once from it.
func (s *fnState) statTOwner(e ast.Expr, at token.Pos) *check {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		v, ok := s.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok {
			return nil
		}
		xs, _, complete := s.m.Defs(v)
		if !complete || len(xs) != 1 || xs[0] == nil {
			return nil
		}
		e = ast.Unparen(xs[0])
		at = e.Pos()
	}
	if ta, ok := e.(*ast.TypeAssertExpr); ok {
		e = ast.Unparen(ta.X)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || methodOf(s.pass.TypesInfo, sel) != fileapi.InfoSys {
		return nil
	}
	return s.checkInfo(sel.X, at)
}

// isInfoVar reports whether v is the FileInfo result of a check.
func (s *fnState) isInfoVar(v *types.Var) bool {
	for _, c := range s.checks {
		if c.fiVar == v {
			return true
		}
	}
	return false
}

// missingOrType handles err != nil || !fi.IsDir() (true) and
// err == nil && fi.IsDir() (false): missing, or present with the wrong
// type; for creators that is "not there as wanted", the missing case.
func missingOrType(fa, fb []fact) []fact {
	var c *check
	orFailed := false
	for _, f := range fa {
		if f.out == outMissing {
			c, orFailed = f.c, f.orFailed
		}
	}
	if c == nil || len(fb) == 0 {
		return nil
	}
	for _, f := range fb {
		if f.c != c || f.out != outType {
			return nil
		}
	}
	return []fact{{c: c, out: outMissing, orType: true, orFailed: orFailed}}
}

// missingOrLink handles err == nil && fi.Mode()&os.ModeSymlink != 0
// (false): missing, or present and not a symlink (or with acceptable
// permissions). Both halves trust the check; the symlink (permission) test
// is the one that matters for the message.
func missingOrLink(fa, fb []fact) []fact {
	var c *check
	for _, f := range fa {
		if f.out == outMissing {
			c = f.c
		}
	}
	if c == nil || len(fb) == 0 {
		return nil
	}
	out := fb[0].out
	for _, f := range fb {
		if f.c != c || f.out != out || out != outSymlink && out != outPerm {
			return nil
		}
	}
	return []fact{{c: c, out: out}}
}

// unlessOption returns the facts of one operand of a && b (false) or
// a || b (true) when the other operand is an unrelated option: it tests
// none of the function's checks. On every path where the option does not
// decide, the operand does.
func (s *fnState) unlessOption(a, b ast.Expr, val bool, at token.Pos, depth int) []fact {
	fa, fb := s.facts(a, val, at, depth), s.facts(b, val, at, depth)
	if fs := missingOrType(fa, fb); fs != nil {
		return fs
	}
	if fs := missingOrType(fb, fa); fs != nil {
		return fs
	}
	if fs := missingOrLink(fa, fb); fs != nil {
		return fs
	}
	if fs := missingOrLink(fb, fa); fs != nil {
		return fs
	}
	switch {
	case len(fa) > 0 && len(fb) == 0 && s.unrelated(b):
		return asOption(fa)
	case len(fb) > 0 && len(fa) == 0 && s.unrelated(a):
		return asOption(fb)
	}
	return nil
}

// asOption marks facts that hold only when an option does not decide.
func asOption(fs []fact) []fact {
	out := make([]fact, len(fs))
	for i, f := range fs {
		f.option = true
		out[i] = f
	}
	return out
}

// unrelated reports whether e is an option, a boolean variable or field
// such as force or opts.Overwrite (possibly negated), that mentions no
// check call or result. Calls (expired(p)) are data, not options.
func (s *fnState) unrelated(e ast.Expr) bool {
	x := ast.Unparen(e)
	for {
		if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.NOT {
			x = ast.Unparen(u.X)
			continue
		}
		break
	}
	for {
		switch y := x.(type) {
		case *ast.SelectorExpr:
			x = ast.Unparen(y.X)
			continue
		case *ast.StarExpr:
			x = ast.Unparen(y.X)
			continue
		}
		break
	}
	if _, ok := x.(*ast.Ident); !ok {
		return false
	}
	for _, c := range s.checks {
		if containsNode(e, c.call) || tempmodel.Refers(s.pass.TypesInfo, e, c.errVar) || tempmodel.Refers(s.pass.TypesInfo, e, c.fiVar) {
			return false
		}
	}
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID && ok {
			// a boolean derived from a check (exists := err == nil)
			if v, isVar := s.pass.TypesInfo.Uses[id].(*types.Var); isVar && flow.IsBool(v.Type()) {
				if len(s.facts(id, true, e.Pos(), 3)) > 0 {
					ok = false
				}
			}
		}
		return ok
	})
	return ok
}

// helperFacts is what a wrapper's result says: exists/missing, or (for an
// access(2) wrapper) permission granted when true and nothing when false.
func helperFacts(c *check, val bool) []fact {
	out := c.helper.trueMeans
	if out == outPerm {
		if !val {
			return nil
		}
		return []fact{{c: c, out: outPerm}}
	}
	if !val {
		out = flip(out)
	}
	orFailed := out == outMissing && c.helper.missingOrFailed || out == outPresent && c.helper.presentOrFailed
	return []fact{{c: c, out: out, specific: true, orType: out == outMissing && c.helper.orType, orFailed: orFailed}}
}
