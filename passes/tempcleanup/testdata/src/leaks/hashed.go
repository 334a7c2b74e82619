package leaks

import (
	"hash/maphash"
	"os"
)

// Hashing the path writes it nowhere (a hash.Hash only digests what it
// is given). A leak.
func hashedName() (uint64, error) {
	a, err := os.MkdirTemp("", "a") // want `temporary directory from os.MkdirTemp is not removed`
	if err != nil {
		return 0, err
	}
	var h maphash.Hash
	h.WriteString(a)
	return h.Sum64(), build(a)
}
