package tempmodel

import (
	"path"
	"strings"
	"unicode"
)

// Pattern derives an os.CreateTemp / os.MkdirTemp pattern from what is
// known of an old predictable name: "app-*.log" for "/tmp/app-1234.log".
func Pattern(p Prov, dir bool) string {
	first := path.Base("/" + p.First)
	base := path.Base("/" + p.Base)
	ext := ""
	if !dir {
		if e := path.Ext(base); isExt(e) {
			ext = e
		}
	}
	prefix := first
	if prefix == base || strings.HasPrefix(prefix, ".") && isExt(prefix) {
		if isExt(path.Ext(prefix)) {
			prefix = strings.TrimSuffix(prefix, path.Ext(prefix))
		}
	}
	prefix = strings.TrimRightFunc(prefix, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	prefix = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '-'
	}, prefix)
	prefix = strings.TrimLeft(prefix, ".-_")
	if prefix == "" || prefix == "/" {
		prefix = "tmp"
	}
	return prefix + "-*" + ext
}

// isExt reports whether e looks like a file extension: a dot and 1–6
// letters or digits.
func isExt(e string) bool {
	if len(e) < 2 || len(e) > 7 || e[0] != '.' {
		return false
	}
	for _, r := range e[1:] {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
