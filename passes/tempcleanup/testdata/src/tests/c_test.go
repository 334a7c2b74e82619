package tests

import (
	"os"
	"testing"
)

func TestTwoDirs(t *testing.T) {
	a, err := os.MkdirTemp("", "a") // want `os.MkdirTemp in a test`
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.MkdirTemp("", "b") // want `os.MkdirTemp in a test`
	if err != nil {
		t.Fatal(err)
	}
	_, _ = Build(a), Build(b)
	_ = os.Getpid()
}
