package keep

import "os"

func flag(args ...any) {}

var _ = os.Args

func f() {
	flag(1) // want `flagged`
	//tempguard:ignore tempperm the reason
	flag(2) // want `flagged`
	flag(3) /* want `flagged` */ //nolint:tempperm // another reason
}
