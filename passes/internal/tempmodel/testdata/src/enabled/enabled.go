package enabled

import "os"

func flag(args ...any) {}

var _ = os.Args

// predictabletemp is not enabled: tempperm, which is, reports the
// comment's problem.
func notEnabled() {
	/* want `//tempguard:ignore needs a reason` */ //tempguard:ignore predictabletemp
	flag(1) // want `flagged`
}
