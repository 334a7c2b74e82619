package checkthenopen

import (
	"github.com/tempguard/tempguard/passes/internal/severity"
	"github.com/tempguard/tempguard/passes/internal/tempmodel"
)

// category classifies a reported check-then-use from what was proven about
// it (see package severity): a use that handles both outcomes of the check
// itself makes the check redundant (a note); a path in a shared temp dir, or
// a symlink or permission check that the race defeats, is a security error;
// a path from user input a security warning; any other race a reliability
// warning.
func (s *fnState) category(u *use, g *guard, p tempmodel.Prov) string {
	switch {
	case g.f.out == outMissing && g.arg.class == useMkdir && u.f.Is("os", "MkdirAll") && p.Loc != tempmodel.LocShared,
		g.f.out == outPresent && g.arg.class == useRemove && u.f.Is("os", "RemoveAll"):
		return severity.RedundantCheck
	case p.Loc == tempmodel.LocShared:
		return severity.RaceSharedDir
	case g.f.out == outSymlink || g.f.out == outPerm:
		return severity.RaceSecurityCheck
	case s.m.UserInput(g.arg.expr) != "":
		return severity.RaceUserInput
	}
	return severity.Race
}
