// Package usestypeerr imports the package that does not type-check.
package usestypeerr

import (
	"os"

	"example.com/partial/typeerr"
)

func U() {
	typeerr.T()
	os.WriteFile("/tmp/usestypeerr.txt", nil, 0o644)
}
