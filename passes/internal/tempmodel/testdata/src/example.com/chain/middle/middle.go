package middle // want package:"tempguard-facts"

// middle imports no file API: it only calls a package that does,
// so it must still be summarized for its own callers.

import "example.com/chain/files"

// Cleanup removes name through files.Remove.
func Cleanup(name string) { // want Cleanup:"param 0: remove"
	files.Remove(name)
}

// Size only calls a function whose summary says nothing: no fact.
func Size(name string) int { return files.Len(name) }
