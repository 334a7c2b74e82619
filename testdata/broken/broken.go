// Package broken does not type-check: tempguard must say so and exit 1.
package broken

import "os"

func F() int {
	f, _ := os.Create("/tmp/x")
	return f
}
