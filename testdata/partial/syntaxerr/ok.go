// Package syntaxerr is fine here; TestBrokenPackagesStillAnalysed adds a file
// that does not parse (it cannot be checked in: the repository is gofmt-ed).
package syntaxerr

import "os"

func OK() { os.WriteFile("/tmp/syntaxerr.txt", nil, 0o644) }
