package fileapi

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// TestUnixSocket classifies the calls of a small program, one per line:
// the comment at the end of each line says what UnixSocket must answer.
func TestUnixSocket(t *testing.T) {
	const src = `package p

import (
	"context"
	"net"
	"syscall"
)

const network = "unix"

func f(ctx context.Context, n string) {
	net.Listen("unix", "/tmp/s")                          // listen
	net.Listen(network, "/tmp/s")                         // listen
	net.Listen("tcp", ":0")                               // no
	net.Listen(n, "/tmp/s")                               // no: not a constant
	net.Dial("unixgram", "/tmp/s")                        // dial
	net.ListenUnix(n, nil)                                // listen: always Unix
	net.ResolveUnixAddr("unix", "/tmp/s")                 // dial
	new(net.ListenConfig).Listen(ctx, "unixpacket", "/s") // listen
	new(net.Dialer).DialContext(ctx, "unix", "/tmp/s")    // dial
	syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0) // dial
	syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0) // no
}
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	want := map[int]string{}
	for _, cg := range file.Comments {
		want[fset.Position(cg.Pos()).Line] = cg.List[0].Text
	}
	n := 0
	ast.Inspect(file, func(x ast.Node) bool {
		es, ok := x.(*ast.ExprStmt)
		if !ok {
			return true
		}
		call := es.X.(*ast.CallExpr)
		line := fset.Position(call.Pos()).Line
		listen, unix := UnixSocket(info, call)
		got := "// no"
		switch {
		case unix && listen:
			got = "// listen"
		case unix:
			got = "// dial"
		}
		if w := want[line]; len(w) < len(got) || w[:len(got)] != got {
			t.Errorf("line %d: got %s, want %s", line, got, w)
		}
		n++
		return false
	})
	if n != 11 {
		t.Fatalf("checked %d calls, want 11", n)
	}
	netPkg, err := conf.Importer.Import("net")
	if err != nil {
		t.Fatal(err)
	}
	unixAddr := netPkg.Scope().Lookup("UnixAddr").Type()
	if !IsUnixSocketType(types.NewPointer(unixAddr)) || IsUnixSocketType(types.Typ[types.String]) {
		t.Error("IsUnixSocketType: *net.UnixAddr is one, string is not")
	}
}
