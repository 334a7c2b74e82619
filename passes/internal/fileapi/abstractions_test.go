package fileapi

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stubRoot holds the stubs of the abstractions' modules (the same exported
// signatures as the real ones; see each stub's package comment).
const stubRoot = "../../predictabletemp/testdata/src"

// TestAbstractionsMatchStubs checks every entry of a file-system
// abstraction against the stub of its module: the function or method
// exists, and its path, directory, pattern, mode and flag arguments are
// where the table says, with the types they must have. Entries of a
// module without a stub (renameio v1) have the same calls as a stubbed
// version of it.
func TestAbstractionsMatchStubs(t *testing.T) {
	fset := token.NewFileSet()
	std := importer.ForCompiler(fset, "source", nil)
	pkgs := map[string]*types.Package{}
	load := func(path string) *types.Package {
		if p, ok := pkgs[path]; ok {
			return p
		}
		dir := filepath.Join(stubRoot, filepath.FromSlash(path))
		entries, err := os.ReadDir(dir)
		if err != nil {
			pkgs[path] = nil
			return nil
		}
		var files []*ast.File
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".go") {
				f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
				if err != nil {
					t.Fatal(err)
				}
				files = append(files, f)
			}
		}
		if len(files) == 0 {
			pkgs[path] = nil
			return nil
		}
		conf := types.Config{Importer: std}
		p, err := conf.Check(path, fset, files, nil)
		if err != nil {
			t.Fatalf("stub %s: %v", path, err)
		}
		pkgs[path] = p
		return p
	}
	checked := 0
	for _, a := range All() {
		if !Abstraction(a.Func.Pkg) {
			continue
		}
		pkg := load(a.Func.Pkg)
		if pkg == nil {
			if a.Func.Pkg != "github.com/google/renameio" {
				t.Errorf("%v: no stub of %s under %s", a.Func, a.Func.Pkg, stubRoot)
			}
			continue
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
			t.Errorf("%v: no such function in the stub of %s", a.Func, a.Func.Pkg)
			continue
		}
		if got, ok := Lookup(fn); !ok || got != a {
			t.Errorf("%v: Lookup of the stub's function does not find the entry", a.Func)
		}
		sig := fn.Type().(*types.Signature)
		param := func(i int) types.Type {
			if i >= sig.Params().Len() {
				t.Errorf("%v: argument %d out of range", a.Func, i)
				return types.Typ[types.Invalid]
			}
			return sig.Params().At(i).Type()
		}
		for _, i := range []int{a.Path, a.Src, a.DirArg, a.Pattern} {
			if i >= 0 && !types.Identical(param(i).Underlying(), types.Typ[types.String]) {
				t.Errorf("%v: argument %d is %v, not a string path", a.Func, i, param(i))
			}
		}
		if b, ok := param(max(a.Mode, 0)).Underlying().(*types.Basic); a.Mode >= 0 && (!ok || b.Info()&types.IsUnsigned == 0) {
			t.Errorf("%v: mode argument %d is %v", a.Func, a.Mode, param(a.Mode))
		}
		if a.Flags >= 0 && !types.Identical(param(a.Flags), types.Typ[types.Int]) {
			t.Errorf("%v: flag argument %d is %v", a.Func, a.Flags, param(a.Flags))
		}
		if i := FSArg(a.Func); i >= 0 && types.TypeString(param(i), nil) != aferoPkg+".Fs" {
			t.Errorf("%v: file-system argument %d is %v", a.Func, i, param(i))
		}
		if a.ResultPath >= 0 {
			if r := sig.Results(); a.ResultPath >= r.Len() || !types.Identical(r.At(a.ResultPath).Type(), types.Typ[types.String]) {
				t.Errorf("%v: result %d is not a string path", a.Func, a.ResultPath)
			}
		}
		checked++
	}
	if checked < 50 {
		t.Errorf("checked only %d entries", checked)
	}
	// The constructors and concrete types of the FS kinds exist.
	afero := load(aferoPkg)
	for f := range fsCtors {
		if _, ok := afero.Scope().Lookup(f.Name).(*types.Func); !ok {
			t.Errorf("%v: no such constructor", f)
		}
	}
	for name := range fsTypes {
		if _, ok := afero.Scope().Lookup(name).(*types.TypeName); !ok {
			t.Errorf("afero.%s: no such type", name)
		}
	}
}
