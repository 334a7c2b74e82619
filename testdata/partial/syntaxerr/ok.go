package syntaxerr

import "os"

func OK() { os.WriteFile("/tmp/syntaxerr.txt", nil, 0o644) }
