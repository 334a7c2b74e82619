package fileapi

// File-system abstractions that mirror the os API, by their real package
// paths, types and methods, with argument roles like os's. A program that
// writes through afero.Fs creates the same files as one that calls os
// directly (the real OsFs calls os), so every pass sees them as it sees
// os's calls.
//
// What is deliberately not here:
//   - afero's in-memory and layered implementations (MemMapFs, BasePathFs,
//     ReadOnlyFs, CopyOnWriteFs...): their methods are not entries, so a
//     call whose receiver has such a concrete type is not a file API. A call
//     through the Fs interface is one (the real OsFs does it), unless the
//     receiver is provably such a value ([FSImpl]);
//   - go-billy (billy.Filesystem, osfs.New(base)): its paths are relative to
//     the base directory the filesystem was made with, which no argument of
//     the call names, and its chroot follows symlinks out of the base, so
//     neither the absolute-path roles nor *os.Root's apply;
//   - afero.TempFile/TempDir and renameio's pending files are random-name
//     creators (Pattern, DirArg), but not OpCreateTemp/OpMkdirTemp: the
//     passes that follow a temp file to its removal model *os.File and
//     os.Remove, and afero's handle is removed through the Fs.
const (
	aferoPkg  = "github.com/spf13/afero"
	atomicPkg = "github.com/natefinch/atomic"
)

// renameioPkgs are the import paths of github.com/google/renameio (v1 and
// v2 have the same calls).
var renameioPkgs = []string{"github.com/google/renameio", "github.com/google/renameio/v2"}

// abstractionPkgs are the packages of this file's entries: importing one
// is reason enough to analyze a package.
var abstractionPkgs = map[string]bool{aferoPkg: true, atomicPkg: true}

func init() {
	for _, p := range renameioPkgs {
		abstractionPkgs[p] = true
	}
	// afero.Fs (the interface) and OsFs (its os-backed implementation):
	// the same calls as os's, path first. afero.Afero embeds Fs, so its
	// promoted methods are these.
	for _, recv := range []string{"Fs", "OsFs"} {
		add(
			e(aferoPkg, recv, "Create", OpCreate|OpOpen|OpWrite|OpTruncate, 0).implies(CreateFlags),
			e(aferoPkg, recv, "Open", OpOpen|OpRead, 0).implies(FlagRead),
			e(aferoPkg, recv, "OpenFile", OpOpen, 0).withFlags(1).withMode(2),
			e(aferoPkg, recv, "Mkdir", OpCreate|OpMkdir, 0).withMode(1).with(dirObj).with(exclusive),
			e(aferoPkg, recv, "MkdirAll", OpCreate|OpMkdir, 0).withMode(1).with(dirObj|recursive),
			e(aferoPkg, recv, "Remove", OpRemove, 0).with(noFollow),
			e(aferoPkg, recv, "RemoveAll", OpRemove, 0).with(noFollow|recursive|dirObj),
			e(aferoPkg, recv, "Rename", OpRename, 1).withSrc(0).with(noFollow),
			e(aferoPkg, recv, "Stat", OpStat, 0),
			e(aferoPkg, recv, "Chmod", OpChmod, 0).withMode(1),
			e(aferoPkg, recv, "Chown", OpChown, 0),
			e(aferoPkg, recv, "Chtimes", OpChtimes, 0),
		)
	}
	// The optional symlink interfaces, which OsFs implements.
	for _, recv := range []string{"Linker", "OsFs"} {
		add(e(aferoPkg, recv, "SymlinkIfPossible", OpCreate|OpSymlink, 1).withSrc(0).with(noFollow).with(exclusive))
	}
	for _, recv := range []string{"Lstater", "OsFs"} {
		add(e(aferoPkg, recv, "LstatIfPossible", OpStat, 0).with(noFollow))
	}
	for _, recv := range []string{"LinkReader", "OsFs"} {
		add(e(aferoPkg, recv, "ReadlinkIfPossible", OpReadlink, 0).with(noFollow))
	}
	// afero's ioutil-like helpers: the package functions take the Fs first,
	// the methods of afero.Afero the same arguments without it.
	for _, h := range []struct {
		recv  string
		shift int
	}{{"", 1}, {"Afero", 0}} {
		s := h.shift
		add(
			e(aferoPkg, h.recv, "WriteFile", OpCreate|OpWrite|OpTruncate, s).withMode(s+2).implies(CreateFlags),
			e(aferoPkg, h.recv, "WriteReader", OpCreate|OpWrite|OpTruncate, s).implies(CreateFlags),
			e(aferoPkg, h.recv, "SafeWriteReader", OpCreate|OpWrite|OpTruncate, s).implies(CreateFlags),
			e(aferoPkg, h.recv, "ReadFile", OpRead, s),
			e(aferoPkg, h.recv, "ReadDir", OpReadDir, s),
			e(aferoPkg, h.recv, "Walk", OpWalk|OpReadDir, s).with(recursive),
			e(aferoPkg, h.recv, "TempFile", OpCreate|OpOpen|OpWrite, -1).temp(s, s+1),
			e(aferoPkg, h.recv, "TempDir", OpCreate|OpMkdir, -1).temp(s, s+1).pathResult(0).with(dirObj),
			// GetTempDir(fs, subPath): os.TempDir()+subPath, made with
			// MkdirAll(..., 0o777) unless subPath is "".
			e(aferoPkg, h.recv, "GetTempDir", OpCreate|OpMkdir, s).pathResult(0).with(dirObj|recursive|underTemp),
		)
	}
	// Atomic writers: the data goes to a fresh temp file next to the name,
	// which is then renamed over it (replace).
	for _, p := range renameioPkgs {
		add(
			e(p, "", "WriteFile", OpCreate|OpWrite, 0).withMode(2).with(noFollow|replace),
			e(p, "", "Symlink", OpCreate|OpSymlink, 1).withSrc(0).with(noFollow|replace),
			e(p, "", "TempFile", OpCreate|OpOpen|OpWrite, 1).temp(0, -1).with(noFollow|replace),
		)
	}
	add(
		e(renameioPkgs[1], "", "NewPendingFile", OpCreate|OpOpen|OpWrite, 0).with(noFollow|replace),
		e(atomicPkg, "", "WriteFile", OpCreate|OpWrite, 0).with(noFollow|replace),
		e(atomicPkg, "", "ReplaceFile", OpRename, 1).withSrc(0).with(noFollow),
	)
}

// Abstraction reports whether pkg is the import path of a file-system
// abstraction of the table (afero, renameio, natefinch/atomic).
func Abstraction(pkg string) bool { return abstractionPkgs[pkg] }

// FSKind says what a file-system value of an abstraction is backed by.
type FSKind uint8

const (
	FSUnknown FSKind = iota // cannot tell (an interface value from elsewhere)
	FSOS                    // the real file system, paths as os's
	FSNotOS                 // in memory, read-only, or relative to a base path
)

// fsCtors are the constructors of afero file systems and what they give.
var fsCtors = map[Func]FSKind{
	{aferoPkg, "", "NewOsFs"}:          FSOS,
	{aferoPkg, "", "NewMemMapFs"}:      FSNotOS,
	{aferoPkg, "", "NewBasePathFs"}:    FSNotOS,
	{aferoPkg, "", "NewReadOnlyFs"}:    FSNotOS,
	{aferoPkg, "", "NewCopyOnWriteFs"}: FSNotOS,
	{aferoPkg, "", "NewCacheOnReadFs"}: FSNotOS,
	{aferoPkg, "", "NewRegexpFs"}:      FSNotOS,
}

// fsTypes are the concrete afero types and what they are backed by.
var fsTypes = map[string]FSKind{
	"OsFs": FSOS, "MemMapFs": FSNotOS, "BasePathFs": FSNotOS, "ReadOnlyFs": FSNotOS,
	"CopyOnWriteFs": FSNotOS, "CacheOnReadFs": FSNotOS, "RegexpFs": FSNotOS,
}

// FSCtor returns what the file system made by the constructor f is backed
// by, if f is one.
func FSCtor(f Func) (FSKind, bool) {
	k, ok := fsCtors[f]
	return k, ok
}

// FSType returns what a value of the named type pkg.name is backed by, if
// it is a concrete file-system type of an abstraction.
func FSType(pkg, name string) (FSKind, bool) {
	if pkg != aferoPkg {
		return FSUnknown, false
	}
	k, ok := fsTypes[name]
	return k, ok
}

// FSArg returns the index of the argument that is the file system a call
// of f acts through (afero.WriteFile(fs, ...)), or -1; a method acts
// through its receiver.
func FSArg(f Func) int {
	if f.Pkg == aferoPkg && f.Recv == "" {
		if a, ok := table[f]; ok && (a.Path == 1 || a.DirArg == 1) {
			return 0
		}
	}
	return -1
}

// TempCalls returns, as fmt formats of the name pattern, the calls that
// create a file and a directory with a random name in the temp dir the
// way f's API does: os.CreateTemp and os.MkdirTemp, or the abstraction's
// own (afero.TempFile(fs, "", pattern)) for a call through one.
func TempCalls(f Func) (file, dir string) {
	if f.Pkg == aferoPkg {
		return `afero.TempFile(fs, "", %q)`, `afero.TempDir(fs, "", %q)`
	}
	return `os.CreateTemp("", %q)`, `os.MkdirTemp("", %q)`
}
