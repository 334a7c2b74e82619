package main

import "testing"

func TestInstallVersion(t *testing.T) {
	for v, want := range map[string]string{
		"v0.1.0":                               "v0.1.0",
		"v0.1.1-0.20261206030000-05eb3da9200d": "v0.1.1-0.20261206030000-05eb3da9200d",
		"v0.1.1-0.20261206030000-05eb3da9200d+dirty": "latest",
		"(devel)": "latest",
		"":        "latest",
	} {
		if got := installVersion(v); got != want {
			t.Errorf("installVersion(%q) = %q, want %q", v, got, want)
		}
	}
}
