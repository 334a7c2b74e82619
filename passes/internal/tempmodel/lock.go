package tempmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

// TakesLock reports whether call takes an inter-process file lock: an
// os.OpenFile with O_CREATE|O_EXCL (a lock file), flock(2) or an fcntl
// lock on the descriptor of an *os.File, or a lock call of a file-locking
// package ([fileapi.LockCall]).
func (m *Model) TakesLock(call *ast.CallExpr) bool {
	fn, f := Callee(m.pass.TypesInfo, call)
	switch {
	case f.Is("os", "OpenFile"):
		if len(call.Args) < 2 {
			return false
		}
		known, create, excl := m.OpenFlags(call.Args[1])
		return known && create && excl
	case fileapi.SysPkg(f.Pkg) && f.Recv == "" && f.Name == "Flock" && len(call.Args) == 2:
		// flock(fd, LOCK_EX or LOCK_SH): the operation's value, not
		// LOCK_UN.
		how, ok := m.ConstInt(call.Args[1])
		ex, _ := fileapi.SysConst(fn.Pkg(), "LOCK_EX")
		sh, _ := fileapi.SysConst(fn.Pkg(), "LOCK_SH")
		return ok && how&(ex|sh) != 0 && m.fileFd(call.Args[0], 0)
	case fileapi.SysPkg(f.Pkg) && f.Recv == "" && f.Name == "FcntlFlock" && len(call.Args) == 3:
		// fcntl(fd, F_SETLK(W), &Flock_t{Type: F_WRLCK or F_RDLCK}).
		cmd, ok := m.ConstInt(call.Args[1])
		if !ok || !m.fileFd(call.Args[0], 0) {
			return false
		}
		set := false
		for _, name := range []string{"F_SETLK", "F_SETLKW", "F_OFD_SETLK", "F_OFD_SETLKW"} {
			if v, ok := fileapi.SysConst(fn.Pkg(), name); ok && v == cmd {
				set = true
			}
		}
		return set && m.lockType(fn.Pkg(), call.Args[2])
	}
	return fileapi.LockCall(f)
}

// fileFd reports whether e is the descriptor of an *os.File: f.Fd(), a
// conversion of it (int(f.Fd())), or a variable assigned only that.
func (m *Model) fileFd(e ast.Expr, depth int) bool {
	info := m.pass.TypesInfo
	if depth > 3 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return m.fileFd(x.Args[0], depth+1)
		}
		_, f := Callee(info, x)
		return f == fileapi.FileFd
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		xs, idx, complete := m.Defs(v)
		if !complete || len(xs) == 0 {
			return false
		}
		for i, d := range xs {
			if d == nil || idx[i] >= 0 || !m.fileFd(d, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// lockType reports whether e is &Flock_t{Type: F_RDLCK or F_WRLCK} of
// package pkg, directly or through a variable assigned once.
func (m *Model) lockType(pkg *types.Package, e ast.Expr) bool {
	info := m.pass.TypesInfo
	addr := func(e ast.Expr) ast.Expr {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		return e
	}
	e = addr(e)
	if id, ok := e.(*ast.Ident); ok {
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return false
		}
		xs, idx, complete := m.Defs(v)
		if !complete || len(xs) != 1 || xs[0] == nil || idx[0] >= 0 {
			return false
		}
		e = addr(xs[0])
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	n, ok := types.Unalias(info.TypeOf(lit)).(*types.Named)
	if !ok || pkg == nil || n.Obj() != pkg.Scope().Lookup("Flock_t") {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	rd, _ := fileapi.SysConst(pkg, "F_RDLCK")
	wr, _ := fileapi.SysConst(pkg, "F_WRLCK")
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		// The Type field of the struct (the field object, not its
		// spelling in the program).
		for i := range st.NumFields() {
			if fld := st.Field(i); fld == info.Uses[key] && fld.Name() == "Type" {
				if v, ok := m.ConstInt(kv.Value); ok && (v == rd || v == wr) {
					return true
				}
			}
		}
	}
	return false
}
