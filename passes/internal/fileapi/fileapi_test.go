package fileapi

import (
	"go/importer"
	"go/token"
	"go/types"
	"testing"
)

// TestTableMatchesStdlib checks every standard-library entry against the
// real declaration: the function or method exists, and its path, mode and
// flag arguments and file result are where the table says, with the types
// they must have.
func TestTableMatchesStdlib(t *testing.T) {
	imp := importer.ForCompiler(token.NewFileSet(), "source", nil)
	pkgs := map[string]*types.Package{}
	checked := 0
	for _, a := range All() {
		if a.Func.Pkg == "golang.org/x/sys/unix" || Abstraction(a.Func.Pkg) {
			continue // not a dependency of this module (abstractions: TestAbstractionsMatchStubs)
		}
		pkg, ok := pkgs[a.Func.Pkg]
		if !ok {
			var err error
			pkg, err = imp.Import(a.Func.Pkg)
			if err != nil {
				t.Fatalf("import %s: %v", a.Func.Pkg, err)
			}
			pkgs[a.Func.Pkg] = pkg
		}
		var fn *types.Func
		if a.Func.Recv == "" {
			fn, _ = pkg.Scope().Lookup(a.Func.Name).(*types.Func)
		} else if tn, ok := pkg.Scope().Lookup(a.Func.Recv).(*types.TypeName); ok {
			var recv types.Type = types.NewPointer(tn.Type())
			if types.IsInterface(tn.Type()) {
				recv = tn.Type()
			}
			obj, _, _ := types.LookupFieldOrMethod(recv, true, pkg, a.Func.Name)
			fn, _ = obj.(*types.Func)
		}
		if fn == nil {
			t.Errorf("%v: no such function in %s", a.Func, a.Func.Pkg)
			continue
		}
		if got, ok := Lookup(fn); !ok || got != a {
			t.Errorf("%v: Lookup of the real function does not find the entry", a.Func)
		}
		sig := fn.Type().(*types.Signature)
		param := func(i int) types.Type {
			if i >= sig.Params().Len() {
				t.Errorf("%v: argument %d out of range", a.Func, i)
				return types.Typ[types.Invalid]
			}
			return sig.Params().At(i).Type()
		}
		isString := func(tp types.Type) bool { return types.Identical(tp.Underlying(), types.Typ[types.String]) }
		for _, i := range []int{a.Path, a.Src, a.DirArg, a.Pattern} {
			if i >= 0 && !isString(param(i)) {
				t.Errorf("%v: argument %d is %v, not a string path", a.Func, i, param(i))
			}
		}
		if a.Mode >= 0 {
			if b, ok := param(a.Mode).Underlying().(*types.Basic); !ok || b.Info()&types.IsUnsigned == 0 {
				t.Errorf("%v: mode argument %d is %v", a.Func, a.Mode, param(a.Mode))
			}
		}
		if a.Flags >= 0 && !types.Identical(param(a.Flags), types.Typ[types.Int]) {
			t.Errorf("%v: flag argument %d is %v", a.Func, a.Flags, param(a.Flags))
		}
		if a.ResultFile >= 0 {
			if r := sig.Results(); a.ResultFile >= r.Len() || types.TypeString(r.At(a.ResultFile).Type(), nil) != "*os.File" {
				t.Errorf("%v: result %d is not *os.File", a.Func, a.ResultFile)
			}
		}
		checked++
	}
	if checked < 80 {
		t.Errorf("checked only %d entries", checked)
	}
}

// TestRootMethods checks that every path-taking method of *os.Root is in
// the table, marked InRoot: a new method must be a table entry.
func TestRootMethods(t *testing.T) {
	pkg, err := importer.ForCompiler(token.NewFileSet(), "source", nil).Import("os")
	if err != nil {
		t.Fatal(err)
	}
	root := pkg.Scope().Lookup("Root").(*types.TypeName)
	ms := types.NewMethodSet(types.NewPointer(root.Type()))
	n := 0
	for i := 0; i < ms.Len(); i++ {
		fn := ms.At(i).Obj().(*types.Func)
		sig := fn.Type().(*types.Signature)
		if !fn.Exported() || sig.Params().Len() == 0 || !types.Identical(sig.Params().At(0).Type(), types.Typ[types.String]) {
			continue
		}
		a, ok := Lookup(fn)
		if !ok || !a.InRoot {
			t.Errorf("(*os.Root).%s is not in the table as a root method", fn.Name())
		}
		n++
	}
	if n < 18 {
		t.Errorf("found only %d path methods of *os.Root", n)
	}
}

func TestFlagsDecode(t *testing.T) {
	pkg, err := importer.ForCompiler(token.NewFileSet(), "source", nil).Import("os")
	if err != nil {
		t.Fatal(err)
	}
	fv := ValuesFrom(pkg)
	if !fv.Known() {
		t.Fatal("flag values of os not found")
	}
	for _, f := range []Flags{
		FlagRead,
		FlagWrite,
		FlagRead | FlagWrite | FlagCreate | FlagExcl,
		FlagWrite | FlagCreate | FlagTrunc,
		FlagWrite | FlagAppend | FlagNoFollow,
	} {
		if got := fv.Decode(fv.Encode(f)); got != f {
			t.Errorf("Decode(Encode(%v)) = %v", f, got)
		}
	}
}

func TestNoReturn(t *testing.T) {
	for _, f := range []Func{{"os", "", "Exit"}, {"log", "", "Fatalf"}, {"log", "Logger", "Panicln"}, {"testing", "common", "FailNow"}, {"testing", "TB", "Skipf"}, {"runtime", "", "Goexit"}} {
		if !NoReturn(f) {
			t.Errorf("NoReturn(%v) = false", f)
		}
	}
	for _, f := range []Func{{"log", "", "Printf"}, {"testing", "common", "Errorf"}, {"testing", "common", "Log"}, {"os", "", "Getpid"}} {
		if NoReturn(f) {
			t.Errorf("NoReturn(%v) = true", f)
		}
	}
}

// TestProcessTables checks the environment entries against the
// real declarations: the argument they name has the type it must have.
func TestProcessTables(t *testing.T) {
	imp := importer.ForCompiler(token.NewFileSet(), "source", nil)
	param := func(f Func, i int) types.Type {
		t.Helper()
		pkg, err := imp.Import(f.Pkg)
		if err != nil {
			t.Fatalf("%v: %v", f, err)
		}
		var obj types.Object
		if f.Recv == "" {
			obj = pkg.Scope().Lookup(f.Name)
		} else {
			tn := pkg.Scope().Lookup(f.Recv)
			if tn == nil {
				t.Fatalf("%v: no type %s", f, f.Recv)
			}
			recv := tn.Type()
			if !types.IsInterface(recv) {
				recv = types.NewPointer(recv)
			}
			obj, _, _ = types.LookupFieldOrMethod(recv, true, pkg, f.Name)
		}
		fn, ok := obj.(*types.Func)
		if !ok {
			t.Fatalf("%v: not a function", f)
		}
		ps := fn.Type().(*types.Signature).Params()
		if i < 0 || i >= ps.Len() {
			t.Fatalf("%v: no parameter %d", f, i)
		}
		return ps.At(i).Type()
	}
	str := types.Typ[types.String]
	for f, e := range envCalls {
		if !types.Identical(param(f, e.Key), str) || e.Value >= 0 && !types.Identical(param(f, e.Value), str) {
			t.Errorf("%v: key %d / value %d are not strings", f, e.Key, e.Value)
		}
	}
}
