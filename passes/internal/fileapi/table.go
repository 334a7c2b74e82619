package fileapi

// entry is a compact way to write a table row.
type entry struct {
	pkg, recv, name string
	ops             Op
	path, src       int
	mode, flags     int
	implied         Flags
	opts            opt
	pattern, dir    int
	resFile, resDir int
	argsFrom        int
	defMode         int64
}

type opt uint8

const (
	dirObj opt = 1 << iota
	recursive
	noFollow
	inRoot
	exclusive
	replace
	underTemp
)

var table = map[Func]*API{}

func add(es ...entry) {
	for _, e := range es {
		f := Func{e.pkg, e.recv, e.name}
		a := none(f, e.ops)
		a.Path, a.Src, a.Mode, a.Flags = e.path, e.src, e.mode, e.flags
		a.Implied = e.implied
		a.Dir = e.opts&dirObj != 0
		a.Recursive = e.opts&recursive != 0
		a.NoFollow = e.opts&noFollow != 0
		a.InRoot = e.opts&inRoot != 0
		a.Exclusive = e.opts&exclusive != 0
		a.Replace = e.opts&replace != 0
		a.UnderTempDir = e.opts&underTemp != 0
		a.Pattern, a.DirArg = e.pattern, e.dir
		a.ResultFile, a.ResultPath = e.resFile, e.resDir
		a.ArgsFrom = e.argsFrom
		a.DefaultMode = e.defMode
		table[f] = a
	}
}

// e is a row with no optional indexes; the fields are set by the helpers
// below.
func e(pkg, recv, name string, ops Op, path int) entry {
	return entry{pkg: pkg, recv: recv, name: name, ops: ops, path: path, src: -1, mode: -1, flags: -1,
		pattern: -1, dir: -1, resFile: -1, resDir: -1, argsFrom: -1}
}

func (x entry) withSrc(i int) entry     { x.src = i; return x }
func (x entry) withMode(i int) entry    { x.mode = i; return x }
func (x entry) withFlags(i int) entry   { x.flags = i; return x }
func (x entry) implies(f Flags) entry   { x.implied = f; return x }
func (x entry) with(o opt) entry        { x.opts |= o; return x }
func (x entry) file(i int) entry        { x.resFile = i; return x }
func (x entry) pathResult(i int) entry  { x.resDir = i; return x }
func (x entry) temp(dir, pat int) entry { x.dir, x.pattern = dir, pat; return x }
func (x entry) args(i int) entry        { x.argsFrom = i; return x }

// defaultMode is the permission a call with no mode argument creates with
// (before the umask).
func (x entry) defaultMode(m int64) entry { x.defMode = m; return x }

// CreateFlags are the flags os.Create and os.WriteFile open with.
const CreateFlags = FlagWrite | FlagCreate | FlagTrunc

// The receivers through which *os.Root methods are called.
const root = "Root"

func init() {
	// The os package.
	add(
		e("os", "", "Create", OpCreate|OpOpen|OpWrite|OpTruncate, 0).implies(CreateFlags).file(0).defaultMode(0o666),
		e("os", "", "Open", OpOpen|OpRead, 0).implies(FlagRead).file(0),
		e("os", "", "OpenFile", OpOpen, 0).withFlags(1).withMode(2).file(0),
		e("os", "", "OpenInRoot", OpOpen|OpRead, 1).implies(FlagRead).file(0),
		e("os", "", "OpenRoot", OpOpenRoot, 0),
		e("os", "", "ReadFile", OpRead, 0),
		e("os", "", "WriteFile", OpCreate|OpWrite|OpTruncate, 0).withMode(2).implies(CreateFlags),
		e("os", "", "Mkdir", OpCreate|OpMkdir, 0).withMode(1).with(dirObj).with(exclusive),
		e("os", "", "MkdirAll", OpCreate|OpMkdir, 0).withMode(1).with(dirObj|recursive),
		e("os", "", "Remove", OpRemove, 0).with(noFollow),
		e("os", "", "RemoveAll", OpRemove, 0).with(noFollow|recursive|dirObj),
		e("os", "", "Rename", OpRename, 1).withSrc(0).with(noFollow),
		e("os", "", "Link", OpCreate|OpLink, 1).withSrc(0).with(exclusive),
		e("os", "", "Symlink", OpCreate|OpSymlink, 1).withSrc(0).with(noFollow).with(exclusive),
		e("os", "", "Chmod", OpChmod, 0).withMode(1),
		e("os", "", "Chown", OpChown, 0),
		e("os", "", "Lchown", OpChown, 0).with(noFollow),
		e("os", "", "Chtimes", OpChtimes, 0),
		e("os", "", "Truncate", OpTruncate|OpWrite, 0),
		e("os", "", "Stat", OpStat, 0),
		e("os", "", "Lstat", OpStat, 0).with(noFollow),
		e("os", "", "ReadDir", OpReadDir, 0),
		e("os", "", "Readlink", OpReadlink, 0).with(noFollow),
		e("os", "", "Chdir", OpChdir, 0),
		e("os", "", "DirFS", OpReadDir|OpRead, 0),
		e("os", "", "CopyFS", OpCreate|OpWrite|OpMkdir, 0).with(recursive),
		e("os", "", "CreateTemp", OpCreate|OpOpen|OpWrite|OpCreateTemp, -1).temp(0, 1).file(0),
		e("os", "", "MkdirTemp", OpCreate|OpMkdir|OpMkdirTemp, -1).temp(0, 1).pathResult(0).with(dirObj),
		e("os", "", "StartProcess", OpExec, 0),
	)
	// *os.Root methods (Go 1.24 and 1.25): relative to the root, never
	// escaping it.
	add(
		e("os", root, "Create", OpCreate|OpOpen|OpWrite|OpTruncate, 0).implies(CreateFlags).file(0).with(inRoot).defaultMode(0o666),
		e("os", root, "Open", OpOpen|OpRead, 0).implies(FlagRead).file(0).with(inRoot),
		e("os", root, "OpenFile", OpOpen, 0).withFlags(1).withMode(2).file(0).with(inRoot),
		e("os", root, "OpenRoot", OpOpenRoot, 0).with(inRoot),
		e("os", root, "ReadFile", OpRead, 0).with(inRoot),
		e("os", root, "WriteFile", OpCreate|OpWrite|OpTruncate, 0).withMode(2).implies(CreateFlags).with(inRoot),
		e("os", root, "Mkdir", OpCreate|OpMkdir, 0).withMode(1).with(dirObj|inRoot).with(exclusive),
		e("os", root, "MkdirAll", OpCreate|OpMkdir, 0).withMode(1).with(dirObj|recursive|inRoot),
		e("os", root, "Remove", OpRemove, 0).with(noFollow|inRoot),
		e("os", root, "RemoveAll", OpRemove, 0).with(noFollow|recursive|dirObj|inRoot),
		e("os", root, "Rename", OpRename, 1).withSrc(0).with(noFollow|inRoot),
		e("os", root, "Link", OpCreate|OpLink, 1).withSrc(0).with(inRoot).with(exclusive),
		e("os", root, "Symlink", OpCreate|OpSymlink, 1).withSrc(0).with(noFollow|inRoot).with(exclusive),
		e("os", root, "Chmod", OpChmod, 0).withMode(1).with(inRoot),
		e("os", root, "Chown", OpChown, 0).with(inRoot),
		e("os", root, "Lchown", OpChown, 0).with(noFollow|inRoot),
		e("os", root, "Chtimes", OpChtimes, 0).with(inRoot),
		e("os", root, "Stat", OpStat, 0).with(inRoot),
		e("os", root, "Lstat", OpStat, 0).with(noFollow|inRoot),
		e("os", root, "Readlink", OpReadlink, 0).with(noFollow|inRoot),
	)
	// io/ioutil (deprecated forms).
	add(
		e("io/ioutil", "", "ReadFile", OpRead, 0),
		e("io/ioutil", "", "WriteFile", OpCreate|OpWrite|OpTruncate, 0).withMode(2).implies(CreateFlags),
		e("io/ioutil", "", "ReadDir", OpReadDir, 0),
		e("io/ioutil", "", "TempFile", OpCreate|OpOpen|OpWrite|OpCreateTemp, -1).temp(0, 1).file(0),
		e("io/ioutil", "", "TempDir", OpCreate|OpMkdir|OpMkdirTemp, -1).temp(0, 1).pathResult(0).with(dirObj),
	)
	// Walks.
	add(
		e("path/filepath", "", "Walk", OpWalk|OpReadDir, 0).with(recursive),
		e("path/filepath", "", "WalkDir", OpWalk|OpReadDir, 0).with(recursive),
		e("path/filepath", "", "EvalSymlinks", OpReadlink, 0),
		e("path/filepath", "", "Glob", OpReadDir, -1),
	)
	// os/exec.
	add(
		e("os/exec", "", "Command", OpExec, 0).args(1),
		e("os/exec", "", "CommandContext", OpExec, 1).args(2),
		e("os/exec", "", "LookPath", OpStat, 0),
	)
	// syscall and golang.org/x/sys/unix: the same calls by path.
	for _, pkg := range []string{"syscall", "golang.org/x/sys/unix"} {
		add(
			e(pkg, "", "Open", OpOpen, 0).withFlags(1).withMode(2),
			e(pkg, "", "Creat", OpCreate|OpOpen|OpWrite|OpTruncate, 0).withMode(1).implies(CreateFlags),
			e(pkg, "", "Openat", OpOpen, 1).withFlags(2).withMode(3),
			e(pkg, "", "Mkdir", OpCreate|OpMkdir, 0).withMode(1).with(dirObj).with(exclusive),
			e(pkg, "", "Mkfifo", OpCreate, 0).withMode(1).with(exclusive),
			e(pkg, "", "Mknod", OpCreate, 0).withMode(1).with(exclusive),
			e(pkg, "", "Unlink", OpRemove, 0).with(noFollow),
			e(pkg, "", "Rmdir", OpRemove, 0).with(noFollow|dirObj),
			e(pkg, "", "Rename", OpRename, 1).withSrc(0).with(noFollow),
			e(pkg, "", "Link", OpCreate|OpLink, 1).withSrc(0).with(exclusive),
			e(pkg, "", "Symlink", OpCreate|OpSymlink, 1).withSrc(0).with(noFollow).with(exclusive),
			e(pkg, "", "Chmod", OpChmod, 0).withMode(1),
			e(pkg, "", "Chown", OpChown, 0),
			e(pkg, "", "Lchown", OpChown, 0).with(noFollow),
			e(pkg, "", "Truncate", OpTruncate|OpWrite, 0),
			e(pkg, "", "Access", OpAccess, 0),
			e(pkg, "", "Stat", OpStat, 0),
			e(pkg, "", "Lstat", OpStat, 0).with(noFollow),
			e(pkg, "", "Readlink", OpReadlink, 0).with(noFollow),
			e(pkg, "", "Exec", OpExec, 0).args(1),
		)
	}
	// testing: a test's private temp dir (T, B and F promote common's
	// method; TB is the interface).
	for _, recv := range []string{"common", "TB"} {
		add(e("testing", recv, "TempDir", OpTestTempDir, -1).pathResult(0))
	}
}
