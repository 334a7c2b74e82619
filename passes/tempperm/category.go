package tempperm

import "github.com/tempguard/tempguard/passes/internal/severity"

// permCategory classifies a mode that reached a shared temp dir: other
// users can write (error) or only read (warning) the entry.
func permCategory(mode int64) string {
	if mode&0o022 != 0 {
		return severity.PermWritable
	}
	return severity.PermReadable
}
