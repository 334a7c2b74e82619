package suppress

import "os"

func flag(args ...any) {}

var _ = os.Args

func control() {
	flag(1) // want `flagged`
}

func lineBefore() {
	//tempguard:ignore tempperm the reason
	flag(1)
	flag(2) // want `flagged`
}

func sameLine() {
	flag(1) //tempguard:ignore tempperm the reason
	flag(2) // want `flagged`
}

func statementBelow() {
	//tempguard:ignore tempperm the whole statement below
	flag(1,
		2,
		3)
	flag(4) // want `flagged`
}

func statementEndingHere() {
	flag(1,
		2) //tempguard:ignore tempperm the whole statement that ends here
	flag(3) // want `flagged`
}

func blockHeader(ok bool) {
	//tempguard:ignore tempperm the header, not the body
	if flag(1); ok {
		flag(2) // want `flagged`
	}
	//tempguard:ignore tempperm the literal's header line only
	go func(int) {
		flag(3) // want `flagged`
	}(0)
	for ok { //tempguard:ignore tempperm a trailing comment after a brace covers its line only
		flag(4) // want `flagged`
	}
}

func blankLine() {
	//tempguard:ignore tempperm a blank line follows

	flag(1) // want `flagged`
}

// wholeFunction is covered by its doc comment.
//
//tempguard:ignore tempperm the reason
func wholeFunction() {
	flag(1)
	func() {
		flag(2)
	}()
}

func noReason() {
	/* want `//tempguard:ignore needs a reason` */ //tempguard:ignore tempperm
	flag(1)
}

func noReasonNolintStyle() {
	/* want `//tempguard:ignore needs a reason` */ //tempguard:ignore tempperm //
	flag(1)
}

func reasonNolintStyle() {
	flag(1) //tempguard:ignore tempperm // the reason
}

func noNames() {
	//tempguard:ignore
	flag(1) // want `flagged`
}

func otherAnalyzer() {
	//tempguard:ignore predictabletemp another analyzer: it reports the problems, not tempperm
	flag(1) // want `flagged`
}

func misspelled() {
	//tempguard:ignore tempprem the reason
	flag(1) // want `flagged`
}

func knownAndUnknown() {
	/* want `"tempprem" is not a tempguard analyzer \(did you mean tempperm\?\)$` */ //tempguard:ignore tempperm,tempprem the reason
	flag(1)
}
