package lsp

import (
	"fmt"
	"go/ast"
	"go/token"
	"strconv"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// fixme is a deterministic test analyzer: it flags os.Create(x) and
// suggests os.OpenFile(x, os.O_RDWR|os.O_CREATE|os.O_EXCL, fs.FileMode(0o600)),
// adding the io/fs import if missing. The argument text comes from
// pass.ReadFile, so a fix built from disk text instead of the overlay shows.
var fixme = &analysis.Analyzer{
	Name:     "fixme",
	Doc:      "test analyzer: flags os.Create",
	URL:      "https://github.com/tempguard/tempguard#fixme",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      runFixme,
}

func runFixme(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	ins.WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		call := n.(*ast.CallExpr)
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Create" || len(call.Args) != 1 {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "os" {
			return true
		}
		file := stack[0].(*ast.File)
		tf := pass.Fset.File(call.Pos())
		content, err := pass.ReadFile(tf.Name())
		if err != nil {
			return true
		}
		arg := string(content[tf.Offset(call.Args[0].Pos()):tf.Offset(call.Args[0].End())])
		edits := []analysis.TextEdit{{
			Pos:     call.Pos(),
			End:     call.End(),
			NewText: []byte("os.OpenFile(" + arg + ", os.O_RDWR|os.O_CREATE|os.O_EXCL, fs.FileMode(0o600))"),
		}}
		if !imports(file, "io/fs") {
			last := file.Decls[0]
			for _, d := range file.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
					last = gd
				}
			}
			edits = append(edits, analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte("\n\nimport \"io/fs\"")})
		}
		var related []analysis.RelatedInformation
		for _, n := range stack {
			if fd, ok := n.(*ast.FuncDecl); ok {
				related = append(related, analysis.RelatedInformation{Pos: fd.Name.Pos(), End: fd.Name.End(), Message: "in function " + fd.Name.Name})
			}
		}
		pass.Report(analysis.Diagnostic{
			Pos:     call.Pos(),
			End:     call.End(),
			Message: fmt.Sprintf("os.Create(%s) truncates an existing file; use os.OpenFile with O_EXCL", arg),
			Related: related,
			SuggestedFixes: []analysis.SuggestedFix{{
				Message:   "Use os.OpenFile with O_EXCL",
				TextEdits: edits,
			}},
		})
		return true
	})
	return nil, nil
}

func imports(f *ast.File, path string) bool {
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == path {
			return true
		}
	}
	return false
}

// slowAnalyzer takes a while and records how many instances run at once.
type slowAnalyzer struct {
	running, maxRunning, runs atomic.Int32
}

func (s *slowAnalyzer) analyzer(d time.Duration) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "slow",
		Doc:  "test analyzer: sleeps, then defers to fixme",
		Run: func(pass *analysis.Pass) (any, error) {
			n := s.running.Add(1)
			defer s.running.Add(-1)
			for {
				m := s.maxRunning.Load()
				if n <= m || s.maxRunning.CompareAndSwap(m, n) {
					break
				}
			}
			s.runs.Add(1)
			time.Sleep(d)
			return nil, nil
		},
	}
}

// panicky panics on any package.
var panicky = &analysis.Analyzer{
	Name: "panicky",
	Doc:  "test analyzer: panics",
	Run:  func(*analysis.Pass) (any, error) { panic("boom") },
}
