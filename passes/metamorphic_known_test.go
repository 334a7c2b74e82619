package passes_test

// metaKnownDiffs lists the findings that still change when only the
// spelling of the testdata changes (see TestMetamorphic): each is a
// decision that an analyzer takes from a name, a comment or a word, and
// must not. The test fails if a difference is missing here or if an entry
// no longer differs, so fixing an analyzer means deleting its entries.
// Fields: analyzer, file (under its testdata/src, or "<other analyzer>:file"
// under that analyzer's), line, variant (neutral, trap, trapnames), and
// lost / new / message.
//
// This list must end empty.
var metaKnownDiffs = []knownDiff{}
