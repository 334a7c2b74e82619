package nolintdriver

import "os"

func flag(args ...any) {}

var _ = os.Args

// golangci-lint applies //nolint, //nolint:all and //nolint:tempguard
// itself (to the linter named tempguard): the pass leaves them to it, so
// that nolintlint sees them used. It does not know //nolint:tempperm when
// tempguard runs as one linter: the pass applies that one.
func underGolangci() {
	flag(1) // want `flagged`
	flag(2) //nolint:tempperm
	flag(3) //nolint // want `flagged`
	flag(4) /* want `flagged` */ //nolint:all
	flag(5) /* want `flagged` */ //nolint:tempguard
}
