package tempreopen

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// writerMethod classifies the method that sel selects on a writer.
func (st *state) writerMethod(sel *ast.SelectorExpr) fileapi.WriterOp {
	fn, _ := st.pass.TypesInfo.Uses[sel.Sel].(*types.Func)
	if tempmodel.IsFlush(fn) {
		return fileapi.WriterFlush
	}
	return fileapi.WriterMethod(tempmodel.FuncOf(fn))
}

// analyze analyzes one function body: fn is its *ast.FuncDecl or *ast.FuncLit.
func (st *state) analyze(file *ast.File, winOK bool, fn ast.Node, body *ast.BlockStmt) {
	info := st.pass.TypesInfo
	// 1. Find files created or opened in this body (not in nested literals).
	var found map[*types.Var]*fileVar
	var order []*fileVar
	tempmodel.InspectShallow(body, func(n ast.Node) {
		var lhs []ast.Expr
		var rhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE && n.Tok != token.ASSIGN {
				return
			}
			lhs, rhs = n.Lhs, n.Rhs
		case *ast.ValueSpec:
			for _, id := range n.Names {
				lhs = append(lhs, id)
			}
			rhs = n.Values
		default:
			return
		}
		if len(rhs) != 1 || len(lhs) < 1 {
			return
		}
		call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
		if !ok {
			return
		}
		api, ok := fileapi.CallAPI(info, call)
		if !ok || !creates(api) {
			return
		}
		v := st.k.VarOf(lhs[0])
		if v == nil || v.Pos() < body.Pos() || v.Pos() > body.End() {
			return
		}
		if found == nil {
			found = map[*types.Var]*fileVar{}
		}
		fv := found[v]
		if fv == nil {
			fv = &fileVar{v: v, writable: true, shareDelete: api.InRoot}
			found[v] = fv
			order = append(order, fv)
		}
		fv.creates = append(fv.creates, call)
		if len(lhs) > 1 {
			if ev := st.k.VarOf(lhs[1]); ev != nil {
				fv.errVars = append(fv.errVars, ev)
			}
		}
		if api.Flags >= 0 {
			// opened for writing only if the flags say so on every path
			if fl, ok := st.m.CallFlags(call); !ok || !fl.Has(fileapi.FlagWrite) {
				fv.writable = false
			}
		}
	})
	if len(order) == 0 {
		return
	}
	st.fn, st.body, st.file, st.winOK = fn, body, file, winOK
	st.files = map[*types.Var]*fileVar{}
	st.fileList = nil
	st.writers = map[*types.Var]*writerVar{}
	st.wList = nil
	st.runs = map[*ast.CallExpr][]execUse{}
	st.defers = nil
	st.evCache = map[ast.Node][]event{}
	for _, fv := range order {
		if !st.validFile(fv) {
			continue
		}
		fv.idx = len(st.fileList)
		st.fileList = append(st.fileList, fv)
		st.files[fv.v] = fv
	}
	if len(st.fileList) == 0 {
		return
	}
	// Keys need st.files to be set (f.Name() keys refer to indexes).
	for _, fv := range st.fileList {
		fv.keys = []string{fmt.Sprintf("name:%d", fv.idx)}
		if len(fv.creates) == 1 {
			call := fv.creates[0]
			api, _ := fileapi.CallAPI(info, call)
			path := fileapi.Arg(call, api.Path)
			switch {
			case api.InRoot:
				if k := st.k.RootKey(call, api.Path); k != "" {
					fv.keys = append(fv.keys, k)
				}
			case path != nil:
				if k := st.k.Key(path); k != "" {
					fv.keys = append(fv.keys, k)
				}
				if c, ok := ast.Unparen(path).(*ast.CallExpr); ok && len(c.Args) >= 2 {
					if _, jf := tempmodel.Callee(info, c); jf.Is("path/filepath", "Join") || jf.Is("path", "Join") {
						if k := st.k.Key(c.Args[0]); k != "" && k != tempmodel.NoKey {
							fv.dirKeys = append(fv.dirKeys, k)
						}
					}
				}
			}
			if dir := fileapi.Arg(call, api.DirArg); dir != nil && !api.InRoot {
				if k := st.k.Key(dir); k != "" && k != tempmodel.NoKey {
					fv.dirKeys = append(fv.dirKeys, k)
				}
			}
		}
		for _, k := range fv.keys {
			fv.dirKeys = append(fv.dirKeys, tempmodel.DirKey(k))
		}
		fv.testDir = st.inTestTempDir(fv)
	}
	st.findWriters()
	st.findRuns()
	st.flow()
	st.flushPending()
	st.flushOpenAtExit()
}

// creates reports whether api opens a file by name that the function then
// holds: it returns an *os.File and creates the file or takes open flags
// (os.Create, os.OpenFile, os.CreateTemp, ioutil.TempFile and the Create
// and OpenFile methods of *os.Root).
func creates(api *fileapi.API) bool {
	return api.ResultFile >= 0 && (api.Ops.Has(fileapi.OpCreate) || api.Flags >= 0)
}

// validFile checks that a file variable is only created by the calls seen
// and never escapes: every use is a method call, an argument, a nil
// comparison, or a use inside a deferred function.
func (st *state) validFile(fv *fileVar) bool {
	vi := st.k.Assigns(fv.v)
	if vi == nil || vi.Addr {
		return false
	}
	for _, d := range vi.Defs {
		call, ok := ast.Unparen(d.X).(*ast.CallExpr)
		if !ok || d.Index != 0 || !containsCall(fv.creates, call) {
			return false
		}
	}
	ok := true
	st.m.WalkUses(st.body, fv.v, func(id *ast.Ident, parents []ast.Node, inLit *ast.FuncLit, deferred bool) {
		if !ok {
			return
		}
		if len(parents) == 0 {
			ok = false
			return
		}
		p := parents[len(parents)-1]
		switch p := p.(type) {
		case *ast.SelectorExpr:
			// f.Method(...) or a method value f.Close
			closing := st.isFileClose(p)
			if inLit != nil && !deferred && closing {
				ok = false // a closure that closes f: we cannot follow it
			}
			if len(parents) >= 2 {
				if c, isCall := parents[len(parents)-2].(*ast.CallExpr); isCall && c.Fun == p {
					return
				}
			}
			if closing && deferred {
				return
			}
			if closing && inLit == nil && len(parents) >= 2 {
				if c, isCall := parents[len(parents)-2].(*ast.CallExpr); isCall && containsExpr(c.Args, p) {
					return // method value passed as an argument: handled as a close
				}
			}
			ok = false
		case *ast.CallExpr:
			if containsExpr(p.Args, id) {
				if inLit != nil && !deferred && st.m.MayCloseArg(p, indexOf(p.Args, id)) {
					ok = false
				}
				if st.wraps(p, indexOf(p.Args, id)) {
					ok = false // a wrapper whose Close may close f
				}
				return
			}
			ok = false
		case *ast.BinaryExpr:
			if p.Op == token.EQL || p.Op == token.NEQ {
				return
			}
			ok = false
		case *ast.AssignStmt:
			for _, l := range p.Lhs {
				if l == id {
					return
				}
			}
			ok = false
		case *ast.ValueSpec:
			for _, n := range p.Names {
				if n == id {
					return
				}
			}
			ok = false
		default:
			ok = false
		}
	})
	return ok
}

func indexOf(xs []ast.Expr, x ast.Expr) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

func containsCall(xs []*ast.CallExpr, x *ast.CallExpr) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func containsExpr(xs []ast.Expr, x ast.Expr) bool { return indexOf(xs, x) >= 0 }

// findWriters finds writers layered over the tracked files.
func (st *state) findWriters() {
	info := st.pass.TypesInfo
	tempmodel.InspectShallow(st.body, func(n ast.Node) {
		var lhs, rhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs, rhs = n.Lhs, n.Rhs
		case *ast.ValueSpec:
			for _, id := range n.Names {
				lhs = append(lhs, id)
			}
			rhs = n.Values
		default:
			return
		}
		if len(lhs) != 1 || len(rhs) != 1 {
			return
		}
		call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
		if !ok {
			return
		}
		_, f := tempmodel.Callee(info, call)
		proto, ok := fileapi.WriterCtor(f)
		if !ok || f.Is("io", "MultiWriter") {
			return
		}
		ai := proto.Arg
		if ai >= len(call.Args) {
			return
		}
		under := st.k.VarOf(call.Args[ai])
		if under == nil {
			return
		}
		w := st.k.VarOf(lhs[0])
		if w == nil {
			return
		}
		if d, ok := st.k.Single(w); !ok || d.X != rhs[0] {
			return
		}
		wv := writerVar{Writer: proto, v: w, def: n}
		if fv := st.files[under]; fv != nil {
			wv.parent, wv.file = -1, fv.idx
		} else if pw := st.writers[under]; pw != nil {
			wv.parent, wv.file = pw.idx, pw.file
		} else {
			return
		}
		if !st.validWriter(w) {
			return
		}
		wv.idx = len(st.wList)
		p := &wv
		st.wList = append(st.wList, p)
		st.writers[w] = p
		st.fileList[wv.file].writers = append(st.fileList[wv.file].writers, wv.idx)
	})
}

// validWriter checks that a writer never escapes: it is only used as a
// method receiver or a call argument.
func (st *state) validWriter(w *types.Var) bool {
	ok := true
	st.m.WalkUses(st.body, w, func(id *ast.Ident, parents []ast.Node, inLit *ast.FuncLit, deferred bool) {
		if !ok || len(parents) == 0 {
			ok = false
			return
		}
		switch p := parents[len(parents)-1].(type) {
		case *ast.SelectorExpr:
			if len(parents) >= 2 {
				if c, isCall := parents[len(parents)-2].(*ast.CallExpr); isCall && c.Fun == p {
					if inLit != nil && !deferred && st.closingMethod(p) {
						ok = false
					}
					return
				}
			}
			ok = false
		case *ast.CallExpr:
			if !containsExpr(p.Args, id) {
				ok = false
			}
		case *ast.AssignStmt, *ast.ValueSpec:
			// its own definition
		default:
			ok = false
		}
	})
	return ok
}

// execUse is a command that receives a file's name and is run at some call.
type execUse struct {
	cmd   *ast.CallExpr // exec.Command(...) or os.StartProcess(...)
	file  int
	argv0 bool // the file is the program itself
}

// findRuns maps the calls that run a command to the commands that mention a
// tracked file.
func (st *state) findRuns() {
	info := st.pass.TypesInfo
	parents := map[ast.Node]ast.Node{}
	var stack []ast.Node
	ast.Inspect(st.body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if len(stack) > 0 {
			parents[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		return true
	})
	tempmodel.InspectShallow(st.body, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return
		}
		_, f := tempmodel.Callee(info, call)
		cmd, ok := fileapi.CommandOf(f)
		if !ok || len(call.Args) <= max(cmd.Prog, cmd.Argv) {
			return
		}
		prog, direct := call.Args[cmd.Prog], cmd.Direct
		var args []ast.Expr
		if cmd.Args >= 0 {
			args = call.Args[cmd.Args:]
		} else if lit := st.k.SliceLit(call.Args[cmd.Argv]); lit != nil && len(lit.Elts) > 0 {
			args = lit.Elts[1:]
		}
		if call.Ellipsis.IsValid() && len(args) > 0 {
			last := args[len(args)-1]
			args = args[:len(args)-1]
			if lit := st.k.SliceLit(last); lit != nil {
				args = append(args, lit.Elts...)
			} else {
				return
			}
		}
		var uses []execUse
		for _, fv := range st.fileList {
			pk := st.k.Key(prog)
			argv0 := pk != "" && slices.Contains(fv.keys, pk)
			hit := argv0
			for _, a := range args {
				if st.k.Mentions(a, fv.keys) {
					hit = true
				}
			}
			if hit {
				uses = append(uses, execUse{cmd: call, file: fv.idx, argv0: argv0})
			}
		}
		if len(uses) == 0 {
			return
		}
		if direct {
			st.runs[call] = append(st.runs[call], uses...)
			return
		}
		// exec.Command(...).Run()
		if sel, ok := parents[call].(*ast.SelectorExpr); ok && fileapi.StartsCmd(st.method(sel)) {
			if rc, ok := parents[sel].(*ast.CallExpr); ok && rc.Fun == sel {
				st.runs[rc] = append(st.runs[rc], uses...)
			}
			return
		}
		// cmd := exec.Command(...); ...; cmd.Run()
		var cmdVar *types.Var
		switch p := parents[call].(type) {
		case *ast.AssignStmt:
			if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
				cmdVar = st.k.VarOf(p.Lhs[0])
			}
		case *ast.ValueSpec:
			if len(p.Names) == 1 && len(p.Values) == 1 {
				cmdVar = st.k.VarOf(p.Names[0])
			}
		}
		if cmdVar == nil {
			return
		}
		if d, ok := st.k.Single(cmdVar); !ok || d.X != call {
			return
		}
		tempmodel.InspectShallow(st.body, func(n ast.Node) {
			rc, ok := n.(*ast.CallExpr)
			if !ok {
				return
			}
			if sel, ok := ast.Unparen(rc.Fun).(*ast.SelectorExpr); ok && fileapi.StartsCmd(st.method(sel)) && st.k.VarOf(sel.X) == cmdVar {
				st.runs[rc] = append(st.runs[rc], uses...)
				return
			}
			for _, a := range rc.Args {
				if st.k.VarOf(a) == cmdVar {
					if _, isMethod := ast.Unparen(rc.Fun).(*ast.SelectorExpr); isMethod {
						if _, f := tempmodel.Callee(info, rc); fileapi.InExecPackage(f) {
							continue
						}
					}
					st.runs[rc] = append(st.runs[rc], uses...)
					return
				}
			}
		})
	})
}

// wraps reports whether call returns a closable value (other than the
// known writers) and receives argument i as a value it may close: a
// wrapper whose Close may close the file it was given.
func (st *state) wraps(call *ast.CallExpr, i int) bool {
	_, f := tempmodel.Callee(st.pass.TypesInfo, call)
	if _, ok := fileapi.WriterCtor(f); ok || !tempmodel.Closable(st.m.ParamType(call, i)) {
		return false
	}
	return st.m.ReturnsClosable(call)
}

// inTestTempDir reports whether fv is made under t.TempDir() by its only
// creating call, and is only used by methods, deferred code and calls that
// do not hand it over (see handsOver): nothing we cannot see may close it.
func (st *state) inTestTempDir(fv *fileVar) bool {
	if len(fv.creates) != 1 || len(fv.creates[0].Args) == 0 {
		return false
	}
	if p := st.m.Prov(fv.creates[0].Args[0]); p.Origin != tempmodel.OriginTestTempDir {
		return false
	}
	ok := true
	st.m.WalkUses(st.body, fv.v, func(id *ast.Ident, parents []ast.Node, inLit *ast.FuncLit, deferred bool) {
		if !ok || deferred {
			return
		}
		if inLit != nil {
			ok = false // a closure may close it
			return
		}
		if n := len(parents); n > 0 {
			if call, isCall := parents[n-1].(*ast.CallExpr); isCall && containsExpr(call.Args, id) {
				if st.m.HandsOver(call, indexOf(call.Args, id)) {
					ok = false
				}
			}
		}
	})
	return ok
}
