package checkthenopen

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/passes/internal/severity"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// Freed names reused: a function removes a temp file that os.CreateTemp
// made in a shared temp dir (or a temp directory that os.MkdirTemp made
// there) and then creates the same name again by path. The random name no
// longer belongs to the program: another user who saw it (by listing the
// directory) can create it, or plant a symlink there, in between.

// isRemoval reports whether u is os.Remove or os.RemoveAll (by path).
func isRemoval(u *use) bool {
	return u.root == nil && len(u.call.Args) == 1 && (u.f.Is("os", "Remove") || u.f.Is("os", "RemoveAll"))
}

// mayFree reports whether uses holds a removal and a create: the only
// functions the freed-name rule looks at further.
func mayFree(uses []*use) bool {
	rm, create := false, false
	for _, u := range uses {
		if isRemoval(u) {
			rm = true
			continue
		}
		for _, a := range u.args {
			if a.class == useCreate || a.class == useMkdir {
				create = true
			}
		}
	}
	return rm && create
}

// freed reports the creates by path of a name the function freed by
// removing its temp file or directory before, on every path to the create.
func (s *fnState) freed() {
	for _, rm := range s.uses {
		if !isRemoval(rm) {
			continue
		}
		stmt := s.point(rm.call.Pos()).Node()
		if _, ok := stmt.(*ast.DeferStmt); ok || stmt == nil {
			continue // runs when the function returns
		}
		name := rm.call.Args[0]
		dir := false
		maker := ""
		if p := s.m.Prov(name); p.Origin == tempmodel.OriginCreateTemp && p.Loc == tempmodel.LocShared && p.Name == tempmodel.NameRandom {
			maker = p.Dir
		} else if parent, ok := s.m.MkdirTempParent(name); ok && parent.Loc == tempmodel.LocShared {
			dir, maker = true, s.m.Prov(name).Dir
		} else {
			continue
		}
		freedAt := &check{call: rm.call, path: name, stmt: stmt}
		for _, u := range s.uses {
			if u.root != nil || u == rm {
				continue
			}
			for _, a := range u.args {
				wanted := !dir && a.class == useCreate || dir && a.class == useMkdir && u.f.Is("os", "MkdirAll")
				if !wanted || !s.samePath(freedAt, a.expr, nil, u.call.Pos()) {
					continue
				}
				s.reportFreed(u, a, rm, dir, maker)
				break
			}
		}
	}
}

func (s *fnState) reportFreed(u *use, a useArg, rm *use, dir bool, maker string) {
	pathSrc := s.m.Source(a.expr)
	if len(pathSrc) > 40 {
		pathSrc = "the path"
	}
	line := s.pass.Fset.Position(rm.call.Pos()).Line
	var msg string
	var fix *analysis.SuggestedFix
	switch {
	case dir:
		msg = fmt.Sprintf("%s(%s) reuses the name of a temp directory removed on line %d: any local user can create it first and own it; use the directory %s made, or call %s again",
			u.f, pathSrc, line, maker, maker)
	default:
		todo := "create it with os.OpenFile and os.O_CREATE|os.O_EXCL, or keep using the file " + maker + " made"
		switch {
		case u.f.Is("os", "OpenFile"):
			todo = "add os.O_EXCL to the flags"
			fix = s.fixOpenFileExcl(u)
		case u.f.Is("os", "Create"):
			fix = s.fixCreateCall(u)
		}
		msg = fmt.Sprintf("%s(%s) reuses the name of a temp file removed on line %d: any local user can create it or plant a symlink there in between; %s",
			u.f, pathSrc, line, todo)
	}
	d := analysis.Diagnostic{
		Pos:      u.call.Pos(),
		End:      u.call.End(),
		Message:  msg,
		Category: severity.RaceSharedDir,
		Related: []analysis.RelatedInformation{{
			Pos:     rm.call.Pos(),
			End:     rm.call.End(),
			Message: fmt.Sprintf("%s frees the name %s here", rm.f, s.m.Source(rm.call.Args[0])),
		}},
	}
	if fix != nil {
		fix.Message = "Create the name exclusively: O_EXCL fails if another process took it"
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	s.m.Report(s.pass, d)
}
