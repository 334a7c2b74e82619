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

const src = `package p

import "os"

func f(p string) error {
	fh, err := os.Create(p)
	if err != nil {
		return err
	}
	if len(p) > 3 {
		fh.Close()
		return nil
	}
	if p == "x" {
		os.Exit(1)
	}
	fh.Close()
	os.Remove(p)
	return nil
}
`

func load(t *testing.T) (*types.Info, *ast.FuncDecl, *token.FileSet) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	return info, f.Decls[1].(*ast.FuncDecl), fset
}

// calls returns the calls of fd to the os function name, in order.
func calls(info *types.Info, fd *ast.FuncDecl, pkgName, name string) []*ast.CallExpr {
	var out []*ast.CallExpr
	ast.Inspect(fd, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if sel, ok := c.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == name {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == pkgName {
					out = append(out, c)
				}
			}
		}
		return true
	})
	return out
}

func TestQueries(t *testing.T) {
	info, fd, _ := load(t)
	exits := calls(info, fd, "os", "Exit")
	mayReturn := func(c *ast.CallExpr) bool { return c != exits[0] }
	g := flow.New(fd.Body, mayReturn)
	create := calls(info, fd, "os", "Create")[0]
	remove := calls(info, fd, "os", "Remove")[0]
	closes := calls(info, fd, "fh", "Close")
	at := g.Locate(create)
	if !at.Valid() {
		t.Fatal("Create not located")
	}
	if !g.Reaches(at, flow.Contains(remove), nil) {
		t.Error("Create should reach Remove")
	}
	if g.Reaches(at, flow.Contains(remove), flow.Contains(closes[1])) {
		t.Error("every path to Remove passes the second Close")
	}
	// Some path (the error return) reaches the exit without a Close.
	exit, ok := g.ExitAvoiding(at, func(n ast.Node) bool { return flow.Contains(closes[0])(n) || flow.Contains(closes[1])(n) })
	if !ok || exit.Return == nil {
		t.Fatalf("expected an exit avoiding the closes, got %v %v", exit, ok)
	}
	// From the first Close, every path returns without the Remove (the
	// early return).
	if _, ok := g.ExitAvoiding(g.Locate(closes[0]), flow.Contains(remove)); !ok {
		t.Error("the early return avoids Remove")
	}
	// From the second Close, every path passes Remove before the exit.
	if _, ok := g.ExitAvoiding(g.Locate(closes[1]), flow.Contains(remove)); ok {
		t.Error("every exit after the second Close passes Remove")
	}
	// The error branch of "err != nil".
	var found bool
	for _, b := range g.CFG.Blocks {
		if v, onErr, ok := flow.ErrorBranch(info, b); ok {
			found = true
			if v.Name() != "err" || onErr.Return() == nil && len(onErr.Succs) == 0 {
				t.Errorf("error branch of %s wrong", v.Name())
			}
		}
	}
	if !found {
		t.Error("no error branch found")
	}
}

// TestForward tracks "the file is open" (bit 0): set by Create, cleared by
// Close, and cleared on the error edge of "err != nil" when edge refines.
func TestForward(t *testing.T) {
	info, fd, _ := load(t)
	g := flow.New(fd.Body, func(*ast.CallExpr) bool { return true })
	create := calls(info, fd, "os", "Create")[0]
	closes := calls(info, fd, "fh", "Close")
	remove := calls(info, fd, "os", "Remove")[0]
	exit := calls(info, fd, "os", "Exit")[0]
	transfer := func(b *cfg.Block, s flow.Bits) {
		for _, n := range b.Nodes {
			switch {
			case flow.Contains(create)(n):
				s.Set(0)
			case flow.Contains(closes[0])(n), flow.Contains(closes[1])(n):
				s.Clear(0)
			}
		}
	}
	errEdge := func(b *cfg.Block, k int, s flow.Bits) flow.Bits {
		if _, onErr, ok := flow.ErrorBranch(info, b); ok && b.Succs[k] == onErr {
			out := s.Clone()
			out.Clear(0)
			return out
		}
		return s
	}
	var errRet *cfg.Block
	for _, b := range g.CFG.Blocks {
		if _, onErr, ok := flow.ErrorBranch(info, b); ok {
			errRet = onErr
		}
	}
	for _, c := range []struct {
		edge       func(*cfg.Block, int, flow.Bits) flow.Bits
		at         flow.Point
		name       string
		open, seen bool
	}{
		{errEdge, g.Locate(remove), "at Remove", false, true},
		{errEdge, g.Locate(exit), "at os.Exit", true, true},
		{errEdge, flow.Point{Block: errRet}, "at the error return", false, true},
		{nil, flow.Point{Block: errRet}, "at the error return without the edge refinement", true, true},
	} {
		in := g.Forward(flow.NewBits(1), transfer, c.edge)
		s := in[c.at.Block.Index]
		if s != nil { // the state at the point: the block's nodes before it
			s = s.Clone()
			transfer(&cfg.Block{Nodes: c.at.Block.Nodes[:c.at.Index]}, s)
		}
		if (s != nil) != c.seen {
			t.Errorf("%s: reached %v, want %v", c.name, s != nil, c.seen)
			continue
		}
		if s.Has(0) != c.open {
			t.Errorf("%s: open %v, want %v", c.name, s.Has(0), c.open)
		}
	}
	// A block no path reaches has no state.
	dead := flow.New(mustBody(t, "package p\nfunc f() int {\n\treturn 1\n\tprintln()\n\treturn 2\n}\n"), func(*ast.CallExpr) bool { return true })
	in := dead.Forward(flow.NewBits(1), func(*cfg.Block, flow.Bits) {}, nil)
	unreached := 0
	for _, s := range in {
		if s == nil {
			unreached++
		}
	}
	if unreached == 0 {
		t.Error("the code after the first return should be unreached")
	}
}

func mustBody(t *testing.T, src string) *ast.BlockStmt {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "q.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	return f.Decls[0].(*ast.FuncDecl).Body
}

const pathSrc = `package p

import "os"

// Both nil tests of e remove p: no feasible path skips both.
func both(p string) error {
	var e error
	if len(p) > 2 {
		e = os.Chmod(p, 0o600)
	}
	if e == nil {
		os.Remove(p)
	}
	if e != nil {
		os.Remove(p)
	}
	return e
}

// e is assigned between the tests: the second one says nothing new.
func reassigned(p string) error {
	var e error
	if len(p) > 2 {
		e = os.Chmod(p, 0o600)
	}
	if e == nil {
		os.Remove(p)
	}
	e = os.Chmod(p, 0o644)
	if e != nil {
		os.Remove(p)
	}
	return e
}

// e's address is taken: its value does not follow from the graph.
func unstable(p string) error {
	var e error
	if len(p) > 2 {
		e = os.Chmod(p, 0o600)
	}
	if e == nil {
		os.Remove(p)
	}
	pe := &e
	_ = pe
	if e != nil {
		os.Remove(p)
	}
	return e
}

// The error branch returns before the removal.
func created(p string) error {
	fh, err := os.Create(p)
	if err != nil {
		return err
	}
	fh.Close()
	os.Remove(p)
	return nil
}
`

func loadPaths(t *testing.T) (*types.Info, map[string]*ast.FuncDecl) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "paths.go", pathSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	fds := map[string]*ast.FuncDecl{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			fds[fd.Name.Name] = fd
		}
	}
	return info, fds
}

func TestFeasibleExit(t *testing.T) {
	info, fds := loadPaths(t)
	always := func(*ast.CallExpr) bool { return true }
	removes := func(fd *ast.FuncDecl) func(ast.Node) bool {
		rs := calls(info, fd, "os", "Remove")
		return func(n ast.Node) bool {
			for _, r := range rs {
				if flow.Contains(r)(n) {
					return true
				}
			}
			return false
		}
	}
	for _, tc := range []struct {
		name     string
		wantExit bool
	}{
		{"both", false},      // path-sensitive: e == nil and e != nil both remove
		{"reassigned", true}, // the assignment forgets e == nil: e != nil may be false again
		{"unstable", true},   // address taken: e is not remembered
	} {
		fd := fds[tc.name]
		g := flow.New(fd.Body, always)
		from := g.Locate(fd.Body.List[1].(*ast.IfStmt).Cond) // len(p) > 2
		if !from.Valid() {
			t.Fatalf("%s: first condition not located", tc.name)
		}
		// ExitAvoiding, which is not path-sensitive, finds an exit in all three.
		if _, ok := g.ExitAvoiding(from, removes(fd)); !ok {
			t.Errorf("%s: ExitAvoiding found no exit", tc.name)
		}
		exit, ok := g.FeasibleExit(info, from, flow.ExitSearch{Stop: removes(fd)})
		if ok != tc.wantExit {
			t.Errorf("%s: FeasibleExit ok = %v, want %v (exit %v)", tc.name, ok, tc.wantExit, exit.Return)
		}
	}

	// created: from the Create, the error branch returns before the
	// removal, unless err is known nil there or the edge is cut.
	fd := fds["created"]
	g := flow.New(fd.Body, always)
	from := g.Locate(calls(info, fd, "os", "Create")[0])
	stop := removes(fd)
	exit, ok := g.FeasibleExit(info, from, flow.ExitSearch{Stop: stop})
	if !ok || exit.Return == nil || exit.Return != fd.Body.List[1].(*ast.IfStmt).Body.List[0] {
		t.Errorf("created: want the error branch's return, got %v %v", exit.Return, ok)
	}
	errVar := info.Defs[fd.Body.List[0].(*ast.AssignStmt).Lhs[1].(*ast.Ident)].(*types.Var)
	if _, ok := g.FeasibleExit(info, from, flow.ExitSearch{Stop: stop, Known: map[*types.Var]bool{errVar: false}}); ok {
		t.Error("created: err known nil, yet an exit was found")
	}
	if _, ok := g.FeasibleExit(info, from, flow.ExitSearch{Stop: stop, Cut: []flow.Edge{{Block: from.Block, Succ: 0}}}); ok {
		t.Error("created: the error edge is cut, yet an exit was found")
	}
	if _, ok := g.FeasibleExit(info, from, flow.ExitSearch{}); !ok {
		t.Error("created: with nothing stopping, the function returns")
	}
}
