// Package atomic is a stub of github.com/natefinch/atomic v1.0.1: the
// exported API shapes that tempguard's file-API table names, with empty
// bodies.
package atomic

import "io"

// WriteFile atomically writes the contents of r to the specified filepath.
func WriteFile(filename string, r io.Reader) (err error) { return nil }

// ReplaceFile atomically replaces the destination file or directory with
// the source.
func ReplaceFile(source, destination string) error { return nil }
