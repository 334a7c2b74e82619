package fileignore

// No directive in this file.
func d() {
	flag(1) // want `flagged`
}
