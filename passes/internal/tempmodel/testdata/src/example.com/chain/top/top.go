package top // want package:"tempguard-facts"

// top calls middle, which imports no file API.

import "example.com/chain/middle"

// Done removes name two packages down.
func Done(name string) { // want Done:"param 0: remove"
	middle.Cleanup(name)
}

// Count says nothing.
func Count(name string) int { return middle.Size(name) }
