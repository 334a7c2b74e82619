package nolint

import "os"

func flag(args ...any) {}

var _ = os.Args

func control() {
	flag(1) // want `flagged`
}

func trailing() {
	flag(1) //nolint:tempperm
	flag(2) // want `flagged`
}

func bare() {
	flag(1) //nolint
	flag(2) //nolint // the reason
}

func all() {
	flag(1) //nolint:all
	flag(2) //nolint:gosec,all
}

func linterName() {
	flag(1) //nolint:tempguard // the reason
	flag(2) //nolint:gosec,tempguard
}

func caseAndSpaces() {
	flag(1) //nolint:TempPerm
	flag(2) // nolint:tempperm
	flag(3) //nolint: gosec , tempperm // the reason
}

func otherLinters() {
	flag(1) /* want `flagged` */ //nolint:gosec
	flag(2) /* want `flagged` */ //nolint:predictabletemp
	flag(3) /* want `flagged` */ //nolintlint:tempperm
	flag(4) /* want `flagged` */ //nolint:tempperm because golangci-lint reads "tempperm because" as one name
	flag(5) /* want `flagged` */ /* nolint:tempperm */
}

// A comment on a line of its own covers the node that starts on the next
// line at its column: the whole statement, body included.
func statement(ok bool) {
	//nolint:tempperm
	if flag(1); ok {
		flag(2)
	}
	flag(3) // want `flagged`
}

// A node that starts at another column is not covered, and neither is a
// line after a blank one.
func column() {
	//nolint:tempperm
		flag(1) // want `flagged`
	//nolint:tempperm

	flag(2) // want `flagged`
}

// A trailing comment covers its line only.
func trailingMultiline() {
	flag(1, //nolint:tempperm
		2) // want `flagged`
}

// A function whose doc comment holds //nolint is covered whole.
//
//nolint:tempperm // the reason
func wholeFunction() {
	flag(1)
	func() {
		flag(2)
	}()
}

// Only the first //nolint of a comment group is extended to the node
// below (golangci-lint extends the first range it finds); the others
// cover the group's lines.
func firstOfGroup() {
	//nolint:gosec
	//nolint:tempperm
	flag(1) // want `flagged`
}
