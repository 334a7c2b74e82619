package passes_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tempguard/tempguard/passes"
)

// TestCategories checks that every diagnostic carries the category that the
// pass proved, as the "category:" words at the end of the flagged line in
// testdata/severity name them, and that every category of the table
// occurs there.
func TestCategories(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "severity"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{} // "file:line" -> categories
	for _, name := range []string{"severity.go", "severity_test.go"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			for _, w := range strings.Fields(line) {
				if c, ok := strings.CutPrefix(w, "category:"); ok {
					key := fmt.Sprintf("%s:%d", name, i+1)
					want[key] = append(want[key], c)
				}
			}
		}
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Tests: true}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("testdata/severity does not load")
	}
	g, err := checker.Analyze(passes.All(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for act := range g.All() {
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			key := fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
			if d.Category == "" {
				t.Errorf("%s: %s: no category: %s", key, act.Analyzer.Name, d.Message)
			}
			if !slices.Contains(got[key], d.Category) {
				got[key] = append(got[key], d.Category)
			}
		}
	}
	seen := map[string]bool{}
	for key, cats := range want {
		slices.Sort(cats)
		g := got[key]
		slices.Sort(g)
		if !slices.Equal(cats, g) {
			t.Errorf("%s: categories %q, want %q", key, g, cats)
		}
		for _, c := range cats {
			seen[c] = true
		}
	}
	for key, cats := range got {
		if want[key] == nil {
			t.Errorf("%s: unexpected diagnostics with categories %q", key, cats)
		}
	}
	for _, c := range passes.Classes() {
		if !seen[c.Category] {
			t.Errorf("category %s does not occur in testdata/severity", c.Category)
		}
	}
}

// The table is consistent: security findings, and only they, carry a
// security-severity; every analyzer's default category is in the table.
func TestClassTable(t *testing.T) {
	for _, c := range passes.Classes() {
		if c.Analyzer != "" && passes.Lookup(c.Analyzer) == nil {
			t.Errorf("%s: no analyzer %q", c.Category, c.Analyzer)
		}
		if (c.Kind == passes.Security) != (c.SecuritySeverity != "") {
			t.Errorf("%s: kind %s with security-severity %q", c.Category, c.Kind, c.SecuritySeverity)
		}
		if c.Summary == "" || c.Severity < passes.Note || c.Severity > passes.Error {
			t.Errorf("%s: incomplete class %+v", c.Category, c)
		}
		if c.OffByDefault && c.Severity != passes.Note {
			t.Errorf("%s: only notes may be off by default", c.Category)
		}
	}
	for _, name := range passes.Names() {
		if d := passes.DefaultCategory(name); passes.Classify(name, "").Category != d || d == "" {
			t.Errorf("%s: default category %q not in the table", name, d)
		}
	}
	if c := passes.Classify("checkthenopen", "redundant-check"); c.Severity != passes.Note || c.Kind != "hygiene" || c.SecuritySeverity != "" || len(c.CWE) != 0 {
		t.Errorf("a redundant check is a hygiene note without security-severity or CWE: %+v", c)
	}
}

// The README's severity table is this table.
func TestReadmeSeverityTable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, c := range passes.Classes() {
		var cwes []string
		for _, n := range c.CWE {
			cwes = append(cwes, fmt.Sprintf("CWE-%d", n))
		}
		an := c.Analyzer
		if an == "" {
			an = "any"
		}
		sev := c.Severity.String()
		if c.OffByDefault {
			sev += " (off by default)"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s |\n", c.Category, an, sev, c.Kind, c.SecuritySeverity, strings.Join(cwes, ", "), c.Summary)
	}
	if !strings.Contains(string(data), "|---|---|---|---|---|---|---|\n"+b.String()+"\n") {
		t.Errorf("README's severity table differs from passes/internal/severity; it should read:\n%s", b.String())
	}
}
