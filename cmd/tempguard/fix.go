package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
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
func fixRound(findings []Finding, diff bool, w io.Writer) (applied, skipped int, err error) {
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
	edits, taken, skipped := planFixes(findings, skip)
	files := make([]string, 0, len(edits))
	for file := range edits {
		files = append(files, file)
	}
	sort.Strings(files)
	var plan []plannedFile
	for _, file := range files {
		old := contents[file]
		updated, err := applyEdits(old, edits[file])
		if err != nil {
			return 0, 0, fmt.Errorf("%s: %v", file, err)
		}
		plan = append(plan, plannedFile{file, old, updated})
	}
	for _, p := range plan {
		if diff {
			fmt.Fprint(w, unifiedDiff(relPath(p.path), string(p.old), string(p.new)))
			continue
		}
		if interrupted.Load() {
			return 0, 0, errInterrupted
		}
		if !unchangedSince(p.path, p.old) {
			return 0, 0, fmt.Errorf("%s changed while fixes were planned; not writing it", p.path)
		}
		if err := writeAtomic(p.path, p.new); err != nil {
			return 0, 0, err
		}
	}
	return taken, skipped, nil
}

// unifiedDiff renders a line diff of old and new in unified format with
// three lines of context.
func unifiedDiff(name, old, new string) string {
	a, b := splitLines(old), splitLines(new)
	ops := lineOps(a, b)
	const ctx = 3
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s (old)\n+++ %s (fixed)\n", name, name)
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
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n%s", aStart+1, aLen, bStart+1, bLen, body.String())
		i = end
	}
	return out.String()
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

// lineOps computes an edit script between a and b by longest common
// subsequence over the lines between their common prefix and suffix.
func lineOps(a, b []string) []lineOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	am, bm := a[pre:len(a)-suf], b[pre:len(b)-suf]
	// lcs[i][j] = LCS length of am[i:], bm[j:].
	lcs := make([][]int, len(am)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(bm)+1)
	}
	for i := len(am) - 1; i >= 0; i-- {
		for j := len(bm) - 1; j >= 0; j-- {
			if am[i] == bm[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []lineOp
	for k := 0; k < pre; k++ {
		ops = append(ops, lineOp{' ', k, k})
	}
	i, j := 0, 0
	for i < len(am) || j < len(bm) {
		switch {
		case i < len(am) && j < len(bm) && am[i] == bm[j]:
			ops = append(ops, lineOp{' ', pre + i, pre + j})
			i++
			j++
		case i < len(am) && (j == len(bm) || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, lineOp{'-', pre + i, pre + j})
			i++
		default:
			ops = append(ops, lineOp{'+', pre + i, pre + j})
			j++
		}
	}
	for k := 0; k < suf; k++ {
		ops = append(ops, lineOp{' ', len(a) - suf + k, len(b) - suf + k})
	}
	return ops
}
