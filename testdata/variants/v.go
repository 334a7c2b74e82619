// Package variants has a finding in a package that also has tests: it must
// be reported once, not once per package variant.
package variants

import (
	"fmt"
	"os"
)

// PIDFile writes the process ID to a predictable file.
func PIDFile() error {
	return os.WriteFile(fmt.Sprintf("/tmp/variants-%d.pid", os.Getpid()), []byte("1"), 0o600)
}
