package tempreopen

import (
	"go/ast"
	"go/build/constraint"
	"path/filepath"
	"strings"
)

var goosList = map[string]bool{
	"aix": true, "android": true, "darwin": true, "dragonfly": true, "freebsd": true, "hurd": true,
	"illumos": true, "ios": true, "js": true, "linux": true, "nacl": true, "netbsd": true,
	"openbsd": true, "plan9": true, "solaris": true, "wasip1": true, "zos": true, "windows": true,
	"unix": true, // not a GOOS file suffix, but the common convention (and a build tag)
}

var goarchList = map[string]bool{
	"386": true, "amd64": true, "arm": true, "arm64": true, "loong64": true, "mips": true, "mipsle": true,
	"mips64": true, "mips64le": true, "ppc64": true, "ppc64le": true, "riscv64": true, "s390x": true,
	"wasm": true,
}

// nonWindows reports whether file f can never be built for Windows: a GOOS
// file-name suffix other than windows (or _unix), or a build constraint that
// is false whenever the windows tag is set.
func nonWindows(filename string, f *ast.File) bool {
	base := strings.TrimSuffix(filepath.Base(filename), ".go")
	base = strings.TrimSuffix(base, "_test")
	elems := strings.Split(base, "_")
	if n := len(elems); n > 1 {
		last := elems[n-1]
		if goarchList[last] && n > 2 {
			last = elems[n-2]
		}
		if goosList[last] && last != "windows" {
			return true
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
			if !windowsPossible(x) {
				return true
			}
		}
	}
	return false
}

// windowsPossible reports whether some setting of the tags other than the
// operating system makes x true when building for windows.
func windowsPossible(x constraint.Expr) bool {
	var free []string
	seen := map[string]bool{}
	x.Eval(func(tag string) bool {
		if !goosList[tag] && !seen[tag] {
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
			if goosList[tag] {
				return tag == "windows"
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
