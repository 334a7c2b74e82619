// Package removeslib is imported by removes: its summaries reach the
// callers there as facts.
package removeslib

import "os"

func RemoveDir(dir string) error { return os.RemoveAll(dir) } // want `removes \[0\] keeps \[\]`

func Use(dir string) error { // the look-alike: it only reads the path
	_, err := os.Stat(dir)
	return err
}

var kept []string

func Keep(dir string) { kept = append(kept, dir) } // want `removes \[\] keeps \[0\]`
