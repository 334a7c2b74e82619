package usestypeerr_test

import (
	"os"
	"testing"

	"example.com/partial/usestypeerr"
)

func TestU(t *testing.T) {
	usestypeerr.U()
	os.WriteFile("/tmp/usestypeerr_test.txt", nil, 0o600)
}
