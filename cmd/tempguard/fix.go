package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/tempguard/tempguard/internal/vettool"
)

// Applying fixes.
//
// `go vet -fix` gives up on a whole package when two fixes conflict (two
// analyzers editing the same lines): it applies none of its edits, and the
// importers of that package then fail for want of its facts. tempguard
// applies fixes itself instead, from the suggested fixes in go vet's JSON:
// per file, the first fix of each finding in position order, skipping a fix
// whose edits overlap one already taken (identical edits, such as the same
// import added twice, are merged). Then it analyzes again, so that the fixes
// skipped for a conflict get their turn on the new text, until nothing
// fixable is left or a round changes nothing.

// fileEdit is one edit of a suggested fix, in byte offsets.
type fileEdit struct {
	start, end int
	text       string
}

// planFixes chooses, per file, a set of non-conflicting fixes and returns
// the edits to apply and how many fixes were taken and skipped.
// A fix with an edit in a file for which skipFile returns true (a generated
// file, or one that cannot be read) is skipped.
func planFixes(findings []Finding, skipFile func(string) bool) (edits map[string][]fileEdit, taken, skipped int) {
	edits = map[string][]fileEdit{}
	for _, f := range findings {
		if len(f.Fixes) == 0 {
			continue
		}
		fix := f.Fixes[0]
		ok := true
		for _, e := range fix.Edits {
			if skipFile != nil && skipFile(e.Filename) {
				ok = false
			}
		}
		var add []fileEdit
		for _, e := range fix.Edits {
			if !ok {
				break
			}
			fe := fileEdit{e.Start, e.End, e.New}
			dup := false
			for _, old := range edits[e.Filename] {
				if old == fe {
					dup = true
					break
				}
				if overlaps(old, fe) {
					ok = false
				}
			}
			if !ok {
				break
			}
			if !dup {
				add = append(add, fe)
			}
		}
		// Edits within one fix must not overlap each other either.
		for i := range add {
			for j := i + 1; j < len(add); j++ {
				if overlaps(add[i], add[j]) {
					ok = false
				}
			}
		}
		if !ok {
			skipped++
			continue
		}
		taken++
		for i, e := range add {
			edits[fix.Edits[i].Filename] = append(edits[fix.Edits[i].Filename], e)
		}
	}
	return edits, taken, skipped
}

// overlaps reports whether two edits touch the same bytes. Two insertions
// at the same offset conflict (their order would be arbitrary) unless equal.
func overlaps(a, b fileEdit) bool {
	if a.start == a.end && b.start == b.end {
		return a.start == b.start
	}
	return a.start < b.end && b.start < a.end || a.start == a.end && a.start > b.start && a.start < b.end ||
		b.start == b.end && b.start > a.start && b.start < a.end
}

// fixRound applies one round of fixes to the files on disk (or, with diff,
// prints them as a unified diff) and reports how many it applied. It plans
// every file before writing any (see fixwrite.go), never edits a generated
// file, and stops between files once interrupted.
func fixRound(findings []Finding, diff bool, w io.Writer) (applied int, files []string, err error) {
	contents := map[string][]byte{}
	skip := func(file string) bool {
		old, ok := contents[file]
		if !ok {
			var rerr error
			old, rerr = os.ReadFile(file)
			if rerr != nil || isGeneratedSource(file, old) {
				old = nil
			}
			contents[file] = old
		}
		return old == nil
	}
	edits, taken, _ := planFixes(findings, skip)
	files = make([]string, 0, len(edits))
	for file := range edits {
		files = append(files, file)
	}
	sort.Strings(files)
	var plan []plannedFile
	for _, file := range files {
		old := contents[file]
		updated, err := applyEdits(old, edits[file])
		if err != nil {
			return 0, nil, fmt.Errorf("%s: %v", file, err)
		}
		plan = append(plan, plannedFile{file, old, updated})
	}
	if !diff && len(plan) > 0 {
		startJanitor()
	}
	for _, p := range plan {
		if diff {
			fmt.Fprint(w, unifiedDiff(relPath(p.path), string(p.old), string(p.new)))
			continue
		}
		if vettool.Interrupted() {
			return 0, nil, vettool.ErrInterrupted
		}
		if !unchangedSince(p.path, p.old) {
			return 0, nil, fmt.Errorf("%s changed while fixes were planned; not writing it", p.path)
		}
		if err := writeAtomic(p.path, p.new); err != nil {
			return 0, nil, err
		}
	}
	return taken, files, nil
}

// unifiedDiff renders a line diff of old and new in unified format with
// three lines of context, with the a/ and b/ prefixes that `git apply` and
// `patch -p1` expect: name is the path relative to the directory they run
// in.
func unifiedDiff(name, old, new string) string {
	a, b := splitLines(old), splitLines(new)
	ops := lineOps(a, b)
	const ctx = 3
	var out strings.Builder
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
	// Group the ops into hunks.
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(i-ctx, 0)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			// A run of context: does another change follow within 2*ctx?
			j := end
			for j < len(ops) && ops[j].kind == ' ' {
				j++
			}
			if j < len(ops) && j-end <= 2*ctx {
				end = j
				continue
			}
			end = min(end+ctx, len(ops))
			break
		}
		aStart, bStart, aLen, bLen := ops[start].a, ops[start].b, 0, 0
		var body strings.Builder
		for _, op := range ops[start:end] {
			switch op.kind {
			case ' ':
				aLen++
				bLen++
				body.WriteString(" " + a[op.a])
			case '-':
				aLen++
				body.WriteString("-" + a[op.a])
			case '+':
				bLen++
				body.WriteString("+" + b[op.b])
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n%s", hunkRange(aStart, aLen), hunkRange(bStart, bLen), body.String())
		i = end
	}
	return out.String()
}

// hunkRange formats the range of a hunk header: "start,len" with a 1-based
// start, or for an empty range the line before it ("0,0" at the top), as
// GNU diff writes it.
func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		if !strings.HasSuffix(l, "\n") {
			lines[i] = l + "\n\\ No newline at end of file\n"
		}
	}
	return lines
}

type lineOp struct {
	kind byte // ' ', '-', '+'
	a, b int  // line indexes in old and new (position for inserts/deletes)
}

// lineOps computes a shortest edit script between a and b with Myers'
// algorithm in its linear-space form (the "middle snake" bisection): time
// O((N+M)·D) and memory O(N+M) for files of N and M lines that differ in
// D lines, so a two-line fix to an 8,000-line file costs a few passes over
// it, not a table of N·M cells.
func lineOps(a, b []string) []lineOp {
	// Compare small integers, not strings.
	ids := map[string]int{}
	intern := func(lines []string) []int {
		out := make([]int, len(lines))
		for i, l := range lines {
			id, ok := ids[l]
			if !ok {
				id = len(ids)
				ids[l] = id
			}
			out[i] = id
		}
		return out
	}
	d := &differ{a: intern(a), b: intern(b)}
	n := len(a) + len(b) + 4
	d.v1, d.v2 = make([]int, n), make([]int, n)
	d.ops = make([]lineOp, 0, max(len(a), len(b))+8)
	d.diff(0, len(a), 0, len(b))
	return d.ops
}

type differ struct {
	a, b   []int
	v1, v2 []int // the forward and reverse frontiers, reused by every bisection
	ops    []lineOp
}

// diff appends the edit script of a[a0:a1] against b[b0:b1].
func (d *differ) diff(a0, a1, b0, b1 int) {
	for a0 < a1 && b0 < b1 && d.a[a0] == d.b[b0] {
		d.ops = append(d.ops, lineOp{' ', a0, b0})
		a0++
		b0++
	}
	suf := 0
	for a0 < a1-suf && b0 < b1-suf && d.a[a1-1-suf] == d.b[b1-1-suf] {
		suf++
	}
	a1, b1 = a1-suf, b1-suf
	switch {
	case a0 == a1:
		for j := b0; j < b1; j++ {
			d.ops = append(d.ops, lineOp{'+', a0, j})
		}
	case b0 == b1:
		for i := a0; i < a1; i++ {
			d.ops = append(d.ops, lineOp{'-', i, b0})
		}
	default:
		if x, y, ok := d.bisect(a0, a1, b0, b1); ok {
			d.diff(a0, x, b0, y)
			d.diff(x, a1, y, b1)
		} else {
			for i := a0; i < a1; i++ {
				d.ops = append(d.ops, lineOp{'-', i, b0})
			}
			for j := b0; j < b1; j++ {
				d.ops = append(d.ops, lineOp{'+', a1, j})
			}
		}
	}
	for k := range suf {
		d.ops = append(d.ops, lineOp{' ', a1 + k, b1 + k})
	}
}

// bisect finds the point where the forward and reverse searches for a
// shortest edit path of a[a0:a1] against b[b0:b1] meet (both ranges
// non-empty, their first and last lines differing): the problem splits
// there into two smaller ones. ok is false when the ranges share no line.
func (d *differ) bisect(a0, a1, b0, b1 int) (x, y int, ok bool) {
	a, b := d.a[a0:a1], d.b[b0:b1]
	n, m := len(a), len(b)
	maxD := (n + m + 1) / 2
	off := maxD
	v1, v2 := d.v1[:2*maxD+2], d.v2[:2*maxD+2]
	for i := range v1 {
		v1[i], v2[i] = -1, -1
	}
	v1[off+1], v2[off+1] = 0, 0
	delta := n - m
	front := delta%2 != 0 // the forward search meets the reverse one
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	for e := 0; e < maxD; e++ {
		for k1 := -e + k1start; k1 <= e-k1end; k1 += 2 {
			k1off := off + k1
			var x1 int
			if k1 == -e || k1 != e && v1[k1off-1] < v1[k1off+1] {
				x1 = v1[k1off+1]
			} else {
				x1 = v1[k1off-1] + 1
			}
			y1 := x1 - k1
			for x1 < n && y1 < m && a[x1] == b[y1] {
				x1++
				y1++
			}
			v1[k1off] = x1
			switch {
			case x1 > n:
				k1end += 2 // ran off the right
			case y1 > m:
				k1start += 2 // ran off the bottom
			case front:
				if k2off := off + delta - k1; k2off >= 0 && k2off < len(v2) && v2[k2off] != -1 {
					if x1 >= n-v2[k2off] {
						return a0 + x1, b0 + y1, true
					}
				}
			}
		}
		for k2 := -e + k2start; k2 <= e-k2end; k2 += 2 {
			k2off := off + k2
			var x2 int
			if k2 == -e || k2 != e && v2[k2off-1] < v2[k2off+1] {
				x2 = v2[k2off+1]
			} else {
				x2 = v2[k2off-1] + 1
			}
			y2 := x2 - k2
			for x2 < n && y2 < m && a[n-x2-1] == b[m-y2-1] {
				x2++
				y2++
			}
			v2[k2off] = x2
			switch {
			case x2 > n:
				k2end += 2
			case y2 > m:
				k2start += 2
			case !front:
				if k1off := off + delta - k2; k1off >= 0 && k1off < len(v1) && v1[k1off] != -1 {
					x1 := v1[k1off]
					y1 := off + x1 - k1off
					if x1 >= n-x2 {
						return a0 + x1, b0 + y1, true
					}
				}
			}
		}
	}
	return 0, 0, false
}
