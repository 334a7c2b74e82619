// Package tempcleanup is the tempguard pass of the same name (see doc.go).
package tempcleanup

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// Analyzer is the tempcleanup pass. It declares no facts: what a callee
// in another package does with its parameters (removes, keeps) is part of
// the shared tempmodel.Summary.
var Analyzer = &analysis.Analyzer{
	Name:     "tempcleanup",
	Doc:      docText,
	URL:      "https://github.com/tempguard/tempguard#tempcleanup",
	Requires: []*analysis.Analyzer{tempmodel.Analyzer},
	Run:      run,
}

type checker struct {
	pass    *analysis.Pass
	m       *tempmodel.Model
	info    *types.Info
	pending []*finding
}

func run(pass *analysis.Pass) (any, error) {
	m := tempmodel.Get(pass)
	if !m.Relevant || tempmodel.InGOROOT(pass) {
		return nil, nil
	}
	c := &checker{pass: pass, m: m, info: pass.TypesInfo}
	for fileCur := range m.Inspector.Root().Children() {
		file, ok := fileCur.Node().(*ast.File)
		if !ok {
			continue
		}
		c.checkFile(fileCur, m.InTestFile(file.Pos()))
	}
	c.finish()
	return nil, nil
}

func (c *checker) checkFile(fileCur inspector.Cursor, isTest bool) {
	for cur := range fileCur.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		_, f := tempmodel.Callee(c.info, call)
		c.checkSharedRemoval(cur, call)
		switch {
		case tempmodel.IsMkdirTemp(f):
			c.checkCreation(cur, call, true, f)
		case tempmodel.IsCreateTemp(f):
			c.checkCreation(cur, call, false, f)
		case isTest:
			c.checkTestTempDirBase(cur, call)
		}
	}
}

// funcBody returns the body of a FuncDecl or FuncLit.
func funcBody(fn ast.Node) *ast.BlockStmt {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}
