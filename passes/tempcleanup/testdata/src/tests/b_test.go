package tests

import (
	"io/ioutil"
	"testing"
)

func TestOnlyIoutilUse(t *testing.T) {
	dir, err := ioutil.TempDir("", "only") // want `ioutil.TempDir in a test`
	if err != nil {
		t.Fatal(err)
	}
	_ = Build(dir)
}
