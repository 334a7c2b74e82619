// Package good is fine.
package good

import "os"

func G() { os.WriteFile("/tmp/good.txt", nil, 0o644) }
