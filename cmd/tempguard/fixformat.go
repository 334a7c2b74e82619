package main

import (
	"bytes"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"sort"
)

// Formatting a fixed file.
//
// A fix's edits are raw text; gofmt is what makes them look like the code
// around them. But formatting the whole file would also rewrite code the
// fix never touched (an untidy line, a doc comment gofmt would rewrap). So:
//
//   - a file that was gofmt-clean before the fix is formatted whole
//     (formatting it changes only what the fix touched, and the file stays
//     gofmt-clean);
//   - any other file gets gofmt's whitespace only in the gaps between
//     tokens that touch an edited range, and keeps its own everywhere else;
//   - the result must format to the same text as the fully formatted file
//     (so it is the same program); if not, the edits are left unformatted.

// span is a byte range [start, end) of the edited text that an edit
// produced (empty for a pure deletion).
type span struct{ start, end int }

// spliceEdits applies the edits to content and returns the new text and the
// ranges of it that the edits produced.
func spliceEdits(content []byte, edits []fileEdit) ([]byte, []span, error) {
	sorted := append([]fileEdit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].start < sorted[j].start })
	var out bytes.Buffer
	var touched []span
	last := 0
	for _, e := range sorted {
		if e.start < last || e.end > len(content) || e.start > e.end {
			return nil, nil, fmt.Errorf("edit [%d,%d) out of range or overlapping", e.start, e.end)
		}
		out.Write(content[last:e.start])
		s := out.Len()
		out.WriteString(e.text)
		touched = append(touched, span{s, out.Len()})
		last = e.end
	}
	out.Write(content[last:])
	return out.Bytes(), touched, nil
}

// applyEdits returns content with the edits applied and formatted where
// they were applied (see above).
func applyEdits(content []byte, edits []fileEdit) ([]byte, error) {
	edited, touched, err := spliceEdits(content, edits)
	if err != nil {
		return nil, err
	}
	return formatTouched(content, edited, touched), nil
}

// formatTouched formats edited (the text of original after the edits) in the
// touched ranges only, unless original was gofmt-clean.
func formatTouched(original, edited []byte, touched []span) []byte {
	formatted, err := format.Source(edited)
	if err != nil || bytes.Equal(formatted, edited) {
		return edited // does not parse (left as is), or nothing to do
	}
	if clean, err := format.Source(original); err == nil && bytes.Equal(clean, original) {
		return formatted
	}
	result, ok := alignFormatted(edited, formatted, touched)
	if !ok {
		return edited
	}
	if again, err := format.Source(result); err != nil || !bytes.Equal(again, formatted) {
		return edited
	}
	return result
}

// alignFormatted takes gofmt's whitespace from formatted in the gaps of
// edited that touch an edited range. It works declaration by declaration:
// gofmt keeps the declarations, but may change more than whitespace inside
// one (sorting imports, normalizing number literals, rewrapping a doc
// comment). A touched declaration where it did is taken from formatted
// whole; a touched stretch between declarations (comments, the package
// clause) where it did is left alone.
func alignFormatted(edited, formatted []byte, touched []span) ([]byte, bool) {
	ea, ok1 := declSegments(edited)
	fa, ok2 := declSegments(formatted)
	if !ok1 || !ok2 || len(ea) != len(fa) {
		return nil, false
	}
	var out []byte
	for i := range ea {
		es, fs := ea[i], fa[i]
		a, f := edited[es.start:es.end], formatted[fs.start:fs.end]
		if !touches(touched, es.start, es.end) {
			out = append(out, a...)
			continue
		}
		if merged, ok := alignGaps(a, f, es.start, touched); ok {
			out = append(out, merged...)
		} else if i%2 == 1 { // a declaration
			out = append(out, f...)
		} else {
			out = append(out, a...)
		}
	}
	return out, true
}

// declSegments splits src into alternating stretches: before the first
// declaration, the first declaration, between it and the next, ..., after
// the last. A declaration's doc comment is in the stretch before it.
func declSegments(src []byte) ([]span, bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, false
	}
	tf := fset.File(f.FileStart)
	var segs []span
	last := 0
	for _, d := range f.Decls {
		s, e := tf.Offset(d.Pos()), tf.Offset(d.End())
		if s < last || e < s {
			return nil, false
		}
		segs = append(segs, span{last, s}, span{s, e})
		last = e
	}
	segs = append(segs, span{last, len(src)})
	return segs, true
}

// touches reports whether [start, end) overlaps or borders a touched range.
func touches(touched []span, start, end int) bool {
	for _, t := range touched {
		if t.start <= end && t.end >= start {
			return true
		}
	}
	return false
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

// alignGaps walks a and f, which must hold the same non-space bytes in the
// same order, and builds a's text with f's whitespace in each gap between
// them that touches an edited range (off is a's offset in the edited text).
func alignGaps(a, f []byte, off int, touched []span) ([]byte, bool) {
	out := make([]byte, 0, len(a))
	i, j := 0, 0
	for {
		i2, j2 := i, j
		for i2 < len(a) && isSpace(a[i2]) {
			i2++
		}
		for j2 < len(f) && isSpace(f[j2]) {
			j2++
		}
		if touches(touched, off+i, off+i2) {
			out = append(out, f[j:j2]...)
		} else {
			out = append(out, a[i:i2]...)
		}
		if i2 == len(a) && j2 == len(f) {
			return out, true
		}
		if i2 == len(a) || j2 == len(f) || a[i2] != f[j2] {
			return nil, false
		}
		out = append(out, a[i2])
		i, j = i2+1, j2+1
	}
}
