// Package usesembed imports the package whose embedded file is missing.
package usesembed

import (
	"os"

	"example.com/partial/embedmiss"
)

func U() {
	embedmiss.W()
	os.WriteFile("/tmp/usesembed.txt", nil, 0o644)
}
