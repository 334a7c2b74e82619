//tempguard:file-ignore tempperm,predictabletemp the web server reads these files from its fixed paths

package suppress

import "os"

// Shared is suppressed by the file-level directive.
func Shared() error {
	return os.WriteFile("/tmp/suppress-shared", nil, 0o644)
}
