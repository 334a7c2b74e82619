// Package typeerr does not type-check.
package typeerr

import "os"

func T() int {
	os.WriteFile("/tmp/typeerr.txt", nil, 0o644)
	return "x"
}
