package fileapi

import (
	"go/constant"
	"go/types"
)

// Standard objects the passes test by identity (package path and name of
// the object itself, never a spelling in the program): FileInfo and
// FileMode methods, FileMode bits, the owner fields of Stat_t, os.Args,
// the syscall constants, testing.TB; and the exact keys of the calls that
// give user input or take an inter-process lock.

// FileInfo, FileMode and *os.File methods (io/fs; os.FileInfo and
// os.FileMode are aliases), by exact key.
var (
	InfoIsDir     = Func{Pkg: "io/fs", Recv: "FileInfo", Name: "IsDir"}
	InfoMode      = Func{Pkg: "io/fs", Recv: "FileInfo", Name: "Mode"}
	InfoSys       = Func{Pkg: "io/fs", Recv: "FileInfo", Name: "Sys"}
	ModeIsDir     = Func{Pkg: "io/fs", Recv: "FileMode", Name: "IsDir"}
	ModeIsRegular = Func{Pkg: "io/fs", Recv: "FileMode", Name: "IsRegular"}
	ModeType      = Func{Pkg: "io/fs", Recv: "FileMode", Name: "Type"}
	ModePerm      = Func{Pkg: "io/fs", Recv: "FileMode", Name: "Perm"}
	FileFd        = Func{Pkg: "os", Recv: "File", Name: "Fd"}
)

// ModeBits says what a FileMode constant selects.
type ModeBits uint8

const (
	ModeBitsNone    ModeBits = iota
	ModeBitsSymlink          // ModeSymlink
	ModeBitsType             // ModeDir, ModeType, ModeNamedPipe...: the file's type
	ModeBitsPerm             // ModePerm, ModeSetuid, ModeSetgid, ModeSticky
)

var fileModeConsts = map[string]ModeBits{
	"ModeSymlink": ModeBitsSymlink,
	"ModeDir":     ModeBitsType, "ModeType": ModeBitsType, "ModeNamedPipe": ModeBitsType, "ModeSocket": ModeBitsType,
	"ModeDevice": ModeBitsType, "ModeCharDevice": ModeBitsType, "ModeIrregular": ModeBitsType,
	"ModePerm": ModeBitsPerm, "ModeSetuid": ModeBitsPerm, "ModeSetgid": ModeBitsPerm, "ModeSticky": ModeBitsPerm,
}

// ModeConst returns what the FileMode constant obj of io/fs (or its
// alias in os) selects, or ModeBitsNone for any other object.
func ModeConst(obj types.Object) ModeBits {
	c, ok := obj.(*types.Const)
	if !ok || c.Pkg() == nil || c.Pkg().Path() != "io/fs" && c.Pkg().Path() != "os" {
		return ModeBitsNone
	}
	for name, bits := range fileModeConsts {
		if c.Pkg().Scope().Lookup(name) == obj {
			return bits
		}
	}
	return ModeBitsNone
}

// IsFileMode reports whether t is fs.FileMode (os.FileMode).
func IsFileMode(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "io/fs" && n.Obj().Name() == "FileMode"
}

// SysPkg reports whether path is syscall or golang.org/x/sys/unix, the
// packages whose Stat_t, Flock, FcntlFlock, Access and constants the
// passes know.
func SysPkg(path string) bool { return path == "syscall" || path == "golang.org/x/sys/unix" }

// SysConst returns the value of the constant name declared by pkg (the
// API's own definition, for the platform the package was built for), or
// false.
func SysConst(pkg *types.Package, name string) (int64, bool) {
	if pkg == nil {
		return 0, false
	}
	c, ok := pkg.Scope().Lookup(name).(*types.Const)
	if !ok {
		return 0, false
	}
	return constant.Int64Val(constant.ToInt(c.Val()))
}

// IsStatOwner reports whether selection s selects the Uid or Gid field of
// syscall.Stat_t or unix.Stat_t.
func IsStatOwner(s *types.Selection) bool {
	if s == nil || s.Kind() != types.FieldVal {
		return false
	}
	t := s.Recv()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !SysPkg(n.Obj().Pkg().Path()) || n.Obj().Pkg().Scope().Lookup("Stat_t") != n.Obj() {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if f == s.Obj() && (f.Name() == "Uid" || f.Name() == "Gid") {
			return true
		}
	}
	return false
}

// IsTimeValue reports whether t is (a pointer to) one of the time
// package's value types, whose every value is a time or a span of one:
// time.Time, Duration, Month, Weekday.
func IsTimeValue(t types.Type) bool {
	return IsNamed(t, "time", "Time") || IsNamed(t, "time", "Duration") ||
		IsNamed(t, "time", "Month") || IsNamed(t, "time", "Weekday")
}

// IsOSArgs reports whether obj is the variable os.Args.
func IsOSArgs(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "os" && v.Name() == "Args"
}

// ImplementsTB reports whether t (or *t) is a named type of package
// testing that implements testing.TB: *testing.T, B, F or testing.TB.
func ImplementsTB(t types.Type) bool {
	elem := t
	if ptr, ok := t.(*types.Pointer); ok {
		elem = ptr.Elem()
	}
	n, ok := types.Unalias(elem).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "testing" {
		return false
	}
	tb, ok := n.Obj().Pkg().Scope().Lookup("TB").(*types.TypeName)
	if !ok {
		return false
	}
	iface, ok := tb.Type().Underlying().(*types.Interface)
	return ok && types.Implements(t, iface)
}

// Input says which user-controlled value a call returns.
type Input uint8

const (
	InputNone    Input = iota
	InputRequest       // a value of an HTTP request
	InputArg           // a command-line argument
	InputFlag          // a *string set from the command line: p := flag.String(...)
	InputFlagVar       // sets its first argument from the command line: flag.StringVar(&p, ...)
)

var inputs = map[Func]Input{
	{Pkg: "net/http", Recv: "Request", Name: "FormValue"}:                       InputRequest,
	{Pkg: "net/http", Recv: "Request", Name: "PostFormValue"}:                   InputRequest,
	{Pkg: "net/http", Recv: "Request", Name: "PathValue"}:                       InputRequest,
	{Pkg: "net/url", Recv: "Values", Name: "Get"}:                               InputRequest,
	{Pkg: "github.com/gin-gonic/gin", Recv: "Context", Name: "Param"}:           InputRequest,
	{Pkg: "github.com/gin-gonic/gin", Recv: "Context", Name: "Query"}:           InputRequest,
	{Pkg: "github.com/gin-gonic/gin", Recv: "Context", Name: "PostForm"}:        InputRequest,
	{Pkg: "github.com/gin-gonic/gin", Recv: "Context", Name: "DefaultQuery"}:    InputRequest,
	{Pkg: "github.com/gin-gonic/gin", Recv: "Context", Name: "DefaultPostForm"}: InputRequest,
	{Pkg: "github.com/labstack/echo/v4", Recv: "Context", Name: "Param"}:        InputRequest,
	{Pkg: "github.com/labstack/echo/v4", Recv: "Context", Name: "QueryParam"}:   InputRequest,
	{Pkg: "github.com/labstack/echo/v4", Recv: "Context", Name: "FormValue"}:    InputRequest,
	{Pkg: "github.com/gofiber/fiber/v2", Recv: "Ctx", Name: "Params"}:           InputRequest,
	{Pkg: "github.com/gofiber/fiber/v2", Recv: "Ctx", Name: "Query"}:            InputRequest,
	{Pkg: "github.com/gofiber/fiber/v2", Recv: "Ctx", Name: "FormValue"}:        InputRequest,
	{Pkg: "github.com/gorilla/mux", Name: "Vars"}:                               InputRequest,
	{Pkg: "flag", Name: "Arg"}:                                                  InputArg,
	{Pkg: "flag", Name: "Args"}:                                                 InputArg,
	{Pkg: "flag", Recv: "FlagSet", Name: "Arg"}:                                 InputArg,
	{Pkg: "flag", Recv: "FlagSet", Name: "Args"}:                                InputArg,
	{Pkg: "flag", Name: "String"}:                                               InputFlag,
	{Pkg: "flag", Recv: "FlagSet", Name: "String"}:                              InputFlag,
	{Pkg: "flag", Name: "StringVar"}:                                            InputFlagVar,
	{Pkg: "flag", Recv: "FlagSet", Name: "StringVar"}:                           InputFlagVar,
}

// InputOf says which user-controlled value a call of f gives.
func InputOf(f Func) Input { return inputs[f] }

// lockCalls take an inter-process file lock: the lock methods of
// github.com/gofrs/flock (not flock.New, which only builds the value) and
// the functions of lockedfile (cmd/go's and its public copy in
// rogpeppe/go-internal), which open a file and lock it before returning.
var lockCalls = map[Func]bool{}

func init() {
	for _, name := range []string{"Lock", "TryLock", "RLock", "TryRLock", "TryLockContext", "TryRLockContext"} {
		lockCalls[Func{Pkg: "github.com/gofrs/flock", Recv: "Flock", Name: name}] = true
	}
	for _, pkg := range []string{"github.com/rogpeppe/go-internal/lockedfile", "cmd/go/internal/lockedfile"} {
		for _, name := range []string{"Create", "Edit", "OpenFile", "Write", "Transform"} {
			lockCalls[Func{Pkg: pkg, Name: name}] = true
		}
		lockCalls[Func{Pkg: pkg, Recv: "Mutex", Name: "Lock"}] = true
	}
}

// LockCall reports whether a call of f takes an inter-process file lock
// by itself (a file-locking package's lock call, by exact key).
func LockCall(f Func) bool { return lockCalls[f] }
