package tempmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
)

// The standard calls that the ownership walk (ownership.go) knows beyond
// the file-API table: calls that keep an argument, print it for the user,
// or write it out as data.

// stdKeepers are standard functions and methods that keep an argument
// beyond the call: in the process state (the environment, the working
// directory, a default logger), in a registry, or in their receiver.
var stdKeepers = map[Func]bool{
	{Pkg: "log", Name: "SetOutput"}:                               true,
	{Pkg: "log", Name: "SetPrefix"}:                               true,
	{Pkg: "log", Recv: "Logger", Name: "SetOutput"}:               true,
	{Pkg: "log", Recv: "Logger", Name: "SetPrefix"}:               true,
	{Pkg: "runtime", Name: "SetFinalizer"}:                        true,
	{Pkg: "runtime", Name: "AddCleanup"}:                          true,
	{Pkg: "flag", Name: "Set"}:                                    true,
	{Pkg: "flag", Recv: "FlagSet", Name: "Set"}:                   true,
	{Pkg: "container/heap", Name: "Push"}:                         true,
	{Pkg: "container/list", Recv: "List", Name: "PushBack"}:       true,
	{Pkg: "container/list", Recv: "List", Name: "PushFront"}:      true,
	{Pkg: "container/list", Recv: "List", Name: "InsertBefore"}:   true,
	{Pkg: "container/list", Recv: "List", Name: "InsertAfter"}:    true,
	{Pkg: "log/slog", Name: "SetDefault"}:                         true,
	{Pkg: "testing", Recv: "common", Name: "Chdir"}:               true,
	{Pkg: "testing", Recv: "T", Name: "Chdir"}:                    true,
	{Pkg: "os/exec", Recv: "Cmd", Name: "Start"}:                  true,
	{Pkg: "net/http", Name: "Handle"}:                             true,
	{Pkg: "net/http", Recv: "ServeMux", Name: "Handle"}:           true,
	{Pkg: "net/http", Recv: "Header", Name: "Set"}:                true,
	{Pkg: "net/http", Recv: "Header", Name: "Add"}:                true,
	{Pkg: "net/textproto", Recv: "MIMEHeader", Name: "Set"}:       true,
	{Pkg: "net/textproto", Recv: "MIMEHeader", Name: "Add"}:       true,
	{Pkg: "net/url", Recv: "Values", Name: "Set"}:                 true,
	{Pkg: "net/url", Recv: "Values", Name: "Add"}:                 true,
	{Pkg: "expvar", Name: "Publish"}:                              true,
	{Pkg: "expvar", Recv: "Map", Name: "Set"}:                     true,
	{Pkg: "expvar", Recv: "String", Name: "Set"}:                  true,
	{Pkg: "reflect", Recv: "Value", Name: "Set"}:                  true,
	{Pkg: "reflect", Recv: "Value", Name: "SetString"}:            true,
	{Pkg: "reflect", Recv: "Value", Name: "SetMapIndex"}:          true,
	{Pkg: "reflect", Recv: "Value", Name: "Send"}:                 true,
	{Pkg: "sync", Recv: "Map", Name: "Store"}:                     true,
	{Pkg: "sync", Recv: "Map", Name: "LoadOrStore"}:               true,
	{Pkg: "sync", Recv: "Map", Name: "Swap"}:                      true,
	{Pkg: "sync", Recv: "Map", Name: "CompareAndSwap"}:            true,
	{Pkg: "sync", Recv: "Pool", Name: "Put"}:                      true,
	{Pkg: "sync/atomic", Recv: "Value", Name: "Store"}:            true,
	{Pkg: "sync/atomic", Recv: "Value", Name: "Swap"}:             true,
	{Pkg: "sync/atomic", Recv: "Value", Name: "CompareAndSwap"}:   true,
	{Pkg: "sync/atomic", Recv: "Pointer", Name: "Store"}:          true,
	{Pkg: "sync/atomic", Recv: "Pointer", Name: "Swap"}:           true,
	{Pkg: "sync/atomic", Recv: "Pointer", Name: "CompareAndSwap"}: true,
}

// printers are the standard calls that print their arguments for the
// user, with the index of the first printed argument; for the Fprint
// family the writer (argument 0) must be os.Stdout or os.Stderr.
var printers = map[Func]int{
	{Pkg: "fmt", Name: "Print"}:                      0,
	{Pkg: "fmt", Name: "Printf"}:                     0,
	{Pkg: "fmt", Name: "Println"}:                    0,
	{Pkg: "fmt", Name: "Fprint"}:                     1,
	{Pkg: "fmt", Name: "Fprintf"}:                    1,
	{Pkg: "fmt", Name: "Fprintln"}:                   1,
	{Pkg: "io", Name: "WriteString"}:                 1,
	{Pkg: "log", Name: "Print"}:                      0,
	{Pkg: "log", Name: "Printf"}:                     0,
	{Pkg: "log", Name: "Println"}:                    0,
	{Pkg: "log", Name: "Fatal"}:                      0,
	{Pkg: "log", Name: "Fatalf"}:                     0,
	{Pkg: "log", Name: "Fatalln"}:                    0,
	{Pkg: "log", Name: "Panic"}:                      0,
	{Pkg: "log", Name: "Panicf"}:                     0,
	{Pkg: "log", Name: "Panicln"}:                    0,
	{Pkg: "log", Recv: "Logger", Name: "Print"}:      0,
	{Pkg: "log", Recv: "Logger", Name: "Printf"}:     0,
	{Pkg: "log", Recv: "Logger", Name: "Println"}:    0,
	{Pkg: "log", Recv: "Logger", Name: "Fatal"}:      0,
	{Pkg: "log", Recv: "Logger", Name: "Fatalf"}:     0,
	{Pkg: "log", Recv: "Logger", Name: "Fatalln"}:    0,
	{Pkg: "log", Recv: "Logger", Name: "Panic"}:      0,
	{Pkg: "log", Recv: "Logger", Name: "Panicf"}:     0,
	{Pkg: "log", Recv: "Logger", Name: "Panicln"}:    0,
	{Pkg: "log/slog", Name: "Debug"}:                 0,
	{Pkg: "log/slog", Name: "Info"}:                  0,
	{Pkg: "log/slog", Name: "Warn"}:                  0,
	{Pkg: "log/slog", Name: "Error"}:                 0,
	{Pkg: "log/slog", Name: "DebugContext"}:          1,
	{Pkg: "log/slog", Name: "InfoContext"}:           1,
	{Pkg: "log/slog", Name: "WarnContext"}:           1,
	{Pkg: "log/slog", Name: "ErrorContext"}:          1,
	{Pkg: "log/slog", Name: "Log"}:                   2,
	{Pkg: "log/slog", Recv: "Logger", Name: "Debug"}: 0,
	{Pkg: "log/slog", Recv: "Logger", Name: "Info"}:  0,
	{Pkg: "log/slog", Recv: "Logger", Name: "Warn"}:  0,
	{Pkg: "log/slog", Recv: "Logger", Name: "Error"}: 0,
	{Pkg: "log/slog", Recv: "Logger", Name: "Log"}:   2,

	{Pkg: "log/slog", Recv: "Logger", Name: "DebugContext"}: 1,
	{Pkg: "log/slog", Recv: "Logger", Name: "InfoContext"}:  1,
	{Pkg: "log/slog", Recv: "Logger", Name: "WarnContext"}:  1,
	{Pkg: "log/slog", Recv: "Logger", Name: "ErrorContext"}: 1,
}

// toStream reports whether the standard call f writes to its argument 0
// (the Fprint family, io.WriteString).
func toStream(f Func) bool { return streamPrinters[f] }

// streamPrinters are the printers whose argument 0 is the writer.
var streamPrinters = map[Func]bool{
	{Pkg: "fmt", Name: "Fprint"}:     true,
	{Pkg: "fmt", Name: "Fprintf"}:    true,
	{Pkg: "fmt", Name: "Fprintln"}:   true,
	{Pkg: "io", Name: "WriteString"}: true,
}

// encoders are standard methods that write their argument out as data.
var encoders = map[Func]bool{
	{Pkg: "encoding/json", Recv: "Encoder", Name: "Encode"}:       true,
	{Pkg: "encoding/xml", Recv: "Encoder", Name: "Encode"}:        true,
	{Pkg: "encoding/xml", Recv: "Encoder", Name: "EncodeElement"}: true,
	{Pkg: "encoding/gob", Recv: "Encoder", Name: "Encode"}:        true,
	{Pkg: "encoding/csv", Recv: "Writer", Name: "Write"}:          true,
	{Pkg: "encoding/csv", Recv: "Writer", Name: "WriteAll"}:       true,
}

// The interfaces whose write methods put their argument into a stream,
// and hash.Hash, whose Write only digests it. Built here rather than
// looked up, since the analyzed package need not import io or hash.
var (
	byteSlice     = types.NewSlice(types.Typ[types.Byte])
	writerMethods = map[string]*types.Interface{
		"Write":       WriterIface,
		"WriteString": iface(method("WriteString", tuple(types.Typ[types.String]), tuple(types.Typ[types.Int], errorType))),
		"WriteAt":     iface(method("WriteAt", tuple(byteSlice, types.Typ[types.Int64]), tuple(types.Typ[types.Int], errorType))),
	}
	hashIface = iface(
		method("Write", tuple(byteSlice), tuple(types.Typ[types.Int], errorType)),
		method("Sum", tuple(byteSlice), tuple(byteSlice)),
		method("Reset", tuple(), tuple()),
		method("Size", tuple(), tuple(types.Typ[types.Int])),
		method("BlockSize", tuple(), tuple(types.Typ[types.Int])),
	)
)

func tuple(ts ...types.Type) *types.Tuple {
	vs := make([]*types.Var, len(ts))
	for i, t := range ts {
		vs[i] = types.NewParam(token.NoPos, nil, "", t)
	}
	return types.NewTuple(vs...)
}

func method(name string, params, results *types.Tuple) *types.Func {
	return types.NewFunc(token.NoPos, nil, name, types.NewSignatureType(nil, nil, nil, params, results, false))
}

func iface(ms ...*types.Func) *types.Interface {
	it := types.NewInterfaceType(ms, nil)
	it.Complete()
	return it
}

// streamWrite reports whether fn is the method by which its receiver
// implements io.Writer, io.StringWriter or io.WriterAt, and whether that
// receiver is a hash (hash.Hash), which only digests what it is given.
func streamWrite(fn *types.Func) (write, hash bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false, false
	}
	it := writerMethods[fn.Name()]
	if it == nil {
		return false, false
	}
	recv := sig.Recv().Type()
	ptr := recv
	if _, isPtr := types.Unalias(recv).(*types.Pointer); !isPtr {
		ptr = types.NewPointer(recv)
	}
	if !types.Implements(ptr, it) {
		return false, false
	}
	return true, types.Implements(ptr, hashIface)
}

// persists reports whether argument idx of a standard call writes the
// value out as data: into a file, a stream other than stdout/stderr, or
// an encoder.
func (m *Model) persists(fn *types.Func, f Func, call *ast.CallExpr, idx int) bool {
	if fn.Pkg() == nil || !m.InStd(fn.Pkg()) {
		return false
	}
	if encoders[f] {
		return true
	}
	if a, ok := fileapi.LookupFunc(f); ok && writesData(a, idx) {
		return true
	}
	if first, ok := printers[f]; ok && toStream(f) {
		return idx >= first && len(call.Args) > 0 && !m.isStdStream(call.Args[0])
	}
	if write, hash := streamWrite(fn); write && !hash {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return !ok || !m.isStdStream(sel.X)
	}
	return false
}

// shows reports whether argument idx of a standard call prints or logs
// the value for the user: fmt.Print*, fmt.Fprint*, io.WriteString and
// the write methods of os.Stdout and os.Stderr, log.Print*/Fatal*/Panic*
// and their *log.Logger methods, and log/slog's logging functions and
// methods. What the message says does not matter.
func (m *Model) shows(fn *types.Func, f Func, call *ast.CallExpr, idx int) bool {
	if fn.Pkg() == nil || !m.InStd(fn.Pkg()) {
		return false
	}
	if first, ok := printers[f]; ok {
		if idx < first {
			return false
		}
		return !toStream(f) || len(call.Args) > 0 && m.isStdStream(call.Args[0])
	}
	if write, _ := streamWrite(fn); write {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return ok && m.isStdStream(sel.X)
	}
	return false
}

func (m *Model) isStdStream(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := m.pass.TypesInfo.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "os" && (v.Name() == "Stdout" || v.Name() == "Stderr")
}

func isSlice(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

// stdKeeps reports whether the standard call f keeps its argument idx
// beyond the call: a keeper of the table above, a call that sets an
// environment variable, or a file API that makes the path part of the
// process state (os.Chdir).
func stdKeeps(f Func, idx int) bool {
	if stdKeepers[f] {
		return true
	}
	if e, ok := fileapi.Env(f); ok && e.Value >= 0 {
		return true // the environment keeps the value (and the name)
	}
	a, ok := fileapi.LookupFunc(f)
	return ok && a.Ops.Has(fileapi.OpChdir) && idx == a.Path
}

// writesData reports whether argument idx of the file API a is the data it
// writes into the file (os.WriteFile's data): neither its path nor its mode.
func writesData(a *fileapi.API, idx int) bool {
	return a.Ops.Has(fileapi.OpCreate|fileapi.OpWrite) && !a.Ops.Any(fileapi.OpOpen|fileapi.OpMkdir) &&
		a.Path >= 0 && idx > a.Path && idx != a.Src && idx != a.Mode
}

// cleanupRegistrars are the methods that run a function when a test ends
// (T, B and F promote common's; TB is the interface).
var cleanupRegistrars = map[Func]bool{
	{Pkg: "testing", Recv: "common", Name: "Cleanup"}: true,
	{Pkg: "testing", Recv: "TB", Name: "Cleanup"}:     true,
}

// testingTB reports whether f is a method of the testing.TB interface
// (t.Log, t.Error...: they keep nothing but what the table says).
func testingTB(f Func) bool { return f.Pkg == "testing" && f.Recv == "TB" }
