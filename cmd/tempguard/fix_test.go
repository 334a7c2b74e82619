package main

import (
	"strings"
	"testing"
)

func TestPlanFixesSkipsConflicts(t *testing.T) {
	fix := func(start, end int, text string) []jsonSuggestedFix {
		return []jsonSuggestedFix{{Edits: []jsonTextEdit{{Filename: "f.go", Start: start, End: end, New: text}}}}
	}
	findings := []Finding{
		{Fixes: fix(10, 20, "a")},
		{Fixes: fix(15, 25, "b")}, // overlaps the first: skipped
		{Fixes: fix(30, 30, "c")},
		{Fixes: fix(30, 30, "c")}, // identical edit: merged
		{Fixes: fix(30, 30, "d")}, // another insertion at the same place: skipped
		{},                        // no fix
	}
	edits, taken, skipped := planFixes(findings, nil)
	if taken != 3 || skipped != 2 || len(edits["f.go"]) != 2 {
		t.Errorf("taken %d skipped %d edits %v", taken, skipped, edits)
	}
	out, err := applyEdits([]byte("0123456789abcdefghijklmnopqrstuvwxyz"), edits["f.go"])
	if err != nil || string(out) != "0123456789aklmnopqrstcuvwxyz" {
		t.Errorf("applyEdits = %q, %v", out, err)
	}
}

func TestUnifiedDiff(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nl\nm\n"
	new := "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nl\nm\nk\n"
	got := unifiedDiff("x.go", old, new)
	want := `--- x.go (old)
+++ x.go (fixed)
@@ -1,7 +1,7 @@
 a
 b
 c
-d
+D
 e
 f
 g
@@ -10,3 +10,4 @@
 j
 l
 m
+k
`
	if got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	if d := unifiedDiff("x.go", old, old); strings.Contains(d, "@@") {
		t.Errorf("no-change diff has hunks: %s", d)
	}
}
