package flow_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/cfg"

	"github.com/tempguard/tempguard/passes/internal/flow"
)

const varSrc = `package p

import "os"

func f(p string, n int) error {
	_, err := os.Stat(p)
	if err != nil {
		_, err = os.Lstat(p)
		if n > 0 {
			return err
		}
	}
	q := p
	os.Remove(q)
	if n > 1 {
		q = "x"
	}
	os.Chmod(q, 0)
	switch err == nil {
	case n > 5:
		os.Exit(3)
	}
	for i := 0; i < n; i++ {
		os.Mkdir(p, 0)
	}
	r := p
	func() { r = "y" }()
	os.Truncate(r, 0)
	ptr := &n
	_ = ptr
	return err
}
`

type fixture struct {
	info *types.Info
	fd   *ast.FuncDecl
	g    *flow.Graph
}

func loadVars(t *testing.T) fixture {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", varSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	fd := f.Decls[1].(*ast.FuncDecl)
	exits := calls(info, fd, "os", "Exit")
	g := flow.New(fd.Body, func(c *ast.CallExpr) bool { return c != exits[0] })
	return fixture{info, fd, g}
}

// call returns the graph point of the only call of os.name.
func (x fixture) call(t *testing.T, name string) flow.Point {
	t.Helper()
	cs := calls(x.info, x.fd, "os", name)
	if len(cs) != 1 {
		t.Fatalf("%d calls of os.%s", len(cs), name)
	}
	p := x.g.Locate(cs[0])
	if !p.Valid() {
		t.Fatalf("os.%s not located", name)
	}
	return p
}

// v returns the variable declared as name in the function.
func (x fixture) v(t *testing.T, name string) *types.Var {
	t.Helper()
	for id, obj := range x.info.Defs {
		if v, ok := obj.(*types.Var); ok && id.Name == name {
			return v
		}
	}
	t.Fatalf("no variable %s", name)
	return nil
}

// condBlock returns the live block ending in the first condition match
// accepts.
func (x fixture) condBlock(t *testing.T, match func(ast.Expr) bool) *cfg.Block {
	t.Helper()
	for _, b := range x.g.CFG.Blocks {
		if cond, _, _, ok := flow.Cond(b); ok && b.Live && match(cond) {
			return b
		}
	}
	t.Fatal("condition not found")
	return nil
}

// binary matches "x op y" where y is the identifier or literal y.
func binary(op token.Token, y string) func(ast.Expr) bool {
	return func(e ast.Expr) bool {
		be, ok := e.(*ast.BinaryExpr)
		if !ok || be.Op != op {
			return false
		}
		switch z := be.Y.(type) {
		case *ast.Ident:
			return z.Name == y
		case *ast.BasicLit:
			return z.Value == y
		}
		return false
	}
}

func TestOnlyThrough(t *testing.T) {
	x := loadVars(t)
	errCheck := x.condBlock(t, binary(token.NEQ, "nil"))
	lstat, remove := x.call(t, "Lstat"), x.call(t, "Remove")
	yes := x.g.OnlyThrough(flow.Edge{Block: errCheck, Succ: 0})
	if !yes.Has(lstat.Block) {
		t.Error("the body of `if err != nil` is reached only through its true edge")
	}
	if yes.Has(remove.Block) {
		t.Error("the code after the if is reached on both edges")
	}
	no := x.g.OnlyThrough(flow.Edge{Block: errCheck, Succ: 1})
	if no.Has(remove.Block) || no.Has(lstat.Block) {
		t.Error("the false edge dominates neither the body nor (since the body may fall through) the rest")
	}
	n := 0
	for b := range yes.All() {
		if !yes.Has(b) {
			t.Error("All yields a block not in the set")
		}
		n++
	}
	if n < 2 {
		t.Errorf("true edge dominates %d blocks, want the body and its return", n)
	}
	// if n > 1 { q = "x" }: its body is all the true edge dominates.
	opt := x.condBlock(t, binary(token.GTR, "1"))
	chmod := x.call(t, "Chmod")
	if x.g.OnlyThrough(flow.Edge{Block: opt, Succ: 0}).Has(chmod.Block) {
		t.Error("Chmod is after the optional assignment, reached on both edges")
	}
}

func TestBlockReaches(t *testing.T) {
	x := loadVars(t)
	stat, remove, mkdir := x.call(t, "Stat"), x.call(t, "Remove"), x.call(t, "Mkdir")
	if !x.g.BlockReaches(stat.Block, remove.Block) {
		t.Error("Stat reaches Remove")
	}
	if x.g.BlockReaches(remove.Block, stat.Block) {
		t.Error("no path leads back from Remove to Stat")
	}
	if !x.g.BlockReaches(mkdir.Block, mkdir.Block) {
		t.Error("a block reaches itself")
	}
	errCheck := x.condBlock(t, binary(token.NEQ, "nil"))
	lstat := x.call(t, "Lstat")
	if x.g.BlockReaches(stat.Block, lstat.Block, flow.Edge{Block: errCheck, Succ: 0}) {
		t.Error("without the true edge of `err != nil`, Lstat is unreachable")
	}
	if !x.g.BlockReaches(stat.Block, remove.Block, flow.Edge{Block: errCheck, Succ: 0}) {
		t.Error("without the true edge, Remove is still reached on the false one")
	}
}

func TestReachingDef(t *testing.T) {
	x := loadVars(t)
	errV, p, q, r, n := x.v(t, "err"), x.v(t, "p"), x.v(t, "q"), x.v(t, "r"), x.v(t, "n")
	stat, lstat, remove, chmod := x.call(t, "Stat"), x.call(t, "Lstat"), x.call(t, "Remove"), x.call(t, "Chmod")
	errCheck := x.condBlock(t, binary(token.NEQ, "nil"))
	condAt := flow.Point{Block: errCheck, Index: len(errCheck.Nodes) - 1}
	if d, ok := x.g.ReachingDef(x.info, errV, condAt); !ok || d != stat.Node() {
		t.Errorf("err at `err != nil`: got %v %v, want the Stat assignment", d, ok)
	}
	inner := x.condBlock(t, binary(token.GTR, "0"))
	if d, ok := x.g.ReachingDef(x.info, errV, flow.Point{Block: inner, Index: len(inner.Nodes) - 1}); !ok || d != lstat.Node() {
		t.Errorf("err inside the if: got %v %v, want the Lstat assignment", d, ok)
	}
	if d, ok := x.g.ReachingDef(x.info, errV, remove); ok {
		t.Errorf("err after the if: both assignments reach, got %v", d)
	}
	if d, ok := x.g.ReachingDef(x.info, p, stat); ok {
		t.Errorf("a parameter has no reaching definition in the body, got %v", d)
	}
	if d, ok := x.g.ReachingDef(x.info, q, remove); !ok || d == nil || !x.g.Assigns(x.info, d, q) {
		t.Errorf("q at Remove: got %v %v, want q := p", d, ok)
	}
	if d, ok := x.g.ReachingDef(x.info, q, chmod); ok {
		t.Errorf("q at Chmod: q = \"x\" may or may not run, got %v", d)
	}
	if !x.g.Unstable(x.info, r) || !x.g.Unstable(x.info, n) || x.g.Unstable(x.info, q) {
		t.Error("r (assigned in a function literal) and n (address taken) are unstable; q is not")
	}
	if _, ok := x.g.ReachingDef(x.info, r, x.call(t, "Truncate")); ok {
		t.Error("an unstable variable has no reaching definition")
	}
	if x.g.Assigns(x.info, remove.Node(), q) || !x.g.Assigns(x.info, stat.Node(), errV) {
		t.Error("Assigns: Remove(q) does not assign q; the Stat statement assigns err")
	}
}

func TestUnchangedSince(t *testing.T) {
	x := loadVars(t)
	p, q, errV := x.v(t, "p"), x.v(t, "q"), x.v(t, "err")
	stat, lstat, remove, chmod, mkdir := x.call(t, "Stat"), x.call(t, "Lstat"), x.call(t, "Remove"), x.call(t, "Chmod"), x.call(t, "Mkdir")
	if !x.g.UnchangedSince(x.info, p, stat.Node(), mkdir) {
		t.Error("p is never assigned and every path to Mkdir passes Stat")
	}
	if !x.g.UnchangedSince(x.info, q, remove.Node(), remove) {
		t.Error("at the target itself the answer is true")
	}
	if x.g.UnchangedSince(x.info, q, remove.Node(), chmod) {
		t.Error("q = \"x\" may run between Remove and Chmod")
	}
	if x.g.UnchangedSince(x.info, nil, lstat.Node(), remove) {
		t.Error("not every path to Remove passes Lstat")
	}
	if !x.g.UnchangedSince(x.info, errV, stat.Node(), lstat) {
		t.Error("err at Lstat still holds Stat's error")
	}
	if x.g.UnchangedSince(x.info, errV, stat.Node(), remove) {
		t.Error("err may be Lstat's at Remove")
	}
}

func TestBoolCond(t *testing.T) {
	x := loadVars(t)
	var conds, caseValues int
	for _, b := range x.g.CFG.Blocks {
		cond, _, _, ok := flow.Cond(b)
		if !ok || !b.Live {
			continue
		}
		if _, ok := x.g.BoolCond(x.info, b); ok {
			conds++
		} else if be, isBin := cond.(*ast.BinaryExpr); isBin && be.Op == token.GTR {
			if lit, isLit := be.Y.(*ast.BasicLit); isLit && lit.Value == "5" {
				caseValues++
			}
		}
	}
	// err != nil, n > 0, n > 1, i < n; not the case value n > 5 of the
	// tagged switch.
	if conds != 4 || caseValues != 1 {
		t.Errorf("BoolCond: %d conditions (want 4), %d case values rejected (want 1)", conds, caseValues)
	}
}
