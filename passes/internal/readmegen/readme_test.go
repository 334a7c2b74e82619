package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/passes"
)

// TestREADME fails while README.md's checks table or a section on an
// analyzer differs from what the analyzers' doc.go comments make of them.
func TestREADME(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range check(string(readme), passes.All()) {
		t.Error(p)
	}
}

// check returns what differs between readme and what generate writes for
// analyzers: the checks table, the list of analyzer sections (names and
// order), and each analyzer's section, named, with a line diff.
func check(readme string, analyzers []*analysis.Analyzer) []string {
	const fix = "\n(edit passes/NAME/doc.go, then run go generate ./passes/...)"
	regions, err := generate(analyzers)
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	for _, r := range regions {
		i, j, err := find(readme, r.name)
		if err != nil {
			problems = append(problems, fmt.Sprintf("README.md: %v", err))
			continue
		}
		have := readme[i:j]
		if have == r.text {
			continue
		}
		if r.name != analyzersRegion {
			problems = append(problems, fmt.Sprintf("README.md: the %s region differs from the analyzers' docs (- README, + generated):\n%s%s", r.name, diff(have, r.text), fix))
			continue
		}
		var names []string
		for _, a := range analyzers {
			names = append(names, a.Name)
		}
		if got := sectionNames(have); !slices.Equal(got, names) {
			problems = append(problems, fmt.Sprintf("README.md: the analyzer sections are %q; passes.All() has %q%s", got, names, fix))
			continue
		}
		for _, name := range names {
			hi, hj, _ := find(have, name)
			gi, gj, _ := find(r.text, name)
			if have[hi:hj] != r.text[gi:gj] {
				problems = append(problems, fmt.Sprintf("README.md: the section on %s differs from its Doc (- README, + generated):\n%s%s", name, diff(have[hi:hj], r.text[gi:gj]), strings.ReplaceAll(fix, "NAME", name)))
			}
		}
	}
	return problems
}

// sectionNames returns the names of the analyzer regions in text, in order.
func sectionNames(text string) []string {
	var names []string
	for _, line := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(line, "<!-- BEGIN "); ok {
			names = append(names, strings.Fields(rest)[0])
		}
	}
	return names
}

// diff returns a line diff of a and b: lines only in a start with "-",
// lines only in b with "+", two common lines around each change with " ".
func diff(a, b string) string {
	x, y := strings.Split(strings.TrimSuffix(a, "\n"), "\n"), strings.Split(strings.TrimSuffix(b, "\n"), "\n")
	// lcs[i][j] is the length of the longest common subsequence of x[i:], y[j:].
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type line struct {
		op   byte
		text string
	}
	var lines []line
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			lines = append(lines, line{' ', x[i]})
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			lines = append(lines, line{'+', y[j]})
			j++
		default:
			lines = append(lines, line{'-', x[i]})
			i++
		}
	}
	var out strings.Builder
	const context = 2
	for k, l := range lines {
		near := false
		for d := max(0, k-context); d <= min(len(lines)-1, k+context); d++ {
			near = near || lines[d].op != ' '
		}
		if near {
			fmt.Fprintf(&out, "%c%s\n", l.op, l.text)
		} else if k > 0 && out.Len() > 0 && !strings.HasSuffix(out.String(), "...\n") {
			out.WriteString("...\n")
		}
	}
	return out.String()
}

// The test fails, naming the analyzer, when a doc and the README disagree,
// and when the README's analyzers are not passes.All()'s.
func TestCheckFails(t *testing.T) {
	all := passes.All()
	regions, err := generate(all)
	if err != nil {
		t.Fatal(err)
	}
	readme := "# x\n\n" + begin(checksRegion) + "\n" + regions[0].text + end(checksRegion) + "\n\n## The analyzers\n\n" +
		begin(analyzersRegion) + "\n" + regions[1].text + end(analyzersRegion) + "\n\nmore\n"
	if p := check(readme, all); len(p) != 0 {
		t.Fatalf("check of a generated README: %q", p)
	}

	// A doc changed: its section and the table differ.
	changed := slices.Clone(all)
	a := *changed[2]
	a.Doc = strings.Replace(a.Doc, "\n\n", "\n\nA new first paragraph.\n\n", 1)
	a.Doc = strings.Replace(a.Doc, "Fix: ", "Fix: nothing, and ", 1)
	changed[2] = &a
	p := check(readme, changed)
	if len(p) != 2 ||
		!strings.Contains(p[0], "checks region differs") || !strings.Contains(p[0], "+| [`"+a.Name+"`]") || !strings.Contains(p[0], "Nothing, and") ||
		!strings.Contains(p[1], "the section on "+a.Name+" differs") || !strings.Contains(p[1], "\n+A new first paragraph.\n") || !strings.Contains(p[1], "passes/"+a.Name+"/doc.go") {
		t.Errorf("check after changing %s's doc:\n%s", a.Name, strings.Join(p, "\n---\n"))
	}

	// An analyzer more, or one fewer, than the README has.
	b := *all[0]
	b.Name = "newanalyzer"
	for _, tc := range []struct {
		as   []*analysis.Analyzer
		line string
	}{
		{append(slices.Clone(all), &b), "\n+| [`newanalyzer`]"},
		{all[1:], "\n-| [`" + all[0].Name + "`]"},
	} {
		p := check(readme, tc.as)
		if len(p) != 2 || !strings.Contains(p[0], tc.line) || !strings.Contains(p[1], "the analyzer sections are") {
			t.Errorf("check with %d analyzers:\n%s", len(tc.as), strings.Join(p, "\n---\n"))
		}
	}

	// A malformed doc, or missing markers.
	bad := *all[0]
	bad.Doc = "report things\n\nNo fix paragraph."
	if p := check(readme, []*analysis.Analyzer{&bad}); len(p) != 1 || !strings.Contains(p[0], "analyzer "+bad.Name+": no paragraph") {
		t.Errorf("check with a malformed doc: %q", p)
	}
	if p := check(strings.Replace(readme, end(checksRegion), "", 1), all); len(p) != 1 || !strings.Contains(p[0], "END checks") {
		t.Errorf("check without END checks: %q", p)
	}
}
