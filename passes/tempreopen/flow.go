package tempreopen

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/cfg"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/flow"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

type evKind uint8

const (
	evCreate        evKind = iota // file (re)created
	evErrAssign                   // the file's error variable is reassigned
	evClose                       // file closed
	evWriteFile                   // written directly
	evWriteBuf                    // writer written
	evFlush                       // writer flushed
	evDeferClose                  // a deferred close of the file registered
	evDeferRemove                 // a deferred remove registered (def)
	evRemove                      // case 1: renamed or removed by name
	evReopen                      // case 3: reopened by name (write: for writing)
	evRun                         // case 2: a command that names the file runs
	evExit                        // a return
	evCleanupClose                // t.Cleanup that closes the file registered
	evCleanupRemove               // t.Cleanup that removes the file registered (def)
	evTouch                       // the file handed to code that may write it
)

type event struct {
	kind   evKind
	file   int
	writer int
	def    int
	call   *ast.CallExpr
	write  bool
	uses   []execUse
}

// deferRemove is a deferred removal of a tracked file.
type deferRemove struct {
	stmt    *ast.DeferStmt // nil for a t.Cleanup
	cleanup *ast.CallExpr  // the t.Cleanup call, for cleanups
	file    int
	call    *ast.CallExpr // the os.Remove/RemoveAll call
	selfBad bool          // a deferred func that removes before it closes
}

// events returns the events of one CFG node, in evaluation order.
func (st *state) events(n ast.Node) []event {
	if evs, ok := st.evCache[n]; ok {
		return evs
	}
	var out []event
	st.walk(n, &out, false)
	st.evCache[n] = out
	return out
}

func (st *state) walk(n ast.Node, out *[]event, inLit bool) {
	switch n := n.(type) {
	case nil:
		return
	case *ast.FuncLit, *ast.GoStmt:
		return
	case *ast.DeferStmt:
		if !inLit {
			st.deferEvents(n, out)
		}
		return
	case *ast.AssignStmt:
		for _, r := range n.Rhs {
			st.walk(r, out, inLit)
		}
		for _, l := range n.Lhs {
			if _, ok := l.(*ast.Ident); !ok {
				st.walk(l, out, inLit)
			}
		}
		st.assignEvents(n.Lhs, n.Rhs, out)
		return
	case *ast.ValueSpec:
		for _, r := range n.Values {
			st.walk(r, out, inLit)
		}
		lhs := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			lhs[i] = id
		}
		st.assignEvents(lhs, n.Values, out)
		return
	case *ast.ReturnStmt:
		for _, r := range n.Results {
			st.walk(r, out, inLit)
		}
		if !inLit {
			*out = append(*out, event{kind: evExit})
		}
		return
	case *ast.CallExpr:
		if !inLit && tempmodel.IsCleanupCall(st.pass.TypesInfo, n) {
			st.cleanupEvents(n, out)
			return
		}
		st.walk(n.Fun, out, inLit)
		for _, a := range n.Args {
			st.walk(a, out, inLit)
		}
		st.callEvents(n, out)
		return
	}
	ast.Inspect(n, func(c ast.Node) bool {
		if c == n {
			return true
		}
		if c != nil {
			st.walk(c, out, inLit)
		}
		return false
	})
}

func (st *state) assignEvents(lhs, rhs []ast.Expr, out *[]event) {
	var created *fileVar
	if len(rhs) == 1 && len(lhs) >= 1 {
		if call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr); ok {
			if fv := st.files[st.k.VarOf(lhs[0])]; fv != nil && containsCall(fv.creates, call) {
				created = fv
				*out = append(*out, event{kind: evCreate, file: fv.idx})
			}
		}
	}
	for _, l := range lhs {
		v := st.k.VarOf(l)
		if v == nil {
			continue
		}
		for _, fv := range st.fileList {
			if fv == created {
				continue
			}
			for _, ev := range fv.errVars {
				if ev == v {
					*out = append(*out, event{kind: evErrAssign, file: fv.idx})
				}
			}
		}
	}
}

// callEvents appends the events of one call (its operands already walked).
func (st *state) callEvents(call *ast.CallExpr, out *[]event) {
	info := st.pass.TypesInfo
	_, f := tempmodel.Callee(info, call)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		rv := st.k.VarOf(sel.X)
		if op, isFile := fileapi.FileMethod(f); st.files[rv] != nil && isFile {
			fv := st.files[rv]
			switch op {
			case fileapi.FileClose:
				*out = append(*out, event{kind: evClose, file: fv.idx})
			case fileapi.FileWrite:
				*out = append(*out, event{kind: evWriteFile, file: fv.idx})
			case fileapi.FileNone:
			default:
				*out = append(*out, event{kind: evTouch, file: fv.idx})
			}
		}
		if wv := st.writers[rv]; wv != nil {
			switch st.writerMethod(sel) {
			case fileapi.WriterFlush:
				*out = append(*out, event{kind: evFlush, writer: wv.idx})
			case fileapi.WriterWriteFlush:
				*out = append(*out, event{kind: evWriteBuf, writer: wv.idx}, event{kind: evFlush, writer: wv.idx})
			case fileapi.WriterNone:
			default:
				*out = append(*out, event{kind: evWriteBuf, writer: wv.idx})
			}
		}
	}
	if f.IsMethod("os", "File", "Close") && len(call.Args) == 1 {
		// method expression: (*os.File).Close(f)
		if fv := st.files[st.k.VarOf(call.Args[0])]; fv != nil {
			*out = append(*out, event{kind: evClose, file: fv.idx})
		}
	}
	if _, ctor := fileapi.WriterCtor(f); ctor {
		for _, a := range call.Args {
			if fv := st.files[st.k.VarOf(a)]; fv != nil {
				*out = append(*out, event{kind: evTouch, file: fv.idx})
			}
		}
	} else {
		for i, a := range call.Args {
			a = ast.Unparen(a)
			if sel, ok := a.(*ast.SelectorExpr); ok && st.isFileClose(sel) {
				if fv := st.files[st.k.VarOf(sel.X)]; fv != nil {
					*out = append(*out, event{kind: evClose, file: fv.idx})
				}
				continue
			}
			v := st.k.VarOf(a)
			if v == nil {
				continue
			}
			if fv := st.files[v]; fv != nil {
				if st.m.ClosesArg(call, i) {
					*out = append(*out, event{kind: evClose, file: fv.idx})
				} else if st.m.WritesArg(call, i) {
					*out = append(*out, event{kind: evWriteFile, file: fv.idx})
				} else {
					*out = append(*out, event{kind: evTouch, file: fv.idx})
				}
			}
			if wv := st.writers[v]; wv != nil {
				if st.m.ClosesArg(call, i) {
					*out = append(*out, event{kind: evFlush, writer: wv.idx})
				} else {
					*out = append(*out, event{kind: evWriteBuf, writer: wv.idx})
				}
			}
		}
	}
	if api, ok := fileapi.CallAPI(info, call); ok {
		st.nameEvents(call, api, out)
	}
	if uses := st.runs[call]; len(uses) > 0 {
		*out = append(*out, event{kind: evRun, call: call, uses: uses})
	}
}

// nameEvents appends the events of a call that uses files by name: a
// removal or rename (evRemove), or an open, read or write of the contents
// (evReopen), as the file-API table describes the call.
func (st *state) nameEvents(call *ast.CallExpr, api *fileapi.API, out *[]event) {
	var kind evKind
	switch {
	case api.Ops.Any(fileapi.OpRemove | fileapi.OpRename):
		kind = evRemove
	case api.Ops.Any(fileapi.OpMkdir|fileapi.OpLink|fileapi.OpSymlink|fileapi.OpExec|fileapi.OpOpenRoot) ||
		api.Ops.Has(fileapi.OpReadDir):
		return
	case api.Ops.Any(fileapi.OpOpen | fileapi.OpRead | fileapi.OpWrite | fileapi.OpTruncate):
		kind = evReopen
	default:
		return // metadata: works on open files everywhere
	}
	var keys []string
	for _, j := range []int{api.Path, api.Src} {
		if j < 0 {
			continue
		}
		var k string
		if api.InRoot {
			k = st.k.RootKey(call, j)
		} else if a := fileapi.Arg(call, j); a != nil {
			k = st.k.Key(a)
		}
		keys = append(keys, k)
	}
	write := api.Ops.Any(fileapi.OpWrite | fileapi.OpTruncate)
	if api.Flags >= 0 {
		fl, ok := st.m.CallFlags(call)
		write = ok && (fl.Has(fileapi.FlagWrite) || fl.Has(fileapi.FlagTrunc) || fl.Has(fileapi.FlagAppend))
	}
	dir := api.Recursive && !api.InRoot
	for _, fv := range st.fileList {
		if kind == evReopen && containsCall(fv.creates, call) {
			continue
		}
		hit := false
		for _, k := range keys {
			if k != "" && (slices.Contains(fv.keys, k) || dir && slices.Contains(fv.dirKeys, k)) {
				hit = true
			}
		}
		if hit {
			*out = append(*out, event{kind: kind, file: fv.idx, call: call, write: write})
		}
	}
}

// rootKey returns the key of the path argument i of a call of an *os.Root
// method: the root and the path relative to it, or "".
func (st *state) rootKey(call *ast.CallExpr, i int) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || i >= len(call.Args) {
		return ""
	}
	r, k := st.k.Key(sel.X), st.k.Key(call.Args[i])
	if r == "" || k == "" {
		return ""
	}
	return "root(" + r + "," + k + ")"
}

// deferEvents registers what a defer statement will do at return.
func (st *state) deferEvents(d *ast.DeferStmt, out *[]event) {
	var evs []event
	if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok {
		st.walk(lit.Body, &evs, true)
	} else {
		st.callEvents(d.Call, &evs)
	}
	st.registerLater(evs, out, evDeferClose, evDeferRemove, func(dr *deferRemove) { dr.stmt = d })
}

// cleanupEvents registers what a t.Cleanup function will do after the
// test function and its deferred calls return.
func (st *state) cleanupEvents(call *ast.CallExpr, out *[]event) {
	var evs []event
	if lit, ok := ast.Unparen(call.Args[0]).(*ast.FuncLit); ok {
		st.walk(lit.Body, &evs, true)
	}
	st.registerLater(evs, out, evCleanupClose, evCleanupRemove, func(dr *deferRemove) { dr.cleanup = call })
}

// registerLater turns the events of code that runs later (a deferred call
// or a cleanup function) into one close and/or remove event per file, in
// the order that code closes and removes it.
func (st *state) registerLater(evs []event, out *[]event, closeKind, removeKind evKind, origin func(*deferRemove)) {
	for _, fv := range st.fileList {
		closeAt, removeAt := -1, -1
		var rm *ast.CallExpr
		for i, ev := range evs {
			if ev.file != fv.idx {
				continue
			}
			if ev.kind == evClose && closeAt < 0 {
				closeAt = i
			}
			if ev.kind == evRemove && removeAt < 0 {
				removeAt, rm = i, ev.call
			}
		}
		switch {
		case removeAt < 0 && closeAt < 0:
		case removeAt < 0 || closeAt >= 0 && closeAt < removeAt:
			*out = append(*out, event{kind: closeKind, file: fv.idx})
		default:
			idx := len(st.defers)
			dr := &deferRemove{file: fv.idx, call: rm, selfBad: closeAt >= 0}
			origin(dr)
			st.defers = append(st.defers, dr)
			*out = append(*out, event{kind: removeKind, def: idx, file: fv.idx})
			if closeAt >= 0 {
				*out = append(*out, event{kind: closeKind, file: fv.idx})
			}
		}
	}
}

// bits is the state of the analysis: a flow.Bits laid out by layout.
type bits = flow.Bits

type layout struct{ n, w, d int }

func (l layout) open(i int) int    { return i }
func (l layout) written(i int) int { return l.n + i }
func (l layout) dclose(i int) int  { return 2*l.n + i }
func (l layout) errLive(i int) int { return 3*l.n + i }
func (l layout) cclose(i int) int  { return 4*l.n + i }

// used: written, or handed to code that may write it
func (l layout) used(i int) int  { return 5*l.n + i }
func (l layout) dirty(j int) int { return 6*l.n + j }
func (l layout) pend(d int) int  { return 6*l.n + l.w + d }
func (l layout) dreg(d int) int  { return 6*l.n + l.w + l.d + d }

// win: the code may run on Windows (no runtime.GOOS test excluded it)
func (l layout) win() int  { return 6*l.n + l.w + 2*l.d }
func (l layout) size() int { return (6*l.n + l.w + 2*l.d + 1 + 63) / 64 }

// flow runs the may-analysis over the function's CFG (the shared
// flow.Graph's forward solver) and reports.
func (st *state) flow() {
	g := st.m.Graph(st.fn)
	if g == nil {
		return
	}
	for _, b := range g.CFG.Blocks {
		if !b.Live {
			continue
		}
		for _, n := range b.Nodes {
			st.events(n)
		}
	}
	l := layout{n: len(st.fileList), w: len(st.wList), d: len(st.defers)}
	entry := make(bits, l.size())
	if st.winOK {
		entry.Set(l.win())
	}
	g.ForwardNodes(entry, func(n ast.Node, s bits, final bool) {
		for _, ev := range st.events(n) {
			st.apply(l, ev, s, final)
		}
	}, func(b *cfg.Block, k int, s bits) bits { return st.edge(l, b, k, s) })
}

// edge refines the state on the k-th out edge of b: after
// `f, err := os.Create(p)`, the branch where err != nil has no open file.
func (st *state) edge(l layout, b *cfg.Block, k int, s bits) bits {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return s
	}
	cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok {
		return s
	}
	out := s
	if s.Has(l.win()) && st.m.NotWindowsWhen(cond, k == 0) {
		out = s.Clone()
		out.Clear(l.win())
	}
	for _, fv := range st.fileList {
		live := s.Has(l.errLive(fv.idx))
		isFile := func(v *types.Var) bool { return v == fv.v }
		isErr := func(v *types.Var) bool { return live && slices.Contains(fv.errVars, v) }
		if flow.FailedEdge(st.pass.TypesInfo, cond, isFile, isErr) != k {
			continue
		}
		if &out[0] == &s[0] { // not copied yet
			out = s.Clone()
		}
		st.closeBits(l, fv, out)
	}
	return out
}

func (st *state) closeBits(l layout, fv *fileVar, s bits) {
	s.Clear(l.open(fv.idx))
	s.Clear(l.written(fv.idx))
	for _, w := range fv.writers {
		s.Clear(l.dirty(w))
	}
	for d := 0; d < l.d && d < len(st.defers); d++ {
		if st.defers[d].file == fv.idx {
			s.Clear(l.pend(d))
			s.Clear(l.dreg(d))
		}
	}
}

func (st *state) write(l layout, file, parent int, s bits) {
	for parent >= 0 {
		w := st.wList[parent]
		if w.Buffer {
			s.Set(l.dirty(parent))
			return
		}
		parent = w.parent
	}
	s.Set(l.written(file))
}

// dirtyBufs returns the dirty buffers over the file, outermost first.
func (st *state) dirtyBufs(l layout, fv *fileVar, s bits) []int {
	var out []int
	for k := len(fv.writers) - 1; k >= 0; k-- {
		if w := fv.writers[k]; s.Has(l.dirty(w)) {
			out = append(out, w)
		}
	}
	return out
}

func (st *state) apply(l layout, ev event, s bits, report bool) {
	switch ev.kind {
	case evCreate:
		fv := st.fileList[ev.file]
		st.closeBits(l, fv, s)
		s.Clear(l.dclose(ev.file))
		s.Clear(l.cclose(ev.file))
		s.Clear(l.used(ev.file))
		s.Set(l.open(ev.file))
		s.Set(l.errLive(ev.file))
	case evErrAssign:
		s.Clear(l.errLive(ev.file))
	case evClose:
		st.closeBits(l, st.fileList[ev.file], s)
	case evWriteFile:
		if s.Has(l.open(ev.file)) {
			s.Set(l.written(ev.file))
			s.Set(l.used(ev.file))
		}
	case evTouch:
		s.Set(l.used(ev.file))
	case evWriteBuf:
		w := st.wList[ev.writer]
		if s.Has(l.open(w.file)) {
			st.write(l, w.file, w.idx, s)
			s.Set(l.used(w.file))
		}
	case evFlush:
		w := st.wList[ev.writer]
		if w.Buffer && s.Has(l.dirty(w.idx)) {
			s.Clear(l.dirty(w.idx))
			st.write(l, w.file, w.parent, s)
		}
	case evDeferClose:
		s.Set(l.dclose(ev.file))
	case evDeferRemove:
		if ev.def >= l.d {
			break
		}
		dr := st.defers[ev.def]
		if !s.Has(l.win()) || st.fileList[dr.file].shareDelete {
			break // the removal of an open file works here
		}
		if s.Has(l.open(dr.file)) && (dr.selfBad || s.Has(l.dclose(dr.file))) {
			s.Set(l.pend(ev.def))
		}
		if s.Has(l.open(dr.file)) {
			s.Set(l.dreg(ev.def))
		}
	case evCleanupClose:
		s.Set(l.cclose(ev.file))
	case evCleanupRemove:
		if ev.def >= l.d {
			break
		}
		dr := st.defers[ev.def]
		if !s.Has(l.win()) || st.fileList[dr.file].shareDelete {
			break
		}
		if s.Has(l.open(dr.file)) && (dr.selfBad || s.Has(l.cclose(dr.file))) {
			s.Set(l.pend(ev.def))
		}
		if s.Has(l.open(dr.file)) {
			s.Set(l.dreg(ev.def))
		}
	case evRemove:
		if report && s.Has(l.win()) && s.Has(l.open(ev.file)) && !st.fileList[ev.file].shareDelete {
			st.reportRemove(st.fileList[ev.file], ev.call, st.dirtyBufs(l, st.fileList[ev.file], s))
		}
	case evReopen:
		if !report {
			break
		}
		fv := st.fileList[ev.file]
		dirty := st.dirtyBufs(l, fv, s)
		switch {
		case len(dirty) > 0:
			st.reportReopen(fv, ev.call, ev.write, dirty)
		case ev.write && s.Has(l.open(fv.idx)) && s.Has(l.written(fv.idx)):
			st.reportReopen(fv, ev.call, ev.write, nil)
		}
	case evRun:
		if !report {
			break
		}
		var hits []runHit
		for _, u := range ev.uses {
			fv := st.fileList[u.file]
			if !s.Has(l.open(fv.idx)) {
				continue
			}
			dirty := st.dirtyBufs(l, fv, s)
			switch {
			case u.argv0 && fv.writable, len(dirty) > 0:
				hits = append(hits, runHit{fv: fv, u: u, dirty: dirty})
			case s.Has(l.win()) && fv.writable && !fv.shareDelete && !s.Has(l.used(fv.idx)):
				// never written here: created for the program to fill
				hits = append(hits, runHit{fv: fv, u: u, output: true})
			}
		}
		// one report per command, for every file it names
		for len(hits) > 0 {
			cmd := hits[0].u.cmd
			var same, rest []runHit
			for _, h := range hits {
				if h.u.cmd == cmd {
					same = append(same, h)
				} else {
					rest = append(rest, h)
				}
			}
			st.reportRun(same)
			hits = rest
		}
	case evExit:
		if !report || !s.Has(l.win()) {
			break
		}
		for i, fv := range st.fileList {
			// written: the file was certainly opened (a test may expect
			// the creation to fail) and is in use
			if fv.testDir && s.Has(l.open(i)) && s.Has(l.written(i)) && !s.Has(l.dclose(i)) && !s.Has(l.cclose(i)) {
				st.reportOpenAtExit(fv)
			}
		}
		for d := 0; d < l.d && d < len(st.defers); d++ {
			dr := st.defers[d]
			// dreg: registered while the file was open, and not closed
			// since on this path; nothing registered later closes it
			// first either.
			neverClosed := s.Has(l.dreg(d)) && !s.Has(l.dclose(dr.file)) && !s.Has(l.cclose(dr.file))
			switch {
			case dr.cleanup != nil:
				// cleanups run after the deferred calls: a deferred close
				// has closed the file by then
				if s.Has(l.pend(d)) && !s.Has(l.dclose(dr.file)) {
					st.reportDefer(st.fileList[dr.file], dr, false)
				} else if neverClosed {
					st.reportNeverClosed(st.fileList[dr.file], dr)
				}
			case s.Has(l.pend(d)):
				st.reportDefer(st.fileList[dr.file], dr, false)
			case s.Has(l.dreg(d)) && s.Has(l.cclose(dr.file)) && !s.Has(l.dclose(dr.file)):
				st.reportDefer(st.fileList[dr.file], dr, true)
			case neverClosed:
				st.reportNeverClosed(st.fileList[dr.file], dr)
			}
		}
	}
}
