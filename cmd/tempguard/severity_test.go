package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tempguard/tempguard/passes"
)

// TestSeverityAgreement runs the module with a finding of every category
// (passes/testdata/severity) and checks that text, JSON and SARIF give each
// finding the severity its category has in the one table, that SARIF's
// rule carries the class's security-severity and CWEs, and that the exit
// code follows the -severity threshold.
func TestSeverityAgreement(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("..", "..", "passes", "testdata", "severity"))
	if err != nil {
		t.Fatal(err)
	}
	// JSON: category, severity and kind per finding.
	j := tempguard(t, dir, "-json", "-test-advice", "./...")
	if j.code != exitFindings {
		t.Fatalf("-json: exit %d\n%s", j.code, j.stderr)
	}
	var tree map[string]map[string][]jsonDiagnostic
	if err := json.Unmarshal([]byte(j.stdout), &tree); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{} // "file:line:col analyzer" -> severity
	cats := map[string]bool{}
	for _, byAnalyzer := range tree {
		for name, diags := range byAnalyzer {
			for _, d := range diags {
				cl := passes.Classify(name, d.Category)
				if d.Category == "" || d.Severity != cl.Severity.String() || d.Kind != string(cl.Kind) {
					t.Errorf("JSON %s [%s]: category %q severity %q kind %q, table says %s %s", d.Posn, name, d.Category, d.Severity, d.Kind, cl.Severity, cl.Kind)
				}
				file, line, col := splitPosn(d.Posn)
				want[fmt.Sprintf("%s:%d:%d %s", filepath.Base(file), line, col, name)] = cl.Severity.String()
				cats[d.Category] = true
			}
		}
	}
	for _, cl := range passes.Classes() {
		if !cats[cl.Category] {
			t.Errorf("no finding of category %s in the JSON output", cl.Category)
		}
	}

	// Text: "file:line:col: <severity>: [analyzer] message", and under it
	// "    + <severity>: [analyzer] message" for another analyzer's finding
	// on the same code.
	txt := tempguard(t, dir, "-test-advice", "./...")
	n := 0
	loc := ""
	for _, line := range strings.Split(txt.stdout, "\n") {
		rest, grouped := strings.CutPrefix(line, "    + ")
		if !grouped && (strings.HasPrefix(line, " ") || line == "") {
			continue
		}
		if !grouped {
			loc, rest, _ = strings.Cut(line, ": ")
		}
		sev, rest, _ := strings.Cut(rest, ": ")
		name, _, _ := strings.Cut(strings.TrimPrefix(rest, "["), "]")
		key := loc + " " + name
		if want[key] != sev {
			t.Errorf("text %s: severity %q, JSON says %q", key, sev, want[key])
		}
		n++
	}
	if n != len(want) {
		t.Errorf("text has %d findings, JSON %d", n, len(want))
	}

	// SARIF: result level and the rule's class.
	sr := tempguard(t, dir, "-format=sarif", "-test-advice", "./...")
	log := validateSARIF(t, sarifSchemaValidator(t), []byte(sr.stdout))
	run := log.Runs[0]
	if len(run.Results) != len(want) {
		t.Errorf("SARIF has %d results, JSON %d", len(run.Results), len(want))
	}
	for _, res := range run.Results {
		rule := run.Tool.Driver.Rules[res.RuleIndex]
		name, cat, _ := strings.Cut(res.RuleID, "/")
		if res.RuleID == suppressionRule {
			name, cat = rule.Name, suppressionRule
		}
		cl := passes.Classify(name, cat)
		if cl.Category != cat || res.Level != cl.Severity.String() || rule.DefaultConfiguration.Level != res.Level ||
			rule.Properties.SecuritySeverity != cl.SecuritySeverity || slices.Contains(rule.Properties.Tags, "security") != (cl.Kind == passes.Security) {
			t.Errorf("SARIF result %s level %s, rule %+v; table says %+v", res.RuleID, res.Level, rule, cl)
		}
		for _, cwe := range cl.CWE {
			if !slices.Contains(rule.Properties.Tags, fmt.Sprintf("external/cwe/cwe-%d", cwe)) {
				t.Errorf("SARIF rule %s lacks CWE-%d", rule.ID, cwe)
			}
		}
		r := res.Locations[0].PhysicalLocation.Region
		key := fmt.Sprintf("%s:%d:%d %s", filepath.Base(res.Locations[0].PhysicalLocation.ArtifactLocation.URI), r.StartLine, r.StartColumn, rule.Name)
		if want[key] != res.Level && res.RuleID != suppressionRule {
			t.Errorf("SARIF %s: level %q, JSON says %q", key, res.Level, want[key])
		}
	}

	// The t.TempDir() advice is off by default; the test that leaks stays.
	def := tempguard(t, dir, "-json", "./...")
	if strings.Contains(def.stdout, `"test-tempdir"`) || !strings.Contains(def.stdout, `"test-leak"`) {
		t.Errorf("default output: want test-leak and no test-tempdir:\n%s", def.stdout)
	}

	// The exit code follows the threshold.
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"-checkthenopen", "-test-advice"}, exitFindings},                    // errors
		{[]string{"-checkthenopen", "-severity=error", "-test-advice"}, exitFindings}, // still errors
		{[]string{"-tempreopen", "-severity=error"}, exitClean},                       // warnings only
		{[]string{"-tempreopen", "-severity=warning"}, exitFindings},
		{[]string{"-tempcleanup", "-test-advice", "-severity=warning", "-disable-nothing"}, exitUsage},
		{[]string{"-severity=fatal"}, exitUsage},
	} {
		r := tempguard(t, dir, append(tc.args, "./...")...)
		if r.code != tc.code {
			t.Errorf("tempguard %q: exit %d, want %d\n%s", tc.args, r.code, tc.code, r.stderr)
		}
	}
}
