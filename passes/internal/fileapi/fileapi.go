// Package fileapi is tempguard's one table of file-system APIs: every call
// that creates, opens, reads, writes, removes, renames, links, chmods,
// chowns, truncates, stats or executes something by path, with the role of
// each argument, where its mode and open flags are, whether it follows
// symlinks, and which calls create temporary objects.
//
// Every pass asks this table; none keeps a list of its own. Adding an API
// (a new *os.Root method, a file-system abstraction) is one entry here.
//
// Entries are keyed by the exact package path, receiver type name and
// function name of the API ([Func]). That is the only place tempguard
// matches names: identifiers of the analyzed code are never read.
package fileapi

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Func names a function or method by package path, receiver type name (""
// for package-level functions) and name, e.g. {"os", "File", "Name"}.
type Func struct {
	Pkg, Recv, Name string
}

func (f Func) String() string {
	pkg := f.Pkg
	if i := strings.LastIndex(pkg, "/"); i >= 0 && !strings.HasPrefix(pkg[i+1:], "v") {
		pkg = pkg[i+1:]
	} else if pkg == "math/rand/v2" {
		pkg = "rand"
	}
	if f.Recv != "" {
		return f.Recv + "." + f.Name
	}
	return pkg + "." + f.Name
}

// Is reports whether f is the package-level function pkg.name.
func (f Func) Is(pkg, name string) bool { return f.Pkg == pkg && f.Recv == "" && f.Name == name }

// IsMethod reports whether f is the method recv.name of package pkg.
func (f Func) IsMethod(pkg, recv, name string) bool {
	return f.Pkg == pkg && f.Recv == recv && f.Name == name
}

// FuncOf identifies a types.Func. Methods of generic or unnamed receivers
// get their named receiver type's name; pointer receivers are looked
// through; methods of interfaces get the interface's name.
func FuncOf(fn *types.Func) Func {
	if fn == nil || fn.Pkg() == nil {
		return Func{}
	}
	f := Func{Pkg: fn.Pkg().Path(), Name: fn.Name()}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			f.Recv = n.Obj().Name()
		} else {
			f.Recv = "?"
		}
	}
	return f
}

// Callee returns the statically known function or method called by call,
// and its identity. It returns (nil, Func{}) for dynamic calls, conversions
// and builtins. Calls of interface methods return the interface method.
func Callee(info *types.Info, call *ast.CallExpr) (*types.Func, Func) {
	obj, _ := typeutil.Callee(info, call).(*types.Func)
	if obj == nil {
		return nil, Func{}
	}
	return obj, FuncOf(obj)
}

// Op is a set of things a call does to the file-system object it names.
type Op uint32

const (
	OpCreate      Op = 1 << iota // may create the object at Path
	OpOpen                       // opens the object at Path (returns a handle)
	OpRead                       // reads the object's contents by name
	OpWrite                      // writes the object's contents by name
	OpRemove                     // removes the object at Path
	OpRename                     // renames Src to Path
	OpLink                       // makes a hard link at Path to Src
	OpSymlink                    // makes a symlink at Path (its target is Src)
	OpChmod                      // changes the mode of Path
	OpChown                      // changes the owner of Path
	OpTruncate                   // truncates Path
	OpExec                       // executes the program at Path
	OpStat                       // reads the metadata of Path
	OpAccess                     // checks access(2) permissions of Path
	OpMkdir                      // creates a directory at Path
	OpWalk                       // walks the tree at Path
	OpReadDir                    // lists the directory at Path
	OpReadlink                   // reads the symlink at Path
	OpChtimes                    // changes the times of Path
	OpChdir                      // changes the working directory
	OpCreateTemp                 // creates a temp file with a random name (os.CreateTemp)
	OpMkdirTemp                  // creates a temp dir with a random name (os.MkdirTemp)
	OpTestTempDir                // returns a test's private temp dir ((*testing.T).TempDir)
	OpOpenRoot                   // opens an *os.Root at Path
)

// Has reports whether o includes every op of x.
func (o Op) Has(x Op) bool { return o&x == x }

// Any reports whether o includes some op of x.
func (o Op) Any(x Op) bool { return o&x != 0 }

// Checks are the ops that only inspect a path (stat, lstat, access).
const Checks = OpStat | OpAccess

// Mutates are the ops that change the object at Path or the name space.
const Mutates = OpCreate | OpWrite | OpRemove | OpRename | OpLink | OpSymlink |
	OpChmod | OpChown | OpTruncate | OpMkdir | OpChtimes

// API describes one function or method of the table.
type API struct {
	Func Func
	Ops  Op
	// Path is the index of the argument naming the object the call acts
	// on (the new name of a rename or link, the link of a symlink), or -1.
	Path int
	// Src is the index of the second path: the old name of a rename or
	// hard link, the target text of a symlink; -1 if none.
	Src int
	// Mode is the index of the permission argument, or -1.
	Mode int
	// Flags is the index of the open-flag argument, or -1.
	Flags int
	// Implied are the open flags the call uses when it has no flag
	// argument (os.Create: Write|Create|Trunc; os.WriteFile likewise).
	Implied Flags
	// Dir: the object created or removed is a directory (Mkdir, MkdirAll,
	// MkdirTemp); for removals, RemoveAll.
	Dir bool
	// Recursive: the call acts on a whole tree (MkdirAll, RemoveAll, Walk).
	Recursive bool
	// Exclusive: creating fails when the name exists (Mkdir, Symlink,
	// Link, Mkfifo, Mknod), as an O_EXCL open does.
	Exclusive bool
	// Replace: the call writes a fresh temp file next to Path (with a
	// random name, O_EXCL) and renames it over Path (renameio.WriteFile,
	// atomic.WriteFile): a symlink at Path is replaced, not followed, and
	// in a sticky directory another user's file there makes it fail.
	Replace bool
	// UnderTempDir: Path names an entry of os.TempDir(), relative to it
	// (afero.GetTempDir(fs, subPath) makes os.TempDir()+subPath).
	UnderTempDir bool
	// NoFollow: the call acts on a symlink itself, not on what it points
	// to (Lstat, Remove, Rename, Symlink, Lchown, Readlink).
	NoFollow bool
	// InRoot: the call is a method of *os.Root: Path is relative to the
	// root and cannot escape it through symlinks or "..".
	InRoot bool
	// Pattern is the index of a CreateTemp/MkdirTemp name pattern, or -1;
	// DirArg the index of its directory argument, or -1.
	Pattern, DirArg int
	// ResultFile is the index of the *os.File (or handle) result, or -1;
	// ResultPath the index of a path result (MkdirTemp, t.TempDir), or -1.
	ResultFile, ResultPath int
	// ArgsFrom: for exec calls, the index of the first argument given to
	// the program (variadic args of exec.Command), or -1.
	ArgsFrom int
	// DefaultMode is the permission a call that takes no mode argument
	// creates a file with, before the umask (os.Create: 0o666), or 0.
	DefaultMode int64
}

// none is the zero value of every index field.
func none(f Func, ops Op) *API {
	return &API{Func: f, Ops: ops, Path: -1, Src: -1, Mode: -1, Flags: -1, Pattern: -1, DirArg: -1,
		ResultFile: -1, ResultPath: -1, ArgsFrom: -1}
}

// Lookup returns the table's entry for fn, if any. Methods called through an
// interface are looked up under the interface; methods of types that embed
// a table type are looked up under the embedded type's method.
func Lookup(fn *types.Func) (*API, bool) {
	if fn == nil {
		return nil, false
	}
	a, ok := table[FuncOf(fn.Origin())]
	return a, ok
}

// LookupFunc returns the entry for f.
func LookupFunc(f Func) (*API, bool) {
	a, ok := table[f]
	return a, ok
}

// All returns every entry of the table, for documentation and tests.
func All() []*API {
	out := make([]*API, 0, len(table))
	for _, a := range table {
		out = append(out, a)
	}
	return out
}

// CallAPI returns the entry of the function call calls, if it is in the table.
func CallAPI(info *types.Info, call *ast.CallExpr) (*API, bool) {
	fn, _ := Callee(info, call)
	return Lookup(fn)
}

// Arg returns argument i of call, or nil when i < 0 or out of range.
func Arg(call *ast.CallExpr, i int) ast.Expr {
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	return call.Args[i]
}

// IsCreateTemp reports whether f creates a temp file with a random name.
func IsCreateTemp(f Func) bool { a, ok := table[f]; return ok && a.Ops.Has(OpCreateTemp) }

// IsMkdirTemp reports whether f creates a temp dir with a random name.
func IsMkdirTemp(f Func) bool { a, ok := table[f]; return ok && a.Ops.Has(OpMkdirTemp) }

// IsTestTempDir reports whether f is (*testing.T|B|F|common).TempDir or
// testing.TB.TempDir.
func IsTestTempDir(f Func) bool { a, ok := table[f]; return ok && a.Ops.Has(OpTestTempDir) }

// IsRemove reports whether f removes the object at its path (os.Remove,
// os.RemoveAll, the *os.Root forms, syscall/unix Unlink and Rmdir).
func IsRemove(f Func) bool { a, ok := table[f]; return ok && a.Ops.Has(OpRemove) }
