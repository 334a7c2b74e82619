// Package embedmiss embeds a file that is missing: the go command refuses
// to load it, and go vet then analyses nothing at all.
package embedmiss

import (
	_ "embed"
	"os"
)

//go:embed missing.txt
var data string

func W() { os.WriteFile("/tmp/embedmiss.txt", []byte(data), 0o644) }
