// Package tempreopen is the tempguard pass of the same name (see doc.go).
package tempreopen

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/passes/internal/fileapi"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// Analyzer is the tempreopen pass.
var Analyzer = &analysis.Analyzer{
	Name:     "tempreopen",
	Doc:      docText,
	URL:      "https://github.com/tempguard/tempguard#tempreopen",
	Requires: []*analysis.Analyzer{tempmodel.Analyzer},
	Run:      run,
}

// fileVar is an *os.File variable of the function being analyzed that holds
// a file created or opened by name.
type fileVar struct {
	v        *types.Var
	idx      int
	creates  []*ast.CallExpr // the creating calls
	errVars  []*types.Var    // the error results assigned with it
	keys     []string        // keys of expressions equal to its name
	dirKeys  []string        // keys of directories that hold it
	writable bool
	writers  []int // writers whose data ends up in the file
	// shareDelete: opened through an *os.Root, whose files Windows lets
	// others remove and rename while open (FILE_SHARE_DELETE)
	shareDelete bool
	// testDir: made under t.TempDir() (or b.TempDir()) and never handed
	// to code we cannot see: the test's cleanup removes it after return
	testDir bool
}

// writerVar is a writer (buffering or not) layered over a file or another
// writer: w := bufio.NewWriter(f).
type writerVar struct {
	v      *types.Var
	idx    int
	parent int // index of the writer it writes to, or -1 for the file
	file   int
	fileapi.Writer
	def ast.Node
}

type state struct {
	pass *analysis.Pass
	m    *tempmodel.Model
	k    *tempmodel.PathKeys // same-path keys; f.Name() of a tracked file is "name:<idx>"

	// per function
	fn       ast.Node
	body     *ast.BlockStmt
	file     *ast.File
	winOK    bool // the file can be built for windows
	files    map[*types.Var]*fileVar
	fileList []*fileVar
	writers  map[*types.Var]*writerVar
	wList    []*writerVar
	runs     map[*ast.CallExpr][]execUse
	defers   []*deferRemove
	evCache  map[ast.Node][]event
	reported map[token.Pos]bool
	pending  []pendingDiag
	// files under t.TempDir() open at a return, and files with findings
	openAtExit   []*fileVar
	flaggedFiles map[*fileVar]bool
}

func run(pass *analysis.Pass) (any, error) {
	st := &state{
		pass:     pass,
		reported: map[token.Pos]bool{},
	}
	m := tempmodel.Get(pass)
	if !m.Relevant {
		return nil, nil
	}
	st.m = m
	st.k = m.NewPathKeys()
	st.k.FileKey = func(v *types.Var) string {
		if fv := st.files[v]; fv != nil {
			return fmt.Sprintf("name:%d", fv.idx)
		}
		return ""
	}
	// Only functions with a creating call of their own (not in a nested
	// literal) have a file to follow: find them from the calls, then
	// analyze them in source order.
	need := map[ast.Node]bool{}
	for c := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		if api, ok := fileapi.CallAPI(pass.TypesInfo, c.Node().(*ast.CallExpr)); ok && creates(api) {
			if fn := tempmodel.InnermostFunc(c); fn != nil {
				need[fn] = true
			}
		}
	}
	if len(need) == 0 {
		return nil, nil
	}
	for fc := range m.Inspector.Root().Children() {
		f, ok := fc.Node().(*ast.File)
		if !ok {
			continue
		}
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		// only build constraints and the GOOS file suffixes Go honours
		// (_linux.go, not _unix.go) say a file cannot be built for Windows
		winOK := tempmodel.BuildableFor(tf.Name(), f, "windows")
		for c := range fc.Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			if !need[c.Node()] {
				continue
			}
			switch n := c.Node().(type) {
			case *ast.FuncDecl:
				st.analyze(f, winOK, n, n.Body)
			case *ast.FuncLit:
				st.analyze(f, winOK, n, n.Body)
			}
		}
	}
	return nil, nil
}

// closingMethod reports whether sel selects a method that closes or
// flushes its receiver (its io.Closer method, a flushing method of a known
// writer).
func (st *state) closingMethod(sel *ast.SelectorExpr) bool {
	return tempmodel.ClosingMethod(st.pass.TypesInfo, sel)
}

// method returns the identity of the method that sel selects.
func (st *state) method(sel *ast.SelectorExpr) tempmodel.Func {
	fn, _ := st.pass.TypesInfo.Uses[sel.Sel].(*types.Func)
	return tempmodel.FuncOf(fn)
}

// isFileClose reports whether sel is (*os.File).Close.
func (st *state) isFileClose(sel *ast.SelectorExpr) bool {
	return st.method(sel).IsMethod("os", "File", "Close")
}
