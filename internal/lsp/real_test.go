package lsp

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/tempguard/tempguard/passes"
)

// The real analyzers through the server, on the editor fixture: whatever
// tempguard pass reports a fix there, the fix applies, compiles and makes
// that finding go away. (The wrapper around the analyzer graph must keep
// tempmodel's results reachable under the original analyzer keys.)
func TestRealAnalyzersOnFixture(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../../testdata/lsp/fixture/main.go")
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile("../../testdata/lsp/fixture/go.mod")
	if err != nil {
		t.Fatal(err)
	}
	dir := writeModule(t, map[string]string{"main.go": string(src), "go.mod": string(gomod)})
	c := startServer(t, passes.All(), Options{Debounce: 20 * time.Millisecond})
	c.initialize()
	uri := c.open(filepath.Join(dir, "main.go"), string(src), 1)
	diags := c.waitDiags(uri, 1)
	for _, d := range diags {
		if d.Source != "tempguard" || !slices.Contains(passes.Names(), d.Code) ||
			d.CodeDescription == nil || d.CodeDescription.Href != "https://github.com/tempguard/tempguard#"+d.Code {
			t.Errorf("diagnostic fields: %+v", d)
		}
	}
	var fixed *Diagnostic
	var edits []TextEdit
	for _, d := range diags {
		if acts := c.codeActions(uri, d.Range); len(acts) > 0 {
			fixed, edits = &d, acts[0].Edit.Changes[uri]
			break
		}
	}
	if fixed == nil {
		t.Skipf("no tempguard pass offers a fix on the fixture yet (%d diagnostics)", len(diags))
	}
	t.Logf("fixing [%s] %s", fixed.Code, fixed.Message)
	text := applyEdits(t, string(src), edits)
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-o", os.DevNull, ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("fixed file does not build: %v\n%s\n%s", err, out, text)
	}
	c.change(uri, text, 2)
	for _, d := range c.waitDiags(uri, 2) {
		if d.Code == fixed.Code && d.Range.Start.Line == fixed.Range.Start.Line {
			t.Errorf("finding still reported after its fix: %+v", d)
		}
	}
}
