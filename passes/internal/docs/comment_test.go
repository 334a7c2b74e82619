package docs

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPackageCommentAsGoParser: the line-based reading of a package
// comment gives go/parser's CommentGroup.Text, on every analyzer's doc.go
// and on the forms a doc.go could take.
func TestPackageCommentAsGoParser(t *testing.T) {
	files, err := filepath.Glob("../../*/doc.go")
	if err != nil || len(files) < 7 {
		t.Fatalf("analyzers' doc.go files: %v, %v", files, err)
	}
	inputs := map[string]string{
		"directives":        "//go:build linux\n\n// Package p does.\n//\n//go:generate x\n// text  \n//\n//\n//\tcode\n//line x.go:1\n// end\npackage p\n",
		"blank ends group":  "// Not doc.\n\n// Doc.\npackage p\n",
		"no space":          "//Doc without space.\n//   indented\npackage p\n",
		"leading blanks":    "//\n//\n// Doc.\n//\npackage p\n",
		"block comment":     "/* Block\n   doc. */\npackage p\n",
		"comment then code": "// Doc.\nvar x = 1\n",
		"crlf":              "// Doc.\r\n// More.\r\npackage p\r\n",
		"colon words":       "// a:b is not a directive, nor is Fix: x\n// ab:cd is one\npackage p\n",
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[f] = string(b)
	}
	for name, content := range inputs {
		got, gotErr := packageComment(content)
		want, wantErr := parsedPackageComment(content)
		if got != want || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("%s: packageComment = %q, %v; go/parser gives %q, %v", name, got, gotErr, want, wantErr)
		}
	}
}
