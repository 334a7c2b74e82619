package tests

import (
	"io/ioutil"
	"testing"
)

func TestIoutilOne(t *testing.T) {
	dir, err := ioutil.TempDir("", "one") // want `ioutil.TempDir in a test`
	if err != nil {
		t.Fatal(err)
	}
	_ = Build(dir)
}

func TestIoutilTwo(t *testing.T) {
	dir, err := ioutil.TempDir("", "two") // want `ioutil.TempDir in a test`
	if err != nil {
		t.Fatal(err)
	}
	_ = Build(dir)
}
