package unused

import "os"

func flag(args ...any) {}

func noflag(args ...any) {}

var _ = os.Args

func used() {
	//tempguard:ignore tempperm the reason
	flag(1)
}

func unused() {
	/* want `^//tempguard:ignore tempperm suppresses no tempperm finding: remove it$` */ //tempguard:ignore tempperm the reason
	noflag(1)
}

// Other analyzers did not run: their names are not reported.
func otherAnalyzer() {
	//tempguard:ignore predictabletemp the reason
	noflag(1)
}

func twoNames() {
	/* want `^//tempguard:ignore names tempperm but suppresses no tempperm finding: remove tempperm from it$` */ //tempguard:ignore predictabletemp,tempperm the reason
	noflag(1)
}

// Two comments that cover the same finding are both used.
//
//tempguard:ignore tempperm the whole function
func both() {
	//tempguard:ignore tempperm this line
	flag(1)
}

// //nolint is checked by golangci-lint's nolintlint, not here.
func nolint() {
	noflag(1) //nolint:tempperm
}
