package main

import (
	"fmt"
	"math/rand/v2"
	"runtime"
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
	want := `--- a/x.go
+++ b/x.go
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

// lcsLen is the reference: the length of a longest common subsequence, by
// the quadratic table.
func lcsLen(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				cur[j] = prev[j+1] + 1
			} else {
				cur[j] = max(prev[j], cur[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[0]
}

// The edit script turns a into b, in order, and is a shortest one.
func TestLineOpsShortest(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for iter := range 2000 {
		gen := func() []string {
			n := r.IntN(25)
			out := make([]string, n)
			for i := range out {
				out[i] = string(rune('a'+r.IntN(4))) + "\n"
			}
			return out
		}
		a, b := gen(), gen()
		if iter%3 == 0 { // mostly equal, as fixed files are
			b = append([]string(nil), a...)
			for range r.IntN(3) {
				if len(b) > 0 {
					b[r.IntN(len(b))] = "x\n"
				}
			}
		}
		ops := lineOps(a, b)
		ai, bi, same := 0, 0, 0
		for _, op := range ops {
			switch op.kind {
			case ' ':
				if op.a != ai || op.b != bi || a[ai] != b[bi] {
					t.Fatalf("%q -> %q: bad context op %+v at a%d b%d", a, b, op, ai, bi)
				}
				ai++
				bi++
				same++
			case '-':
				if op.a != ai {
					t.Fatalf("%q -> %q: bad delete op %+v at a%d", a, b, op, ai)
				}
				ai++
			case '+':
				if op.b != bi {
					t.Fatalf("%q -> %q: bad insert op %+v at b%d", a, b, op, bi)
				}
				bi++
			}
		}
		if ai != len(a) || bi != len(b) {
			t.Fatalf("%q -> %q: script covers a[:%d] b[:%d]", a, b, ai, bi)
		}
		if want := lcsLen(a, b); same != want {
			t.Fatalf("%q -> %q: script keeps %d lines, a shortest keeps %d", a, b, same, want)
		}
	}
}

// A few edits to a long file cost memory in proportion to the file, not
// to its square: the quadratic table took 525 MB for two one-line edits to
// an 8,000-line file. Measured in bytes allocated, not time.
func TestUnifiedDiffLinear(t *testing.T) {
	alloc := func(lines int) uint64 {
		var old, new strings.Builder
		for i := range lines {
			fmt.Fprintf(&old, "\tx%d := f(%d)\n", i, i)
			switch i {
			case 10, lines - 10:
				fmt.Fprintf(&new, "\tx%d := g(%d)\n", i, i)
			case lines / 2:
				fmt.Fprintf(&new, "\tx%d := f(%d)\n\tuse(x%d)\n", i, i, i)
			default:
				fmt.Fprintf(&new, "\tx%d := f(%d)\n", i, i)
			}
		}
		o, n := old.String(), new.String()
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		d := unifiedDiff("big.go", o, n)
		runtime.ReadMemStats(&after)
		if got := strings.Count(d, "@@ -"); got != 3 {
			t.Fatalf("%d lines: %d hunks, want 3:\n%s", lines, got, d)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, big := alloc(1000), alloc(4000)
	t.Logf("1,000 lines: %d bytes; 4,000 lines: %d bytes", small, big)
	// Quadratic would be 16 times as much; linear is 4 (maps and slices
	// grow in steps, so allow some slack).
	if big > 6*small {
		t.Errorf("4 times the lines took %.1f times the memory", float64(big)/float64(small))
	}
	if big > 4<<20 {
		t.Errorf("diff of a 4,000-line file allocated %d bytes", big)
	}
}
