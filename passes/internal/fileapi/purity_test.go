package fileapi

import (
	"go/importer"
	"go/token"
	"go/types"
	"testing"
)

// TestPurity classifies real standard-library functions, and checks that
// every named entry of the tables exists.
func TestPurity(t *testing.T) {
	imp := importer.ForCompiler(token.NewFileSet(), "source", nil)
	lookup := func(f Func) *types.Func {
		pkg, err := imp.Import(f.Pkg)
		if err != nil {
			t.Fatalf("import %s: %v", f.Pkg, err)
		}
		if f.Recv == "" {
			fn, _ := pkg.Scope().Lookup(f.Name).(*types.Func)
			return fn
		}
		tn, _ := pkg.Scope().Lookup(f.Recv).(*types.TypeName)
		if tn == nil {
			return nil
		}
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg, f.Name)
		fn, _ := obj.(*types.Func)
		return fn
	}
	for _, c := range []struct {
		f    Func
		want Purity
	}{
		{Func{Pkg: "path/filepath", Name: "Join"}, Pure},
		{Func{Pkg: "path/filepath", Name: "Walk"}, Effects},     // calls back
		{Func{Pkg: "path/filepath", Name: "Glob"}, Effects},     // reads the file system
		{Func{Pkg: "path/filepath", Name: "Abs"}, NoEffects},    // reads the working directory
		{Func{Pkg: "strings", Name: "ReplaceAll"}, Pure},        // by signature
		{Func{Pkg: "strings", Name: "Map"}, Effects},            // a func parameter
		{Func{Pkg: "strings", Name: "NewReader"}, Effects},      // a pointer result
		{Func{Pkg: "strconv", Name: "Itoa"}, Pure},              // by signature
		{Func{Pkg: "strconv", Name: "AppendInt"}, Effects},      // writes into dst
		{Func{Pkg: "fmt", Name: "Sprintf"}, Pure},               // listed
		{Func{Pkg: "fmt", Name: "Println"}, Effects},            // writes
		{Func{Pkg: "fmt", Name: "Fprintf"}, Effects},            // writes
		{Func{Pkg: "time", Name: "Now"}, NoEffects},             // the clock
		{Func{Pkg: "time", Name: "Sleep"}, Effects},             // sleeps
		{Func{Pkg: "time", Recv: "Time", Name: "Format"}, Pure}, // a method of an immutable value
		{Func{Pkg: "os", Name: "Getpid"}, NoEffects},
		{Func{Pkg: "os", Name: "TempDir"}, NoEffects},
		{Func{Pkg: "os", Name: "Remove"}, Effects},
		{Func{Pkg: "os", Recv: "File", Name: "Name"}, Pure},
		{Func{Pkg: "strings", Recv: "Builder", Name: "String"}, NoEffects},
		{Func{Pkg: "strings", Recv: "Builder", Name: "WriteString"}, Effects},
	} {
		fn := lookup(c.f)
		if fn == nil {
			t.Errorf("%v: not found", c.f)
			continue
		}
		if got := PurityOf(fn); got != c.want {
			t.Errorf("PurityOf(%v) = %d, want %d", c.f, got, c.want)
		}
	}
	for _, m := range []map[Func]bool{pureFuncs, noEffectFuncs} {
		for f := range m {
			if lookup(f) == nil {
				t.Errorf("table entry %v does not exist", f)
			}
		}
	}
	if PurityOf(nil) != Effects {
		t.Error("PurityOf(nil) should be Effects")
	}
}
