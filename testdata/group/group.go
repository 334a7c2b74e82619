// Package group has calls that two analyzers report, for the text
// output's grouping, and look-alikes that must stay apart.
package group

import "os"

// Save writes a predictable path with a mode other users can read: one
// call, two findings (predictabletemp and tempperm), one location.
func Save(data []byte) error {
	return os.WriteFile("/tmp/group-save", data, 0o644)
}

// Both makes two calls on one line: two locations, not one.
func Both(data []byte) error {
	return first(os.WriteFile("/tmp/group-a", data, 0o600), os.WriteFile("/tmp/group-b", data, 0o600))
}

func first(a, b error) error {
	if a != nil {
		return a
	}
	return b
}
