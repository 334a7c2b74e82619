package main

// Tests of tempguard as a CI gate: output formats, SARIF validity and
// fingerprints, the baseline, suppressions in both modes, and the README's
// CI commands.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tempguard/tempguard/passes"
)

// sarifSchemaValidator compiles the OASIS SARIF 2.1.0 schema (draft-04)
// kept in testdata (see testdata/NOTICE.sarif-schema) with an independent
// JSON-schema validator, formats asserted.
func sarifSchemaValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// validateSARIF checks data against the schema and decodes it.
func validateSARIF(t *testing.T, sch *jsonschema.Schema, data []byte) sarifLog {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v\n%s", err, data)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF output does not validate against the OASIS 2.1.0 schema: %v", err)
	}
	var log sarifLog
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(log.Runs))
	}
	return log
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	sch := sarifSchemaValidator(t)
	dir := fixture(t, "demo")
	r := tempguard(t, dir, "-format=sarif", "./...")
	if r.code != exitFindings {
		t.Fatalf("exit code %d, want %d (sarif with findings fails unless -exit-zero)\nstderr: %s", r.code, exitFindings, r.stderr)
	}
	log := validateSARIF(t, sch, []byte(r.stdout))
	run := log.Runs[0]
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	var ids []string
	for _, rule := range run.Tool.Driver.Rules {
		ids = append(ids, rule.ID)
		if rule.HelpURI != "https://github.com/tempguard/tempguard#"+rule.Name && rule.ID != suppressionRule {
			t.Errorf("rule %s: helpUri %q", rule.ID, rule.HelpURI)
		}
		if rule.ShortDescription.Text == "" || rule.FullDescription.Text == "" || rule.DefaultConfiguration.Level == "" {
			t.Errorf("rule %s lacks descriptions or level: %+v", rule.ID, rule)
		}
	}
	// One rule per category, in analyzer order, then suppression.
	var wantIDs []string
	for _, name := range passes.Names() {
		for _, cl := range passes.Classes() {
			if cl.Analyzer == name {
				wantIDs = append(wantIDs, name+"/"+cl.Category)
			}
		}
	}
	wantIDs = append(wantIDs, suppressionRule)
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("rules %q, want %q", ids, wantIDs)
	}
	if ids[0] != "predictabletemp/predictable-path" || !slices.Contains(ids, "checkthenopen/redundant-check") {
		t.Errorf("rules %q", ids)
	}
	p := run.Tool.Driver.Rules[0].Properties
	if p.SecuritySeverity == "" || !slices.Contains(p.Tags, "security") || run.Tool.Driver.Rules[0].DefaultConfiguration.Level != "error" {
		t.Errorf("predictabletemp rule lacks security-severity/tags/level error: %+v", run.Tool.Driver.Rules[0])
	}
	for _, rule := range run.Tool.Driver.Rules {
		if rule.ID == "checkthenopen/redundant-check" && (rule.Properties.SecuritySeverity != "" || rule.DefaultConfiguration.Level != "note" || slices.Contains(rule.Properties.Tags, "security")) {
			t.Errorf("a redundant check is a maintainability note without security-severity: %+v", rule)
		}
	}
	if len(run.Results) == 0 {
		t.Fatal("no results")
	}
	var related, fixes bool
	var keysSeen []string
	root := findRoot(dir) // this repository, or the fixture module outside git
	prefix, _ := filepath.Rel(root, dir)
	prefix = strings.TrimPrefix(filepath.ToSlash(prefix)+"/", "./")
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || strings.HasPrefix(loc.ArtifactLocation.URI, "/") || strings.Contains(loc.ArtifactLocation.URI, ":") {
			t.Errorf("result location not relative to %%SRCROOT%%: %+v", loc.ArtifactLocation)
		}
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("ruleIndex %d does not match ruleId %s", res.RuleIndex, res.RuleID)
		}
		if res.PartialFingerprints[fingerprintVersion] == "" {
			t.Errorf("result without fingerprint: %+v", res)
		}
		related = related || len(res.RelatedLocations) > 0
		fixes = fixes || len(res.Fixes) > 0
		keysSeen = append(keysSeen, loc.ArtifactLocation.URI+":"+res.RuleID)
	}
	if !related || !fixes {
		t.Errorf("want some results with relatedLocations (%v) and fixes (%v)", related, fixes)
	}
	if !slices.Contains(keysSeen, prefix+"upload/upload.go:predictabletemp/predictable-path") {
		t.Errorf("missing upload/upload.go predictabletemp in %q", keysSeen)
	}
	if want := fileURI(root) + "/"; run.OriginalURIBaseIDs["%SRCROOT%"].URI != want {
		t.Errorf("%%SRCROOT%% = %q, want %q", run.OriginalURIBaseIDs["%SRCROOT%"].URI, want)
	}

	// -exit-zero: same log, exit 0.
	if z := tempguard(t, dir, "-format=sarif", "-exit-zero", "./..."); z.code != exitClean || z.stdout != r.stdout {
		t.Errorf("-exit-zero: code %d, same output %v", z.code, z.stdout == r.stdout)
	}
}

func TestSARIFCleanAndBroken(t *testing.T) {
	t.Parallel()
	sch := sarifSchemaValidator(t)
	r := tempguard(t, fixture(t, "clean"), "-format=sarif", "./...")
	if r.code != exitClean {
		t.Errorf("clean: exit %d: %s", r.code, r.stderr)
	}
	log := validateSARIF(t, sch, []byte(r.stdout))
	if n := len(log.Runs[0].Results); n != 0 || !log.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Errorf("clean: %d results, invocation %+v", n, log.Runs[0].Invocations)
	}
	r = tempguard(t, fixture(t, "broken"), "-format=sarif", "./...")
	if r.code != exitFindings {
		t.Errorf("broken: exit %d", r.code)
	}
	log = validateSARIF(t, sch, []byte(r.stdout))
	if inv := log.Runs[0].Invocations[0]; inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) == 0 {
		t.Errorf("broken: invocation %+v", inv)
	}
	// A baseline of a failed analysis would be incomplete: none is written.
	dir := copyFixture(t, "broken")
	if r := tempguard(t, dir, "-baseline=b.json", "-write-baseline", "./..."); r.code != exitError {
		t.Errorf("broken -write-baseline: exit %d", r.code)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.json")); err == nil {
		t.Errorf("broken -write-baseline wrote a baseline")
	}
}

// The variants fixture's one finding is analyzed in the package and its test
// variant; every format must show it once.
func TestEveryFormatDeduplicated(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "variants")
	text := tempguard(t, dir, "-format=text", "./...")
	if n := strings.Count(text.stdout, "[predictabletemp]"); n != 1 {
		t.Errorf("text: %d findings, want 1:\n%s", n, text.stdout)
	}
	js := tempguard(t, dir, "-format=json", "./...")
	f, err := parseVetJSON([]byte(js.stdout))
	if err != nil || len(f) != 1 {
		t.Errorf("json: %d findings (%v), want 1:\n%s", len(f), err, js.stdout)
	}
	sarif := tempguard(t, dir, "-format=sarif", "./...")
	log := validateSARIF(t, sarifSchemaValidator(t), []byte(sarif.stdout))
	if n := len(log.Runs[0].Results); n != 1 {
		t.Errorf("sarif: %d results, want 1", n)
	}
	if r := tempguard(t, dir, "-format=xml", "./..."); r.code != exitUsage {
		t.Errorf("-format=xml: exit %d, want %d", r.code, exitUsage)
	}
	if r := tempguard(t, dir, "-json", "-format=sarif", "./..."); r.code != exitUsage {
		t.Errorf("-json -format=sarif: exit %d, want %d", r.code, exitUsage)
	}
}

func TestTextFormat(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "demo")
	r := tempguard(t, dir, "./...")
	if strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("colour codes in output to a pipe:\n%q", r.stdout)
	}
	// The example in the README is real output.
	readme := ciSection(t)
	i := strings.Index(readme, "```\ncache/cache.go")
	if i < 0 {
		t.Fatal("README CI section lacks the text example")
	}
	example := readme[i+4:]
	example = example[:strings.Index(example, "```")]
	if !strings.Contains(r.stdout, example) {
		t.Errorf("text output lacks the README example:\n%s\ngot:\n%s", example, r.stdout)
	}
}

// Findings of two analyzers on the same call share one location line in
// text output (each analyzer still listed); two calls on one line keep one
// each; JSON and SARIF keep every finding.
func TestTextGroupsOneCall(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "group")
	r := tempguard(t, dir, "./...")
	if r.code != exitFindings {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var locs []string
	for _, l := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(l, "group.go:") {
			loc, _, _ := strings.Cut(l, " ")
			locs = append(locs, loc)
		}
	}
	if want := []string{"group.go:10:9:", "group.go:15:15:", "group.go:15:58:"}; !slices.Equal(locs, want) {
		t.Errorf("location lines %q, want %q:\n%s", locs, want, r.stdout)
	}
	if !strings.Contains(r.stdout, "group.go:10:9: error: [predictabletemp] ") ||
		!strings.Contains(r.stdout, "\n    + warning: [tempperm] os.WriteFile creates a file in a shared temp dir with mode 0o644") ||
		strings.Count(r.stdout, "return os.WriteFile(\"/tmp/group-save\"") != 1 ||
		!strings.Contains(r.stdout, "fix available (tempperm): run with -fix") {
		t.Errorf("the call at line 10 is not one group of predictabletemp and tempperm:\n%s", r.stdout)
	}
	// The README's example is real output.
	readme := ciSection(t)
	i := strings.Index(readme, "```\ngroup.go")
	if i < 0 {
		t.Fatal("README CI section lacks the grouped example")
	}
	example := readme[i+4:]
	example = example[:strings.Index(example, "```")]
	if !strings.Contains(r.stdout, example) {
		t.Errorf("text output lacks the README example:\n%s\ngot:\n%s", example, r.stdout)
	}
	js := tempguard(t, dir, "-json", "./...")
	f, err := parseVetJSON([]byte(js.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := keys(t, dir, f), []string{"group.go:10: predictabletemp", "group.go:10: tempperm", "group.go:15: predictabletemp", "group.go:15: predictabletemp"}; !slices.Equal(got, want) {
		t.Errorf("JSON findings %q, want %q", got, want)
	}
	sarif := tempguard(t, dir, "-format=sarif", "./...")
	log := validateSARIF(t, sarifSchemaValidator(t), []byte(sarif.stdout))
	if n := len(log.Runs[0].Results); n != 4 {
		t.Errorf("SARIF: %d results, want 4", n)
	}
}

func TestGroupFindings(t *testing.T) {
	at := func(analyzer, file string, line, col, end int) Finding {
		return Finding{Analyzer: analyzer, File: file, Line: line, Col: col,
			Posn: fmt.Sprintf("%s:%d:%d", file, line, col), End: fmt.Sprintf("%s:%d:%d", file, line, end)}
	}
	for _, tc := range []struct {
		name string
		in   []Finding
		want string
	}{
		{"same range", []Finding{at("predictabletemp", "a.go", 3, 9, 40), at("tempperm", "a.go", 3, 9, 40)}, "[predictabletemp tempperm]"},
		{"a call and its argument", []Finding{at("tempperm", "a.go", 3, 9, 40), at("predictabletemp", "a.go", 3, 21, 30)}, "[predictabletemp tempperm]"},
		{"two calls on one line", []Finding{at("predictabletemp", "a.go", 3, 9, 20), at("predictabletemp", "a.go", 3, 22, 30)}, "[predictabletemp] [predictabletemp]"},
		{"touching ranges", []Finding{at("predictabletemp", "a.go", 3, 9, 20), at("tempperm", "a.go", 3, 20, 30)}, "[predictabletemp] [tempperm]"},
		{"next line", []Finding{at("predictabletemp", "a.go", 3, 9, 40), at("tempperm", "a.go", 4, 9, 40)}, "[predictabletemp] [tempperm]"},
		{"another file", []Finding{at("predictabletemp", "a.go", 3, 9, 40), at("tempperm", "b.go", 3, 9, 40)}, "[predictabletemp] [tempperm]"},
		{"end on another line", []Finding{{Analyzer: "tempcleanup", File: "a.go", Line: 3, Col: 9, End: "a.go:5:2"}, at("predictabletemp", "a.go", 3, 12, 20)}, "[predictabletemp tempcleanup]"},
		{"a multi-line range after another", []Finding{at("predictabletemp", "a.go", 3, 9, 20), {Analyzer: "tempcleanup", File: "a.go", Line: 3, Col: 30, End: "a.go:5:2"}}, "[predictabletemp] [tempcleanup]"},
	} {
		var got []string
		for _, g := range groupFindings(tc.in) {
			var names []string
			for _, f := range g {
				names = append(names, f.Analyzer)
			}
			got = append(got, fmt.Sprint(names))
		}
		if s := strings.Join(got, " "); s != tc.want {
			t.Errorf("%s: groups %s, want %s", tc.name, s, tc.want)
		}
	}
}

func TestCaretLines(t *testing.T) {
	for _, tc := range []struct {
		text        string
		col, endCol int
		code, marks string
	}{
		{"\tf, err := os.Create(p)", 12, 24, "f, err := os.Create(p)", "          ^~~~~~~~~~~~"},
		{"\t\tx := a\tb", 10, 0, "x := a\tb", "      \t^"},
		{"\ts := \"é\" + os.Getpid()", 14, 0, "s := \"é\" + os.Getpid()", "           ^"},
		{"x", 5, 0, "x", " ^"},
	} {
		code, marks := caretLines(tc.text, tc.col, tc.endCol)
		if code != tc.code || marks != tc.marks {
			t.Errorf("caretLines(%q, %d, %d) = %q, %q; want %q, %q", tc.text, tc.col, tc.endCol, code, marks, tc.code, tc.marks)
		}
	}
}

func TestUseColor(t *testing.T) {
	tty, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0) // a character device, as a terminal is
	if err != nil {
		t.Skip(err)
	}
	defer tty.Close()
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	if !useColor(tty, env()) {
		t.Errorf("no colour on a character device")
	}
	if useColor(tty, env("NO_COLOR", "1")) {
		t.Errorf("colour despite NO_COLOR")
	}
	if !useColor(tty, env("NO_COLOR", "")) {
		t.Errorf("an empty NO_COLOR must not disable colour (no-color.org)")
	}
	if useColor(tty, env("TERM", "dumb")) {
		t.Errorf("colour on TERM=dumb")
	}
	if useColor(&bytes.Buffer{}, env()) {
		t.Errorf("colour on a buffer")
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if useColor(f, env()) {
		t.Errorf("colour on a regular file")
	}
	var buf bytes.Buffer
	tw := &textWriter{w: &buf, color: true, src: &sources{files: map[string]*srcFile{}}}
	tw.write([]Finding{{Analyzer: "tempperm", File: "x.go", Line: 1, Col: 1, Message: "m"}})
	if !strings.Contains(buf.String(), styleName+"[tempperm]"+styleReset) {
		t.Errorf("coloured output: %q", buf.String())
	}
}

func TestNormalizeLine(t *testing.T) {
	a := normalizeLine("\tf, err := os.Create( p )  // a comment")
	b := normalizeLine("f,err:=os.Create(p)")
	if a != b || a != "f , err := os . Create ( p )" {
		t.Errorf("normalizeLine: %q vs %q", a, b)
	}
	if normalizeLine("x := `raw") == "" {
		t.Errorf("an unterminated raw string must still normalize")
	}
}

func TestUTF16Col(t *testing.T) {
	line := "s := \"é😀\" + x"
	// byte col of x: s := "é😀" + x: 6 bytes + é(2) + 😀(4) + 4 bytes = 16, col 17.
	if got := utf16Col(line, 17); got != 14 {
		t.Errorf("utf16Col = %d, want 14", got)
	}
	if got := utf16Col("abc", 2); got != 2 {
		t.Errorf("ascii utf16Col = %d", got)
	}
}

func TestRel(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.MkdirAll(filepath.Join(real, "pkg"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(real, "pkg", "a.go"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	s := &sources{root: link}
	for _, file := range []string{filepath.Join(link, "pkg", "a.go"), filepath.Join(real, "pkg", "a.go")} {
		if r, ok := s.rel(file); !ok || r != "pkg/a.go" {
			t.Errorf("rel(%s) = %q, %v", file, r, ok)
		}
	}
	if _, ok := s.rel(filepath.Join(dir, "elsewhere.go")); ok {
		t.Errorf("a file outside the root is in it")
	}
}

func TestFuncName(t *testing.T) {
	src := []byte("package p\n\nvar v = 1\n\nfunc (r *T[K]) M() {\n\tf := func() {\n\t\t_ = 1\n\t}\n}\n\nfunc F() {}\n")
	f := &srcFile{content: src, lines: []int{0}}
	for i, b := range src {
		if b == '\n' {
			f.lines = append(f.lines, i+1)
		}
	}
	for _, tc := range []struct {
		line int
		want string
	}{{3, ""}, {7, "T.M"}, {11, "F"}} {
		if got := f.funcName("p.go", tc.line, 2); got != tc.want {
			t.Errorf("line %d: funcName = %q, want %q", tc.line, got, tc.want)
		}
	}
}

// sarifFingerprints maps "file rule fingerprint" to the finding's line.
func sarifFingerprints(t *testing.T, stdout string) map[string]int {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatalf("bad SARIF: %v", err)
	}
	lines := map[string]int{}
	for _, r := range log.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation
		k := loc.ArtifactLocation.URI + " " + r.RuleID + " " + r.PartialFingerprints[fingerprintVersion]
		if _, dup := lines[k]; dup {
			t.Errorf("two results with fingerprint %s", k)
		}
		lines[k] = loc.Region.StartLine
	}
	return lines
}

// Inserting unrelated code above findings moves them but keeps their
// fingerprints, in SARIF and in the baseline; a new finding is still new.
func TestFingerprintsAndBaseline(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "demo")
	before := tempguard(t, dir, "-format=sarif", "./...")
	lines0 := sarifFingerprints(t, before.stdout)

	// Record the baseline.
	w := tempguard(t, dir, "-baseline=tempguard-baseline.json", "-write-baseline", "./...")
	if w.code != exitClean || !strings.Contains(w.stderr, "recorded") {
		t.Fatalf("-write-baseline: exit %d, stderr %s", w.code, w.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "tempguard-baseline.json"))
	if err != nil {
		t.Fatal(err)
	}
	var b baseline
	if err := json.Unmarshal(data, &b); err != nil || len(b.Findings) == 0 {
		t.Fatalf("baseline: %v, %d entries:\n%s", err, len(b.Findings), data)
	}
	if bytes.Contains(data, []byte(`"line"`)) {
		t.Errorf("the baseline records line numbers:\n%s", data)
	}
	if r := tempguard(t, dir, "-baseline=tempguard-baseline.json", "./..."); r.code != exitClean || r.stdout != "" || !strings.Contains(r.stderr, "not shown") {
		t.Errorf("baseline run: exit %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}

	// Unrelated edits above the findings of two files.
	insertAfterImports(t, filepath.Join(dir, "cache", "cache.go"), "\n// Unrelated is new code above the findings.\nfunc Unrelated() int {\n\treturn 42\n}\n")
	insertAfterImports(t, filepath.Join(dir, "upload", "upload.go"), "\n\n// A comment.\nvar unrelated = 1\n")
	after := tempguard(t, dir, "-format=sarif", "./...")
	validateSARIF(t, sarifSchemaValidator(t), []byte(after.stdout))
	lines1 := sarifFingerprints(t, after.stdout)
	moved := 0
	for k, l0 := range lines0 {
		l1, ok := lines1[k]
		if !ok {
			t.Errorf("after unrelated edits, the fingerprint of %s (line %d) changed", k, l0)
		}
		if l1 > l0 {
			moved++
		}
	}
	if len(lines1) != len(lines0) || moved < 2 {
		t.Errorf("after the edit: %d findings (before %d), %d moved down", len(lines1), len(lines0), moved)
	}
	for _, format := range []string{"text", "sarif"} {
		r := tempguard(t, dir, "-baseline=tempguard-baseline.json", "-format="+format, "./...")
		if r.code != exitClean {
			t.Errorf("%s: baseline after unrelated edits: exit %d\n%s", format, r.code, r.stdout)
		}
	}

	// A new finding in a baselined function, with the same flagged line as
	// an existing one, is new.
	path := filepath.Join(dir, "cache", "cache.go")
	src, _ := os.ReadFile(path)
	line := "\treturn os.WriteFile(filepath.Join(dir, key), data, 0o644)\n"
	if !bytes.Contains(src, []byte(line)) {
		t.Fatalf("cache.go lacks %q", line)
	}
	src = bytes.Replace(src, []byte(line), []byte(strings.Replace(line, "\treturn ", "\t_ = ", 1)+line), 1)
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	r := tempguard(t, dir, "-baseline=tempguard-baseline.json", "-json", "./...")
	f, err := parseVetJSON([]byte(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if r.code != exitFindings || len(f) != 1 || f[0].Analyzer != "tempperm" {
		t.Errorf("new finding: exit %d, findings %+v", r.code, f)
	}

	// Errors and usage.
	if r := tempguard(t, dir, "-write-baseline", "./..."); r.code != exitUsage {
		t.Errorf("-write-baseline alone: exit %d", r.code)
	}
	os.WriteFile(filepath.Join(dir, "bad.json"), []byte("nope"), 0o644)
	if r := tempguard(t, dir, "-baseline=bad.json", "./..."); r.code != exitError {
		t.Errorf("bad baseline: exit %d", r.code)
	}
	if r := tempguard(t, dir, "-baseline=missing.json", "./..."); r.code != exitFindings || !strings.Contains(r.stderr, "does not exist") {
		t.Errorf("missing baseline: exit %d, stderr %s", r.code, r.stderr)
	}
}

func insertAfterImports(t *testing.T, path, text string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(src, []byte("\n)\n"))
	if i < 0 {
		t.Fatalf("%s: no import block", path)
	}
	i += 3
	out := append(append(append([]byte{}, src[:i]...), text...), src[i:]...)
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// wantFile reads "file:line: analyzer" lines, skipping comments.
func wantFile(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// Suppressions work the same in the standalone and vet-tool modes.
func TestSuppressions(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "suppress")
	want := wantFile(t, filepath.Join(dir, "want.txt"))

	r := tempguard(t, dir, "-json", "./...")
	if r.code != exitFindings {
		t.Fatalf("standalone: exit %d\n%s", r.code, r.stderr)
	}
	f, err := parseVetJSON([]byte(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if got := keys(t, dir, f); !slices.Equal(got, want) {
		t.Errorf("standalone findings:\n got %q\nwant %q", got, want)
	}

	v := runIn(t, dir, "go", "vet", "-vettool="+tempguardBin, "-json", "./...")
	f, err = parseVetJSON([]byte(v.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if got := keys(t, dir, f); !slices.Equal(got, want) {
		t.Errorf("vet-tool findings:\n got %q\nwant %q", got, want)
	}
	// In SARIF, problems with the comments have a rule of their own.
	sr := tempguard(t, dir, "-format=sarif", "./...")
	log := validateSARIF(t, sarifSchemaValidator(t), []byte(sr.stdout))
	n := 0
	for _, res := range log.Runs[0].Results {
		if res.RuleID == suppressionRule {
			n++
		} else if strings.Contains(res.Message.Text, "//tempguard:ignore") {
			t.Errorf("a suppression problem under rule %s: %s", res.RuleID, res.Message.Text)
		}
	}
	if n != 5 {
		t.Errorf("SARIF: %d results under rule %q, want 5", n, suppressionRule)
	}
	// Suppressed findings stay in SARIF, as inSource suppressions with the
	// comment's reason and position; GitHub shows them as dismissed.
	var suppressed []string
	for _, res := range log.Runs[0].Results {
		for _, sp := range res.Suppressions {
			loc := res.Locations[0].PhysicalLocation
			suppressed = append(suppressed, fmt.Sprintf("%s:%d %s %s %d %q", loc.ArtifactLocation.URI, loc.Region.StartLine, res.RuleID,
				sp.Kind, sp.Location.PhysicalLocation.Region.StartLine, sp.Justification))
		}
	}
	for _, want := range []string{
		`testdata/suppress/suppress.go:15 predictabletemp/predictable-path inSource 14 "the directory is root-owned in our image"`,
		`testdata/suppress/suppress.go:32 tempperm/perm-readable inSource 31 "the file is read by a daemon running as another user"`,
		`testdata/suppress/suppress.go:63 predictabletemp/predictable-path inSource 62 ""`,
		`testdata/suppress/nolint.go:7 predictabletemp/predictable-path inSource 7 "root-owned directory"`,
		`testdata/suppress/nolint.go:13 tempperm/perm-readable inSource 12 "root-owned directory, read by a daemon of another user"`,
		`testdata/suppress/fileignore.go:9 predictabletemp/predictable-path inSource 1 "the web server reads these files from its fixed paths"`,
	} {
		if !slices.Contains(suppressed, want) {
			t.Errorf("SARIF lacks the suppressed result %s; has:\n%s", want, strings.Join(suppressed, "\n"))
		}
	}
	if len(suppressed) != 15 {
		t.Errorf("SARIF: %d suppressed results, want 15:\n%s", len(suppressed), strings.Join(suppressed, "\n"))
	}
	// Suppressed findings are not findings anywhere else.
	if strings.Contains(r.stdout, "suppress-line-before") || strings.Contains(r.stdout, "tempguard-suppressed") {
		t.Errorf("JSON output has suppressed findings:\n%s", r.stdout)
	}
	// A problem with a comment is reported whichever analyzers run; a
	// comment is reported unused only by an analyzer that ran.
	only := tempguard(t, dir, "-json", "-tempcleanup", "./...")
	f, err = parseVetJSON([]byte(only.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := keys(t, dir, f), []string{"suppress.go:62: tempcleanup", "suppress.go:68: tempcleanup", "suppress.go:74: tempcleanup", "suppress.go:80: tempcleanup"}; !slices.Equal(got, want) {
		t.Errorf("-tempcleanup findings:\n got %q\nwant %q", got, want)
	}
	// The same when .tempguard.yaml disables the analyzer a comment
	// names: another analyzer reports the comment's problems, in both modes.
	cdir := copyFixture(t, "suppress")
	if err := os.WriteFile(filepath.Join(cdir, ".tempguard.yaml"), []byte("disable: [predictabletemp]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, mode := range [][]string{{tempguardBin, "-json", "./..."}, {"go", "vet", "-vettool=" + tempguardBin, "-json", "./..."}} {
		out := runIn(t, cdir, mode[0], mode[1:]...)
		f, err = parseVetJSON([]byte(out.stdout))
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, k := range keys(t, cdir, f) {
			file, rest, _ := strings.Cut(k, ": ")
			if rest == "predictabletemp" {
				t.Errorf("%s: a finding of the disabled analyzer: %s", mode[0], k)
			}
			lines = append(lines, file)
		}
		if want := []string{"suppress.go:62", "suppress.go:68", "suppress.go:74", "suppress.go:80"}; !slices.Equal(lines, want) {
			t.Errorf("%s with predictabletemp disabled: got %q, want the comments' problems at %q", mode[0], keys(t, cdir, f), want)
		}
	}
	// And vet's own text format.
	v = runIn(t, dir, "go", "vet", "-vettool="+tempguardBin, "./...")
	if !strings.Contains(v.stderr, "suppress.go:62:2: //tempguard:ignore needs a reason") {
		t.Errorf("go vet text output lacks the reason-less suppression:\n%s", v.stderr)
	}
	if strings.Contains(v.stderr, "suppress-line-before") {
		t.Errorf("go vet reports a suppressed finding:\n%s", v.stderr)
	}
}

// ciSection returns the README's CI section.
func ciSection(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i, j := strings.Index(s, "<!-- BEGIN ci -->"), strings.Index(s, "<!-- END ci -->")
	if i < 0 || j < i {
		t.Fatal("README lacks the ci section")
	}
	return s[i:j]
}

// readmeCommands returns the tempguard command lines of the README's CI
// section, in order: shell lines, workflow `run:` steps and pre-commit
// `entry:` lines that start with "tempguard" or "go vet -vettool".
func readmeCommands(section string) []string {
	var cmds []string
	for _, l := range strings.Split(section, "\n") {
		l = strings.TrimSpace(l)
		for _, p := range []string{"run: ", "entry: "} {
			l = strings.TrimPrefix(l, p)
		}
		if !strings.HasPrefix(l, "tempguard ") && !strings.HasPrefix(l, "go vet -vettool=") {
			continue
		}
		for _, cut := range []string{" #", " ||", "`"} {
			if i := strings.Index(l, cut); i >= 0 {
				l = l[:i]
			}
		}
		cmds = append(cmds, strings.TrimSpace(l))
	}
	return cmds
}

// The README's CI commands run as documented on a copy of the demo module.
func TestREADMECICommands(t *testing.T) {
	t.Parallel()
	section := ciSection(t)
	cmds := readmeCommands(section)
	joined := strings.Join(cmds, "\n")
	for _, want := range []string{"-write-baseline", "-format=sarif ./... > tempguard.sarif", "go vet -vettool=$(which tempguard)"} {
		if !strings.Contains(joined, want) {
			t.Errorf("README CI commands lack %q:\n%s", want, joined)
		}
	}
	for _, want := range []string{"github/codeql-action/upload-sarif@", "sarif_file: tempguard.sarif", "security-events: write", "go install github.com/tempguard/tempguard/cmd/tempguard@"} {
		if !strings.Contains(section, want) {
			t.Errorf("README GitHub Actions job lacks %q", want)
		}
	}
	sch := sarifSchemaValidator(t)
	dir := copyFixture(t, "demo")
	for i, c := range cmds {
		if slices.Contains(cmds[:i], c) {
			continue // the hook and the pre-commit entry are the same command
		}
		args := strings.Fields(strings.ReplaceAll(c, "$(which tempguard)", tempguardBin))
		out := ""
		if i := slices.Index(args, ">"); i >= 0 && i+1 < len(args) {
			out, args = args[i+1], args[:i]
		}
		var r result
		if args[0] == "go" {
			r = runIn(t, dir, "go", args[1:]...)
			if r.code > 1 || !strings.Contains(r.stdout+r.stderr, "predictable temp") {
				t.Errorf("%s: exit %d\n%s", c, r.code, r.stderr)
			}
			continue
		}
		r = tempguard(t, dir, args[1:]...)
		if r.code != exitClean && r.code != exitFindings {
			t.Errorf("%s: exit %d\n%s", c, r.code, r.stderr)
		}
		if out != "" {
			if err := os.WriteFile(filepath.Join(dir, out), []byte(r.stdout), 0o644); err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(out, ".sarif") {
				validateSARIF(t, sch, []byte(r.stdout))
			}
		}
		if strings.Contains(c, "-write-baseline") {
			if _, err := os.Stat(filepath.Join(dir, "tempguard-baseline.json")); err != nil {
				t.Errorf("%s: %v", c, err)
			}
		} else if strings.Contains(c, "-baseline=") && r.code != exitClean {
			t.Errorf("%s after -write-baseline: exit %d, want 0\n%s", c, r.code, r.stdout)
		}
	}

	// The git hook as a whole: quiet on the baselined demo, and it blocks
	// a commit that adds a finding.
	i := strings.Index(section, "```sh\n#!/bin/sh\n")
	if i < 0 {
		t.Fatal("README CI section lacks the pre-commit hook script")
	}
	hook := section[i+len("```sh\n"):]
	hook = hook[:strings.Index(hook, "```")]
	hookFile := filepath.Join(t.TempDir(), "pre-commit")
	if err := os.WriteFile(hookFile, []byte(hook), 0o755); err != nil {
		t.Fatal(err)
	}
	runHook := func() result {
		cmd := exec.Command("/bin/sh", hookFile)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(tempguardBin)+string(os.PathListSeparator)+os.Getenv("PATH"))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return result{stdout.String(), stderr.String(), code}
	}
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh")
	}
	if r := runHook(); r.code != 0 {
		t.Errorf("hook on the baselined demo: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "newfinding.go"), []byte("package main\n\nimport \"os\"\n\nfunc newFinding() error { return os.WriteFile(\"/tmp/new-fixed-name\", nil, 0o600) }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runHook(); r.code != 1 || !strings.Contains(r.stdout, "newfinding.go") || !strings.Contains(r.stderr, "//tempguard:ignore") {
		t.Errorf("hook with a new finding: exit %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
}
