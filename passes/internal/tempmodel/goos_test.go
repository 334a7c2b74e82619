package tempmodel

import (
	"go/parser"
	"go/token"
	"testing"
)

func TestBuildableFor(t *testing.T) {
	for _, tc := range []struct {
		name, src      string
		windows, linux bool
	}{
		{"a.go", "package a", true, true},
		{"a_windows.go", "package a", true, false},
		{"a_windows_test.go", "package a", true, false},
		{"a_linux.go", "package a", false, true},
		{"a_linux_amd64.go", "package a", false, true},
		{"a_unix.go", "package a", true, true}, // _unix is not a file-name constraint
		{"a.go", "//go:build !windows\n\npackage a", false, true},
		{"a.go", "//go:build windows\n\npackage a", true, false},
		{"a.go", "//go:build unix\n\npackage a", false, true},
		{"a.go", "//go:build linux || darwin\n\npackage a", false, true},
		{"a.go", "//go:build windows && cgo\n\npackage a", true, false},
		{"a.go", "//go:build ignore\n\npackage a", true, true},
		{"a.go", "// +build !windows\n\npackage a", false, true},
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, tc.name, tc.src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := BuildableFor(tc.name, f, "windows"); got != tc.windows {
			t.Errorf("%s %q: windows = %v, want %v", tc.name, tc.src, got, tc.windows)
		}
		if got := BuildableFor(tc.name, f, "linux"); got != tc.linux {
			t.Errorf("%s %q: linux = %v, want %v", tc.name, tc.src, got, tc.linux)
		}
	}
}

func TestNotForWindows(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      bool
	}{
		{"a.go", "package a", false},
		{"a_unix.go", "package a", false}, // Go ignores the suffix: it builds on Windows
		{"a_unix_test.go", "package a", false},
		{"a_unix.go", "//go:build unix\n\npackage a", true},
		{"a_linux.go", "package a", true},
		{"a_windows.go", "package a", false},
		{"a.go", "//go:build !windows\n\npackage a", true},
		{"a.go", "//go:build unix || windows\n\npackage a", false},
	} {
		f, err := parser.ParseFile(token.NewFileSet(), tc.name, tc.src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := NotForWindows(tc.name, f); got != tc.want {
			t.Errorf("%s %q: NotForWindows = %v, want %v", tc.name, tc.src, got, tc.want)
		}
	}
}
