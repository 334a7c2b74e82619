package checkthenopen

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/flow"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// Analyzer is the checkthenopen pass.
var Analyzer = &analysis.Analyzer{
	Name:     "checkthenopen",
	Doc:      docText,
	URL:      "https://github.com/tempguard/tempguard#checkthenopen",
	Requires: []*analysis.Analyzer{tempmodel.Analyzer},
	Run:      run,
}

type checkKind uint8

const (
	kindStat       checkKind = iota // os.Stat
	kindLstat                       // os.Lstat
	kindAccess                      // access(2) with F_OK: an existence check
	kindAccessPerm                  // access(2) with R_OK/W_OK/X_OK or an unknown mode
	kindHelper                      // a function that wraps an existence check
)

// check is one call that inspects a path.
type check struct {
	call   *ast.CallExpr
	name   string // "os.Stat", "syscall.Access", "fileExists"
	kind   checkKind
	path   ast.Expr
	stmt   ast.Node // the CFG node containing the call
	errVar *types.Var
	fiVar  *types.Var
	// errIsResult: the call's (only or last) result is the error, so the
	// call can be tested directly (syscall.Access(p, m) == nil).
	errIsResult bool
	helper      *helperSummary
	assign      *ast.AssignStmt // the statement binding the results, if any
	// root: the *os.Root of a Root.Stat/Lstat check (the name is looked
	// up in it), or nil.
	root ast.Expr
}

// useClass says what an operation does to its path argument.
type useClass uint8

const (
	useCreate    useClass = iota // creates (or truncates) a file, following symlinks
	useMkdir                     // os.Mkdir/MkdirAll
	useLink                      // os.Symlink/Link new name
	useRenameDst                 // os.Rename target
	useModify                    // os.Chmod/Chown: follows symlinks
	useRemove                    // os.Remove/RemoveAll, os.Rename source: no follow
	useOpen                      // os.Open, ReadFile, OpenFile without O_CREATE
)

type useArg struct {
	expr  ast.Expr
	class useClass
}

type use struct {
	call *ast.CallExpr
	f    tempmodel.Func
	args []useArg
	// nofollow: an OpenFile with O_NOFOLLOW.
	nofollow bool
	// root: the *os.Root of a Root method (its names are looked up in
	// it, and symlinks cannot lead out of it), or nil.
	root ast.Expr
}

type fnState struct {
	pass   *analysis.Pass
	m      *tempmodel.Model
	fn     ast.Node
	g      *flow.Graph
	checks []*check
	byCall map[*ast.CallExpr]*check
	uses   []*use
	// conds: the live blocks ending in a boolean condition.
	conds []*cfg.Block
	// sameFile: FileInfo variables compared with os.SameFile in the
	// function (the handle was verified after opening).
	sameFile map[*types.Var]bool
	// locks: positions of calls that take an inter-process lock (an
	// O_CREATE|O_EXCL lock file, flock(2), lockedfile, gofrs/flock).
	locks []token.Pos
}

func (s *fnState) checkOfCall(call *ast.CallExpr) *check { return s.byCall[call] }

// samePath reports whether the use's path expression x (at position at)
// denotes the same path as the check's (the shared same-value query):
// looked up in the same *os.Root (the same root variable), or both
// outside any root.
func (s *fnState) samePath(c *check, x, root ast.Expr, at token.Pos) bool {
	var vars []*types.Var
	if (c.root == nil) != (root == nil) || root != nil && !s.m.SameOperands(s.fn, c.root, root, &vars) || !s.m.SameOperands(s.fn, c.path, x, &vars) {
		return false
	}
	return s.m.Unchanged(s.g, vars, c.stmt, s.point(at))
}

func run(pass *analysis.Pass) (any, error) {
	m := tempmodel.Get(pass)
	if !m.Relevant {
		return nil, nil
	}

	type group struct {
		checks []*check
		uses   []*use
		same   map[*types.Var]bool
		locks  []token.Pos
	}
	groups := map[ast.Node]*group{}
	var order []ast.Node
	get := func(cur inspector.Cursor) *group {
		for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			fn := fc.Node()
			g := groups[fn]
			if g == nil {
				g = &group{same: map[*types.Var]bool{}}
				groups[fn] = g
				order = append(order, fn)
			}
			return g
		}
		return nil
	}
	for cur := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn, f := tempmodel.Callee(pass.TypesInfo, call)
		if fn == nil {
			continue
		}
		if c := newCheck(pass, m, cur, call, fn, f); c != nil {
			if g := get(cur); g != nil {
				g.checks = append(g.checks, c)
			}
			continue
		}
		if u := newUse(m, call, fn, f); u != nil {
			if g := get(cur); g != nil {
				g.uses = append(g.uses, u)
			}
			continue
		}
		if m.TakesLock(call) {
			if g := get(cur); g != nil {
				g.locks = append(g.locks, call.Pos())
			}
			continue
		}
		if f.Is("os", "SameFile") {
			if g := get(cur); g != nil {
				for _, a := range call.Args {
					if id, ok := ast.Unparen(a).(*ast.Ident); ok {
						if v, ok := pass.TypesInfo.Uses[id].(*types.Var); ok {
							g.same[v] = true
						}
					}
				}
			}
		}
	}
	for _, fn := range order {
		g := groups[fn]
		if len(g.uses) == 0 || len(g.checks) == 0 && !mayFree(g.uses) {
			continue
		}
		gr := m.Graph(fn)
		if gr == nil {
			continue
		}
		s := &fnState{
			pass: pass, m: m, fn: fn,
			g:        gr,
			checks:   g.checks,
			byCall:   map[*ast.CallExpr]*check{},
			uses:     g.uses,
			sameFile: g.same,
			locks:    g.locks,
		}
		for _, c := range s.checks {
			c.stmt = s.point(c.call.Pos()).Node()
			s.byCall[c.call] = c
		}
		if len(s.checks) > 0 {
			s.analyze()
		}
		s.freed()
	}
	return nil, nil
}

// newCheck recognizes a check call and its result variables.
func newCheck(pass *analysis.Pass, m *tempmodel.Model, cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, f tempmodel.Func) *check {
	c := &check{call: call}
	pathArg := 0
	switch {
	case f.Is("os", "Stat"):
		c.kind, c.name = kindStat, "os.Stat"
	case f.Is("os", "Lstat"):
		c.kind, c.name = kindLstat, "os.Lstat"
	case f.IsMethod("os", "Root", "Stat"), f.IsMethod("os", "Root", "Lstat"):
		c.root = methodRecv(pass.TypesInfo, call)
		if c.root == nil {
			return nil
		}
		c.kind, c.name = kindStat, "Root.Stat"
		if f.Name == "Lstat" {
			c.kind, c.name = kindLstat, "Root.Lstat"
		}
	case fileapi.SysPkg(f.Pkg) && f.Recv == "" && (f.Name == "Access" || f.Name == "Faccessat"):
		modeArg := 1
		if f.Name == "Faccessat" {
			pathArg, modeArg = 1, 2
		}
		pkg := "syscall"
		if f.Pkg != "syscall" {
			pkg = "unix"
		}
		c.name = pkg + "." + f.Name
		c.kind = kindAccessPerm
		if modeArg < len(call.Args) {
			if v, ok := m.ConstInt(call.Args[modeArg]); ok && v == 0 {
				c.kind = kindAccess
			}
		}
		c.errIsResult = true
	default:
		h := helperFor(m, fn)
		if h == nil {
			return nil
		}
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
			// Only x.exists(p): a method expression T.exists(x, p) shifts
			// the arguments.
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || pass.TypesInfo.Selections[sel] == nil || pass.TypesInfo.Selections[sel].Kind() != types.MethodVal {
				return nil
			}
		}
		c.kind, c.helper, c.name = kindHelper, h, fn.Name()
		pathArg = h.param
	}
	if pathArg >= len(call.Args) {
		return nil
	}
	c.path = call.Args[pathArg]
	if c.kind == kindHelper {
		if !c.helper.errResult {
			return c
		}
		// err := ensureAbsent(p): the error result is tested like access(2)'s.
		c.errIsResult = true
	}
	// Result variables: fi, err := os.Stat(p) / err := syscall.Access(p, m)
	// / var _, err = os.Stat(p).
	var lhs []ast.Expr
	switch par := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(par.Rhs) == 1 && par.Rhs[0] == call {
			c.assign = par
			lhs = par.Lhs
		}
	case *ast.ValueSpec:
		if len(par.Values) == 1 && par.Values[0] == call {
			for _, id := range par.Names {
				lhs = append(lhs, id)
			}
		}
	}
	if lhs != nil {
		varOf := func(e ast.Expr) *types.Var {
			id, ok := e.(*ast.Ident)
			if !ok {
				return nil
			}
			if v, ok := pass.TypesInfo.Defs[id].(*types.Var); ok {
				return v
			}
			v, _ := pass.TypesInfo.Uses[id].(*types.Var)
			return v
		}
		switch {
		case c.errIsResult && len(lhs) == 1:
			c.errVar = varOf(lhs[0])
		case !c.errIsResult && len(lhs) == 2:
			c.fiVar = varOf(lhs[0])
			c.errVar = varOf(lhs[1])
		}
	}
	return c
}

// certainFlag reports whether the OpenFile of u has flag x on every path.
func (s *fnState) certainFlag(u *use, x fileapi.Flags) bool {
	fn, _ := tempmodel.Callee(s.pass.TypesInfo, u.call)
	flags, ok := s.m.FlagsOf(u.call.Args[1], fn)
	return ok && flags.Has(x)
}

// methodRecv returns x of a method call x.M(...), or nil (a method
// expression T.M(x, ...) or a function).
func methodRecv(info *types.Info, call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || info.Selections[sel] == nil || info.Selections[sel].Kind() != types.MethodVal {
		return nil
	}
	return sel.X
}

// newUse recognizes an operation on a path.
func newUse(m *tempmodel.Model, call *ast.CallExpr, fn *types.Func, f tempmodel.Func) *use {
	u := &use{call: call, f: f}
	arg := func(i int, cl useClass) {
		if i < len(call.Args) {
			u.args = append(u.args, useArg{call.Args[i], cl})
		}
	}
	if f.Pkg == "os" && f.Recv == "Root" {
		// The *os.Root methods: the same operations on names inside
		// the root.
		if u.root = methodRecv(m.Pass().TypesInfo, call); u.root == nil {
			return nil
		}
		switch f.Name {
		case "Create", "WriteFile":
			arg(0, useCreate)
		case "OpenFile":
			if len(call.Args) < 2 {
				return nil
			}
			known, create, excl := m.OpenFlags(call.Args[1])
			switch {
			case known && create && excl:
				return nil
			case known && create:
				arg(0, useCreate)
			default:
				arg(0, useOpen)
			}
		case "Mkdir", "MkdirAll":
			arg(0, useMkdir)
		case "Symlink", "Link":
			arg(1, useLink)
		case "Rename":
			arg(0, useRemove)
			arg(1, useRenameDst)
		case "Chmod", "Chown", "Lchown":
			arg(0, useModify)
		case "Remove", "RemoveAll":
			arg(0, useRemove)
		case "Open", "ReadFile":
			arg(0, useOpen)
		}
		if len(u.args) == 0 {
			return nil
		}
		return u
	}
	switch {
	case f.Is("os", "Create"), f.Is("os", "WriteFile"), f.Is("io/ioutil", "WriteFile"):
		arg(0, useCreate)
	case f.Is("os", "OpenFile"):
		if len(call.Args) < 2 {
			return nil
		}
		known, create, excl := m.OpenFlags(call.Args[1])
		switch {
		case known && create && excl:
			return nil // race-free exclusive create
		case known && create:
			arg(0, useCreate)
		default:
			arg(0, useOpen)
		}
		// O_NOFOLLOW by its value, also through a variable
		// (flags := os.O_RDONLY | unix.O_NOFOLLOW).
		flags, ok := m.FlagsOf(call.Args[1], fn)
		u.nofollow = ok && flags.Has(fileapi.FlagNoFollow)
	case f.Is("os", "Mkdir"), f.Is("os", "MkdirAll"):
		arg(0, useMkdir)
	case f.Is("os", "Symlink"), f.Is("os", "Link"):
		arg(1, useLink)
	case f.Is("os", "Rename"):
		arg(0, useRemove)
		arg(1, useRenameDst)
	case f.Is("os", "Chmod"), f.Is("os", "Chown"):
		arg(0, useModify)
	case f.Is("os", "Remove"), f.Is("os", "RemoveAll"):
		arg(0, useRemove)
	case f.Is("os", "Open"), f.Is("os", "ReadFile"), f.Is("io/ioutil", "ReadFile"):
		arg(0, useOpen)
	default:
		return nil
	}
	if len(u.args) == 0 {
		return nil
	}
	return u
}

// flags reports whether an operation of class cl trusts outcome out. In
// an *os.Root (inRoot) symlinks cannot lead out of the root: only the
// existence races remain (another process creates the name first, or
// removes it).
func flags(out outcome, cl useClass, inRoot bool) bool {
	if inRoot {
		switch out {
		case outMissing:
			return cl == useCreate || cl == useMkdir || cl == useLink || cl == useRenameDst
		case outPresent:
			return cl == useRemove
		}
		return false
	}
	switch out {
	case outMissing:
		return cl == useCreate || cl == useMkdir || cl == useLink || cl == useRenameDst
	case outPresent:
		return cl == useModify || cl == useRemove
	case outType:
		return cl == useModify
	case outSymlink:
		return cl != useRemove
	case outPerm:
		return cl != useRemove // Remove does not follow symlinks
	}
	return false
}

// guard is a condition edge that selects the use.
type guard struct {
	f   fact
	arg useArg
	// option: the use is also reachable on the other outcome through an
	// option (err == nil && !force): a fix that makes the use fail on an
	// existing path would break the option, so none is offered.
	option bool
}

func (s *fnState) analyze() {
	// Condition edges, their facts and the blocks only they lead to.
	type condEdge struct {
		flow.Edge
		facts []fact
		dom   flow.BlockSet
	}
	var edges []condEdge
	s.conds = nil
	for _, b := range s.g.CFG.Blocks {
		e, ok := s.g.BoolCond(s.pass.TypesInfo, b)
		if !ok {
			continue
		}
		s.conds = append(s.conds, b)
		for i, val := range []bool{true, false} {
			if fs := s.facts(e, val, e.Pos(), 0); len(fs) > 0 {
				edge := flow.Edge{Block: b, Succ: i}
				edges = append(edges, condEdge{edge, fs, s.g.OnlyThrough(edge)})
			}
		}
	}
	if len(edges) == 0 {
		return
	}
	for _, u := range s.uses {
		ub := s.point(u.call.Pos()).Block
		if ub == nil {
			continue
		}
		var best *guard
		for _, e := range edges {
			blk := e.Block
			dom := e.dom.Has(ub)
			for _, f := range e.facts {
				for _, a := range u.args {
					if !flags(f.out, a.class, u.root != nil) {
						continue
					}
					if !s.samePath(f.c, a.expr, u.root, u.call.Pos()) {
						continue
					}
					if !dom && !s.guardedUnlessOption(blk, e.Succ, ub, f.c) {
						continue
					}
					if !s.trusts(f, a, u, blk, e.Succ) {
						continue
					}
					g := &guard{f, a, !dom || f.option}
					// The latest check decides; of two tests of the same
					// check that both guard the use, the exact one says
					// what the check reported (err == nil returns first,
					// then !os.IsNotExist(err) returns: found it missing).
					sameCheck := best != nil && best.option == g.option && f.c == best.f.c
					if best == nil || best.option && !g.option || best.option == g.option && f.c.call.Pos() > best.f.c.call.Pos() ||
						sameCheck && best.f.orFailed && !f.orFailed && f.out == best.f.out {
						best = g
					}
				}
			}
		}
		if best != nil {
			s.report(u, best)
		}
	}
}

// trusts applies the rules that tell a decision from error handling and
// race-free shapes from racy ones.
func (s *fnState) trusts(f fact, a useArg, u *use, b *cfg.Block, succ int) bool {
	// A path in a private directory (os.MkdirTemp, t.TempDir) cannot be
	// raced by another user.
	if p := s.m.Prov(a.expr); p.Loc == tempmodel.LocPrivate && p.LocFrom == 0 {
		return false
	}
	p := s.m.Prov(a.expr)
	// A _test.go file races only with itself (go test runs in a checkout
	// its user owns: golden files, testdata fixtures), unless the path is
	// in a shared temp dir.
	if p.Loc != tempmodel.LocShared && (strings.HasSuffix(s.pass.Fset.File(u.call.Pos()).Name(), "_test.go") || s.m.TestHelper(s.fn)) {
		return false
	}
	// Check and use under an inter-process lock taken before the check
	// (telemetry's upload: O_EXCL lock file, then Stat, then WriteFile):
	// the program serializes its own instances deliberately.
	if p.Loc != tempmodel.LocShared {
		for _, l := range s.locks {
			if l < f.c.call.Pos() {
				return false
			}
		}
	}
	// In a test, if cond { t.Fatal(...) } is an assertion, not a decision.
	if s.m.StopsTest(s.g, flow.Edge{Block: b, Succ: 1 - succ}) {
		return false
	}
	// Publishing a fresh temp file over the target (os.Rename(tmp.Name(),
	// dst)) is the atomic-replace idiom: clobbering is intended.
	if a.class == useRenameDst && len(u.call.Args) == 2 {
		if p := s.m.Prov(u.call.Args[0]); p.Name == tempmodel.NameRandom || p.Loc == tempmodel.LocPrivate {
			return false
		}
	}
	switch f.out {
	case outSymlink, outPerm:
		if a.class == useOpen {
			if u.nofollow {
				return false
			}
			// The handle is verified after opening (os.SameFile).
			if f.c.fiVar != nil && s.sameFile[f.c.fiVar] {
				return false
			}
		}
	case outPresent:
		// if err != nil { return err } ... os.Remove(p): the check only
		// propagates its error; it decides nothing.
		if !f.specific && f.c.kind != kindHelper && s.propagates(f.c, b, 1-succ) {
			return false
		}
		// if os.IsNotExist(err) { return fmt.Errorf("no such file") }:
		// a missing file is an error either way, the race only changes
		// which error is reported.
		if s.m.ErrorExit(s.g, flow.Edge{Block: b, Succ: 1 - succ}) {
			return false
		}
		// err == nil && fi.ModTime().Before(cutoff): the decision is
		// about the file's data (age, size), not its existence.
		if f.c.fiVar != nil && s.dataTest(f.c, u) {
			return false
		}
	case outMissing:
		// Stat, then MkdirAll: the check is redundant only when its other
		// outcome does nothing of its own (goes on where the MkdirAll
		// branch goes on, or returns constants). If it returns an error or
		// does something else, the check is the program's behaviour, and
		// MkdirAll accepts a directory that appears in between. In a
		// shared temp dir the race itself matters (another user can own
		// the directory): still reported.
		if a.class == useMkdir && u.f.Name == "MkdirAll" && s.m.Prov(a.expr).Loc != tempmodel.LocShared && !s.m.Passive(s.g, flow.Edge{Block: b, Succ: 1 - succ}) {
			return false
		}
		// if err == nil && fi.IsDir() { return errIsDir }; os.WriteFile:
		// the type test is the point, not the absence.
		if f.orType && a.class != useMkdir {
			return false
		}
		// os.Rename replaces the target atomically and does not follow a
		// symlink there: the race matters only to code that refuses to
		// clobber (the other outcome is an error), not to a cache that
		// returns early when the target is already there.
		if a.class == useRenameDst && !s.m.ErrorExit(s.g, flow.Edge{Block: b, Succ: 1 - succ}) {
			return false
		}
		// Mkdir, Symlink and Link fail if the path appeared; a function
		// that then tests for fs.ErrExist or checks the path again
		// handles the race.
		if a.class == useMkdir && u.f.Name == "Mkdir" || a.class == useLink {
			if s.handlesExist(u, a) {
				return false
			}
			// if exists { return errExists }; os.Mkdir(p): Mkdir, Symlink
			// and Link fail on an existing path by themselves, so losing
			// the race only changes which error is returned.
			if s.m.ErrorExit(s.g, flow.Edge{Block: b, Succ: 1 - succ}) {
				return false
			}
		}
	}
	return true
}

// guardedUnlessOption handles
//
//	if _, err := os.Stat(p); err == nil && !force { return errExists }
//	os.WriteFile(p, ...)
//
// The use is reachable on the check's other outcome only through an
// unrelated condition (an option) that otherwise leaves the function: on
// every path where the option is off, the check decides the use.
func (s *fnState) guardedUnlessOption(b *cfg.Block, succ int, ub *cfg.Block, c *check) bool {
	other := s.g.OnlyThrough(flow.Edge{Block: b, Succ: 1 - succ})
	cut := []flow.Edge{{Block: b, Succ: succ}}
	for _, cb := range s.conds {
		if !other.Has(cb) {
			continue
		}
		if e, _ := s.g.BoolCond(s.pass.TypesInfo, cb); !s.unrelated(e) {
			continue
		}
		r0, r1 := s.g.BlockReaches(cb.Succs[0], ub), s.g.BlockReaches(cb.Succs[1], ub)
		switch {
		case r0 && !r1:
			cut = append(cut, flow.Edge{Block: cb, Succ: 0})
		case r1 && !r0:
			cut = append(cut, flow.Edge{Block: cb, Succ: 1})
		}
	}
	if len(cut) == 1 {
		return false // no option
	}
	return !s.g.BlockReaches(s.g.CFG.Blocks[0], ub, cut...)
}

func containsNode(root, n ast.Node) bool {
	return n != nil && root.Pos() <= n.Pos() && n.End() <= root.End()
}

// refersInfo reports whether n mentions the FileInfo variable fi, or a
// variable assigned once from an expression that does (m := fi.Mode()).
func (s *fnState) refersInfo(n ast.Node, fi *types.Var) bool {
	if tempmodel.Refers(s.pass.TypesInfo, n, fi) {
		return true
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !found {
			if v, ok := s.pass.TypesInfo.Uses[id].(*types.Var); ok && v != fi {
				if xs, _, complete := s.m.Defs(v); complete && len(xs) == 1 && xs[0] != nil && tempmodel.Refers(s.pass.TypesInfo, xs[0], fi) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// dataTest reports whether a condition that decides the use tests the
// check's FileInfo.
func (s *fnState) dataTest(c *check, u *use) bool {
	ub := s.point(u.call.Pos()).Block
	for _, b := range s.conds {
		e, _ := s.g.BoolCond(s.pass.TypesInfo, b)
		if !s.refersInfo(e, c.fiVar) {
			continue
		}
		if s.g.OnlyThrough(flow.Edge{Block: b, Succ: 0}).Has(ub) || s.g.OnlyThrough(flow.Edge{Block: b, Succ: 1}).Has(ub) {
			return true
		}
	}
	return false
}

// handlesExist reports whether, after the use, the function tests an
// error for fs.ErrExist or checks the same path again.
func (s *fnState) handlesExist(u *use, a useArg) bool {
	for _, c := range s.checks {
		if c.call.Pos() > u.call.End() && c.helper == nil {
			if s.samePath(c, a.expr, u.root, c.call.Pos()) {
				return true
			}
		}
	}
	found := false
	ast.Inspect(s.fn, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if n.End() <= u.call.End() {
			return false // entirely before the use
		}
		if call, ok := n.(*ast.CallExpr); ok && call.Pos() > u.call.End() {
			if _, notExist, ok := tempmodel.ExistTest(s.pass.TypesInfo, call); ok && !notExist {
				found = true
			}
		}
		return !found
	})
	return found
}

// propagates reports whether the blocks only the failure edge (b, succ)
// leads to use the check's error other than in an existence test.
func (s *fnState) propagates(c *check, b *cfg.Block, succ int) bool {
	if c.errVar == nil {
		return false
	}
	info := s.pass.TypesInfo
	uses, exist := false, false
	for blk := range s.g.OnlyThrough(flow.Edge{Block: b, Succ: succ}).All() {
		for _, n := range blk.Nodes {
			ast.Inspect(n, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.CallExpr:
					if _, _, ok := tempmodel.ExistTest(info, x); ok {
						exist = true
						return false
					}
				case *ast.Ident:
					if info.Uses[x] == c.errVar {
						uses = true
					}
				}
				return true
			})
		}
	}
	return uses && !exist
}

func (s *fnState) report(u *use, g *guard) {
	c := g.f.c
	useName := u.f.String()
	checkName := c.name
	pathSrc := s.m.Source(g.arg.expr)
	if len(pathSrc) > 40 {
		pathSrc = "the path"
	}
	var why string
	p := s.m.Prov(g.arg.expr)
	switch {
	case p.Loc == tempmodel.LocShared:
		dir := p.Dir
		if dir == "" {
			dir = "a shared temp dir"
		}
		why = fmt.Sprintf("%s is in the shared temp dir %s, where any local user can ", pathSrc, dir)
	default:
		if src := s.m.UserInput(g.arg.expr); src != "" {
			why = fmt.Sprintf("%s comes from user input (%s) and another process can ", pathSrc, src)
		} else {
			why = "another process can "
		}
	}
	var msg string
	said := g.f.said("")
	// ns qualifies the calls the message suggests: "os" or, in an
	// *os.Root, "Root" (whose symlinks stay inside the root).
	ns := "os"
	if u.root != nil {
		ns = "Root"
	}
	switch g.f.out {
	case outMissing:
		what := "create it or plant a symlink there in between"
		if u.root != nil {
			what = "create it in between"
		}
		switch g.arg.class {
		case useCreate:
			todo := "create it with " + ns + ".OpenFile and os.O_CREATE|os.O_EXCL instead"
			if u.f.Name == "OpenFile" {
				todo = "add os.O_EXCL to the flags"
			}
			if g.option {
				todo = "create it with os.O_CREATE|os.O_EXCL unless overwriting, and os.Rename a temp file over it when overwriting"
			}
			msg = fmt.Sprintf("%s(%s) after %s %s is racy: %s%s; %s", useName, pathSrc, checkName, said, why, what, todo)
		case useMkdir:
			if u.f.Name == "MkdirAll" && p.Loc == tempmodel.LocShared {
				msg = fmt.Sprintf("%s(%s) after %s %s is racy: %screate it first and own it; use os.MkdirTemp for a private directory", useName, pathSrc, checkName, said, why)
			} else if u.f.Name == "MkdirAll" {
				// The race itself is harmless (MkdirAll accepts an existing
				// directory): the check is redundant, say so.
				msg = fmt.Sprintf("%s(%s) after %s %s is a redundant, racy check: %s already succeeds if the directory exists; call it without the check", useName, pathSrc, checkName, said, useName)
			} else {
				msg = fmt.Sprintf("%s(%s) after %s %s is racy: %screate it in between; call %s alone and handle errors.Is(err, fs.ErrExist)", useName, pathSrc, checkName, said, why, useName)
			}
		case useLink:
			msg = fmt.Sprintf("%s(..., %s) after %s %s is racy: %screate it in between; call %s alone and handle errors.Is(err, fs.ErrExist)", useName, pathSrc, checkName, said, why, useName)
		case useRenameDst:
			msg = fmt.Sprintf("%s(..., %s) after %s %s is racy: %s%s and the rename replaces it; use %s.Link then %s.Remove to fail if the target exists", useName, pathSrc, checkName, g.f.said("the target"), why, what, ns, ns)
		}
	case outPresent:
		if g.arg.class == useRemove && u.f.Name == "Rename" {
			msg = fmt.Sprintf("%s(%s, ...) after %s %s is racy: %sremove or replace it in between; call %s alone and handle errors.Is(err, fs.ErrNotExist)", useName, pathSrc, checkName, said, why, useName)
		} else if g.arg.class == useRemove && u.f.Name == "RemoveAll" {
			msg = fmt.Sprintf("%s(%s) after %s %s is a redundant, racy check: %sremove or replace it in between; call %s alone (it returns nil if the path is missing)", useName, pathSrc, checkName, said, why, useName)
		} else if g.arg.class == useRemove {
			msg = fmt.Sprintf("%s(%s) after %s %s is racy: %sremove or replace it in between; call %s alone and ignore errors.Is(err, fs.ErrNotExist)", useName, pathSrc, checkName, said, why, useName)
		} else {
			msg = fmt.Sprintf("%s(%s) after %s %s is racy: %sreplace it with a symlink in between; open the file and call f.%s on it instead", useName, pathSrc, checkName, said, why, u.f.Name)
		}
	case outType:
		msg = fmt.Sprintf("%s(%s) trusts a file-type check by %s: %sreplace the path with a symlink in between; open the file, check f.Stat() and call f.%s instead", useName, pathSrc, checkName, why, u.f.Name)
	case outSymlink:
		todo := "open first, then compare f.Stat() with os.SameFile (or use os.Root)"
		if u.f.Is("os", "OpenFile") && len(u.call.Args) >= 2 && s.certainFlag(u, fileapi.FlagTrunc) {
			todo = "open without O_TRUNC, compare f.Stat() with os.SameFile, then call f.Truncate(0) (or use os.Root)"
		}
		msg = fmt.Sprintf("%s(%s) follows a symlink swapped in after the %s symlink check: %sreplace the path in between; %s", useName, pathSrc, checkName, why, todo)
	case outPerm:
		if c.kind == kindAccessPerm {
			msg = fmt.Sprintf("%s(%s) after %s is racy (access checks the real user, and %sreplace the path in between); open the file and handle the permission error instead", useName, pathSrc, checkName, strings.TrimSuffix(why, " "))
		} else {
			msg = fmt.Sprintf("%s(%s) trusts a permission check by %s: %sreplace the path in between; open the file and check f.Stat() on the handle instead", useName, pathSrc, checkName, why)
		}
	}
	if msg == "" {
		return
	}
	d := analysis.Diagnostic{
		Pos:      u.call.Pos(),
		End:      u.call.End(),
		Message:  msg,
		Category: s.category(u, g, p),
		Related: []analysis.RelatedInformation{{
			Pos:     c.call.Pos(),
			End:     c.call.End(),
			Message: fmt.Sprintf("%s checks %s here", checkName, s.m.Source(c.path)),
		}},
	}
	if fix := s.suggest(u, g); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	s.m.Report(s.pass, d)
}
