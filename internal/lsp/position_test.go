package lsp

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestMapperUTF16(t *testing.T) {
	// Line 0: ASCII. Line 1: 2-, 3- and 4-byte runes (the 4-byte one is a
	// surrogate pair in UTF-16). Line 2: CRLF ending. Line 3: invalid UTF-8.
	text := "abc\nπ≈🙂x\r\ny\xffz"
	m := newMapper([]byte(text))
	for _, tc := range []struct {
		off int
		pos Position
	}{
		{0, Position{0, 0}},
		{3, Position{0, 3}},
		{4, Position{1, 0}},
		{6, Position{1, 1}},  // after π (2 bytes)
		{9, Position{1, 2}},  // after ≈ (3 bytes)
		{13, Position{1, 4}}, // after 🙂 (4 bytes, 2 units)
		{14, Position{1, 5}}, // after x, before \r
		{16, Position{2, 0}},
		{17, Position{2, 1}},  // after y
		{18, Position{2, 2}},  // after the invalid byte (1 unit)
		{19, Position{2, 3}},  // end of text
		{100, Position{2, 3}}, // clamped
		{-1, Position{0, 0}},  // clamped
		{11, Position{1, 2}},  // inside 🙂: the start of the rune
	} {
		if got := m.position(tc.off); got != tc.pos {
			t.Errorf("position(%d) = %+v, want %+v", tc.off, got, tc.pos)
		}
	}
	for _, tc := range []struct {
		pos Position
		off int
	}{
		{Position{0, 0}, 0},
		{Position{1, 1}, 6},
		{Position{1, 2}, 9},
		{Position{1, 4}, 13},
		{Position{1, 3}, 13}, // inside a surrogate pair: after the rune
		{Position{1, 5}, 14},
		{Position{1, 99}, 14}, // past the end of the line: before \r\n
		{Position{0, 99}, 3},
		{Position{2, 2}, 18},
		{Position{9, 0}, 19}, // past the last line
	} {
		got, err := m.offset(tc.pos)
		if err != nil || got != tc.off {
			t.Errorf("offset(%+v) = %d, %v; want %d", tc.pos, got, err, tc.off)
		}
	}
	if _, err := m.offset(Position{-1, 0}); err == nil {
		t.Errorf("negative line accepted")
	}
}

func TestURIs(t *testing.T) {
	for _, p := range []string{"/tmp/a.go", "/home/x y/ü/a#b.go", "/a/%41.go"} {
		uri := pathToURI(p)
		back, err := uriToPath(uri)
		if err != nil || back != p {
			t.Errorf("%q -> %q -> %q, %v", p, uri, back, err)
		}
	}
	if got := pathToURI("/home/x y/a.go"); got != "file:///home/x%20y/a.go" {
		t.Errorf("pathToURI = %q", got)
	}
	if p, err := uriToPath("file:///home/x%20y/%C3%BC.go"); err != nil || p != "/home/x y/ü.go" {
		t.Errorf("uriToPath = %q, %v", p, err)
	}
	if _, err := uriToPath("untitled:Untitled-1"); err == nil {
		t.Errorf("non-file URI accepted")
	}
}

func TestFraming(t *testing.T) {
	var buf bytes.Buffer
	w := &writer{w: &buf}
	if err := w.notify("x/y", map[string]string{"k": "ü"}); err != nil {
		t.Fatal(err)
	}
	// Headers are case-insensitive; Content-Type is ignored.
	buf.WriteString("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}")
	r := newReader(&buf)
	body, err := r.read()
	if err != nil || string(body) != `{"jsonrpc":"2.0","method":"x/y","params":{"k":"ü"}}` {
		t.Fatalf("read = %q, %v", body, err)
	}
	if body, err := r.read(); err != nil || string(body) != "{}" {
		t.Fatalf("read = %q, %v", body, err)
	}
	if _, err := r.read(); err != io.EOF {
		t.Fatalf("at end: %v", err)
	}
	for _, bad := range []string{
		"Content-Length: x\r\n\r\n",
		"No-Length: 1\r\n\r\n{",
		"Content-Length: 10\r\n\r\n{}",
		"garbage\r\n\r\n",
		"Content-Length: 999999999999\r\n\r\n",
	} {
		if _, err := newReader(strings.NewReader(bad)).read(); err == nil || errors.Is(err, io.EOF) && err == io.EOF {
			t.Errorf("%q: err = %v", bad, err)
		}
	}
}
