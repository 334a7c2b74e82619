package fileapi

import "go/types"

// Purity says what a call of a standard-library function does besides
// computing its result: one table for "same value at two points" (Pure),
// "may be deleted or moved without losing an effect" (NoEffects and Pure)
// and "must stay where it is" (Effects).
type Purity uint8

const (
	// Effects: the call may have effects (I/O, sleeping, calling back into
	// user code, mutating an argument), or nothing is known about it.
	Effects Purity = iota
	// NoEffects: the call has no effects, but its result can differ
	// between two calls with the same arguments (time.Now, os.Getpid,
	// os.Getenv, os.TempDir).
	NoEffects
	// Pure: the result depends only on the arguments (and, for a method
	// of an immutable value such as time.Time or (*os.File).Name, on the
	// receiver), and the call has no effects.
	Pure
)

// pureFuncs are the pure functions of path/filepath, path, fmt and os;
// strings and strconv are decided by signature (pureBySignature).
var pureFuncs = map[Func]bool{}

// noEffectFuncs read process or system state without changing it.
var noEffectFuncs = map[Func]bool{}

// pureBySignature are packages whose package-level functions are pure
// when no parameter is a function (strings.Map, strings.FieldsFunc call
// back) and every result is a string, a number, a bool or a []string.
var pureBySignature = map[string]bool{"strings": true, "strconv": true}

// pureMethodsOf are immutable value types whose methods are pure.
var pureMethodsOf = map[Func]bool{{Pkg: "time", Name: "Time"}: true, {Pkg: "time", Name: "Duration"}: true, {Pkg: "time", Name: "Month"}: true}

func init() {
	for _, n := range []string{"Join", "Clean", "FromSlash", "ToSlash", "Base", "Dir", "Ext", "Split", "SplitList", "VolumeName", "IsAbs", "HasPrefix", "Rel", "Match", "IsLocal", "Localize"} {
		pureFuncs[Func{Pkg: "path/filepath", Name: n}] = true
	}
	for _, n := range []string{"Join", "Clean", "Base", "Dir", "Ext", "Split", "IsAbs", "Match"} {
		pureFuncs[Func{Pkg: "path", Name: n}] = true
	}
	for _, n := range []string{"Sprint", "Sprintf", "Sprintln"} {
		pureFuncs[Func{Pkg: "fmt", Name: n}] = true
	}
	pureFuncs[Func{Pkg: "os", Recv: "File", Name: "Name"}] = true
	for _, f := range []Func{
		{Pkg: "os", Name: "TempDir"}, {Pkg: "os", Name: "Getenv"}, {Pkg: "os", Name: "LookupEnv"},
		{Pkg: "os", Name: "Getpid"}, {Pkg: "os", Name: "Getppid"}, {Pkg: "os", Name: "Getuid"},
		{Pkg: "os", Name: "Geteuid"}, {Pkg: "os", Name: "Getgid"}, {Pkg: "os", Name: "Getegid"},
		{Pkg: "os", Name: "Hostname"}, {Pkg: "os", Name: "Getwd"}, {Pkg: "os", Name: "Executable"},
		{Pkg: "os", Name: "UserHomeDir"}, {Pkg: "os", Name: "UserCacheDir"}, {Pkg: "os", Name: "UserConfigDir"},
		{Pkg: "path/filepath", Name: "Abs"},
		{Pkg: "time", Name: "Now"}, {Pkg: "time", Name: "Since"}, {Pkg: "time", Name: "Until"},
		{Pkg: "strings", Recv: "Builder", Name: "String"}, {Pkg: "strings", Recv: "Builder", Name: "Len"},
		{Pkg: "bytes", Recv: "Buffer", Name: "String"}, {Pkg: "bytes", Recv: "Buffer", Name: "Len"},
	} {
		noEffectFuncs[f] = true
	}
	for _, n := range []string{"Unix", "UnixMilli", "UnixMicro", "Date"} {
		pureFuncs[Func{Pkg: "time", Name: n}] = true
	}
}

// PurityOf classifies a call of fn (nil: Effects).
func PurityOf(fn *types.Func) Purity {
	f := FuncOf(fn)
	switch {
	case f == Func{}:
		return Effects
	case pureFuncs[f]:
		return Pure
	case noEffectFuncs[f]:
		return NoEffects
	case f.Recv == "" && pureBySignature[f.Pkg] && pureSignature(fn.Type().(*types.Signature)):
		return Pure
	case f.Recv != "" && pureMethodsOf[Func{Pkg: f.Pkg, Name: f.Recv}] && pureSignature(fn.Type().(*types.Signature)):
		return Pure
	}
	return Effects
}

// pureSignature: no function-typed parameter, no slice parameter of a
// result's type (strconv.AppendInt writes into its dst), and only results
// of basic types or slices of them.
func pureSignature(sig *types.Signature) bool {
	for v := range sig.Params().Variables() {
		t := v.Type().Underlying()
		if s, ok := t.(*types.Slice); ok {
			for r := range sig.Results().Variables() {
				if types.Identical(v.Type(), r.Type()) {
					return false
				}
			}
			t = s.Elem().Underlying()
		}
		if _, ok := t.(*types.Signature); ok {
			return false
		}
	}
	if sig.Results().Len() == 0 {
		return false
	}
	for v := range sig.Results().Variables() {
		t := v.Type().Underlying()
		if s, ok := t.(*types.Slice); ok {
			t = s.Elem().Underlying()
		}
		if _, ok := t.(*types.Basic); !ok {
			return false
		}
	}
	return true
}
