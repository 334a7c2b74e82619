// Package broken does not type-check: tempguard analyses it anyway, says so,
// and exits 3 for its finding (4 without findings).
package broken

import "os"

func F() int {
	f, _ := os.Create("/tmp/x")
	return f
}
