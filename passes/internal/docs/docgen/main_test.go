package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUpToDate fails while a passes/NAME/doc_gen.go differs from what
// docgen writes from passes/NAME/doc.go, or is missing.
func TestUpToDate(t *testing.T) {
	files, err := Generate(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 7 {
		t.Fatalf("Generate found %d analyzers, want 7 or more", len(files))
	}
	for _, f := range files {
		old, err := os.ReadFile(f.Path)
		if err != nil || !bytes.Equal(old, f.Content) {
			t.Errorf("%s is stale or missing (%v): run go generate ./passes/...", f.Path, err)
		}
	}
}

// TestGenerate: the constant holds exactly Extract's text, the file is Go
// with a generated-file marker, and a malformed doc.go is an error that
// names the file.
func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, "doc.go"), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("halting", "// Package halting reports loops.\n//\n// # Analyzer halting\n//\n// halting: report loops that never end\n//\n// The halting analyzer reports \"quoted\" loops.\n//\n// Fix: insert a break.\npackage halting\n")
	files, err := Generate(dir)
	if err != nil || len(files) != 1 {
		t.Fatalf("Generate = %v, %v", files, err)
	}
	got := string(files[0].Content)
	for _, want := range []string{
		Header,
		"package halting\n",
		"const docText = \"report loops that never end\\n\" +\n\t\"\\n\" +\n\t\"The halting analyzer reports \\\"quoted\\\" loops.\\n\" +\n\t\"\\n\" +\n\t\"Fix: insert a break.\"\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("generated file lacks %q:\n%s", want, got)
		}
	}
	write("looping", "// Package looping has no analyzer section.\npackage looping\n")
	if _, err := Generate(dir); err == nil || !strings.Contains(err.Error(), filepath.Join("looping", "doc.go")) {
		t.Errorf("Generate with a malformed doc.go: %v; want an error naming looping/doc.go", err)
	}
}
