package tempmodel

import (
	"go/ast"
	"go/build/constraint"
	"path/filepath"
	"strings"
)

var knownOS = map[string]bool{
	"aix": true, "android": true, "darwin": true, "dragonfly": true, "freebsd": true, "hurd": true,
	"illumos": true, "ios": true, "js": true, "linux": true, "nacl": true, "netbsd": true,
	"openbsd": true, "plan9": true, "solaris": true, "wasip1": true, "zos": true, "windows": true,
}

var knownArch = map[string]bool{
	"386": true, "amd64": true, "arm": true, "arm64": true, "loong64": true, "mips": true, "mipsle": true,
	"mips64": true, "mips64le": true, "ppc64": true, "ppc64le": true, "riscv64": true, "s390x": true,
	"wasm": true,
}

var unixOS = map[string]bool{
	"aix": true, "android": true, "darwin": true, "dragonfly": true, "freebsd": true, "hurd": true,
	"illumos": true, "ios": true, "linux": true, "netbsd": true, "openbsd": true, "solaris": true,
}

// BuildableFor reports whether the file (its name and build constraints)
// can be part of a build for the operating system goos, for some setting
// of the other tags. The "unix" tag is true exactly for Unix systems.
func BuildableFor(filename string, f *ast.File, goos string) bool {
	base := strings.TrimSuffix(filepath.Base(filename), ".go")
	base = strings.TrimSuffix(base, "_test")
	elems := strings.Split(base, "_")
	if n := len(elems); n > 1 {
		last := elems[n-1]
		if knownArch[last] && n > 2 {
			last = elems[n-2]
		}
		if knownOS[last] && last != goos && !(last == "android" && goos == "linux") && !(last == "ios" && goos == "darwin") {
			return false
		}
	}
	for _, cg := range f.Comments {
		if cg.Pos() >= f.Package {
			break
		}
		for _, c := range cg.List {
			if !constraint.IsGoBuild(c.Text) && !constraint.IsPlusBuild(c.Text) {
				continue
			}
			x, err := constraint.Parse(c.Text)
			if err != nil {
				continue
			}
			if !satisfiable(x, goos) {
				return false
			}
		}
	}
	return true
}

// satisfiable reports whether some setting of the tags other than the
// operating system makes x true when building for goos.
func satisfiable(x constraint.Expr, goos string) bool {
	osTag := func(tag string) (val, isOS bool) {
		switch {
		case knownOS[tag]:
			return tag == goos, true
		case tag == "unix":
			return unixOS[goos], true
		}
		return false, false
	}
	var free []string
	seen := map[string]bool{}
	x.Eval(func(tag string) bool {
		if _, isOS := osTag(tag); !isOS && !seen[tag] {
			seen[tag] = true
			free = append(free, tag)
		}
		return false
	})
	if len(free) > 10 {
		return true
	}
	for mask := 0; mask < 1<<len(free); mask++ {
		ok := x.Eval(func(tag string) bool {
			if v, isOS := osTag(tag); isOS {
				return v
			}
			for i, t := range free {
				if t == tag {
					return mask&(1<<i) != 0
				}
			}
			return false
		})
		if ok {
			return true
		}
	}
	return false
}

// NotForWindows reports whether the file can never be built for Windows:
// by a GOOS file-name suffix the go command honours (_linux.go), or by a
// build constraint that is false whenever the windows tag is set. A
// _unix.go suffix is not a constraint (Go ignores it): such a file without
// a //go:build line builds on Windows too.
func NotForWindows(filename string, f *ast.File) bool {
	return !BuildableFor(filename, f, "windows")
}

// WindowsOnly reports whether the file at pos can be built only for
// Windows, where the temp directory is per user, not shared.
func (m *Model) WindowsOnly(f *ast.File) bool {
	name := m.pass.Fset.File(f.Pos()).Name()
	return BuildableFor(name, f, "windows") && !BuildableFor(name, f, "linux") && !BuildableFor(name, f, "darwin")
}
