package lsp

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// mapper converts between byte offsets (Go positions) and LSP positions
// (zero-based line, UTF-16 code units) for one text.
type mapper struct {
	text  []byte
	lines []int // byte offset of the start of each line
}

func newMapper(text []byte) *mapper {
	m := &mapper{text: text, lines: []int{0}}
	for i, b := range text {
		if b == '\n' {
			m.lines = append(m.lines, i+1)
		}
	}
	return m
}

// position converts a byte offset to an LSP position. An offset inside a
// multi-byte rune means the start of the rune; offsets out of range are
// clamped.
func (m *mapper) position(off int) Position {
	off = max(0, min(off, len(m.text)))
	// Find the last line start <= off.
	lo, hi := 0, len(m.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if m.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	for off > m.lines[lo] && off < len(m.text) && !utf8.RuneStart(m.text[off]) {
		off--
	}
	return Position{Line: lo, Character: utf16Len(m.text[m.lines[lo]:off])}
}

// offset converts an LSP position to a byte offset. A character past the
// end of its line means the end of the line (as the LSP specifies); a line
// past the end of the text means the end of the text.
func (m *mapper) offset(p Position) (int, error) {
	if p.Line < 0 || p.Character < 0 {
		return 0, fmt.Errorf("invalid position %d:%d", p.Line, p.Character)
	}
	if p.Line >= len(m.lines) {
		return len(m.text), nil
	}
	start := m.lines[p.Line]
	end := len(m.text)
	if p.Line+1 < len(m.lines) {
		end = m.lines[p.Line+1] - 1 // the '\n'
		if end > start && m.text[end-1] == '\r' {
			end--
		}
	}
	units := 0
	for i := start; i < end; {
		if units >= p.Character {
			return i, nil
		}
		r, size := utf8.DecodeRune(m.text[i:end])
		units += runeUnits(r)
		i += size
	}
	return end, nil
}

// utf16Len is the number of UTF-16 code units that encode b. An invalid
// byte counts as one unit (it becomes U+FFFD, which is one unit).
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		n += runeUnits(r)
		b = b[size:]
	}
	return n
}

func runeUnits(r rune) int {
	if n := utf16.RuneLen(r); n > 0 {
		return n
	}
	return 1
}

// uriToPath converts a file:// URI to a clean absolute path.
func uriToPath(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", err
	}
	if u.Scheme != "file" {
		return "", fmt.Errorf("unsupported URI scheme %q in %s", u.Scheme, uri)
	}
	p := u.Path
	// file:///C:/x on Windows.
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:]
	}
	return filepath.Clean(filepath.FromSlash(p)), nil
}

// pathToURI converts an absolute path to a file:// URI.
func pathToURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
