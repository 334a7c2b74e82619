package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelpGolden pins `tempguard -h`: usage, subcommands, every flag with
// its meaning, the analyzers and the exit codes. Rewrite the golden file
// with TEMPGUARD_UPDATE_GOLDEN=1 and review the diff.
func TestHelpGolden(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if code := help(&buf, nil); code != exitClean {
		t.Fatalf("help: exit %d", code)
	}
	golden := filepath.Join("testdata", "help.golden")
	if os.Getenv("TEMPGUARD_UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != string(want) {
		t.Errorf("help text differs from %s (TEMPGUARD_UPDATE_GOLDEN=1 rewrites it):\n%s", golden, got)
	}
	// Every flag of the standalone mode is documented.
	o := &options{stderr: &bytes.Buffer{}}
	newFlagSet(o).VisitAll(func(f *flag.Flag) {
		if !strings.Contains(buf.String(), "  -"+f.Name) || f.Usage == "" {
			t.Errorf("help lacks flag -%s", f.Name)
		}
	})
	for _, name := range []string{"-json", "-fix", "-diff", "-format", "-baseline", "-write-baseline", "-tags", "-exit-zero", "-C", "-version", "-predictabletemp", "lsp", "help", "go vet -vettool", "go fix -fixtool"} {
		if !strings.Contains(buf.String(), name) {
			t.Errorf("help lacks %s", name)
		}
	}

	// The binary prints the same for -h, -help and help, on stdout.
	dir := fixture(t, "clean")
	for _, arg := range []string{"-h", "-help", "--help", "help"} {
		r := tempguard(t, dir, arg)
		if r.code != exitClean || r.stdout != buf.String() {
			t.Errorf("tempguard %s: exit %d, stdout differs from the golden help:\n%s", arg, r.code, r.stdout)
		}
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "clean")
	for _, args := range [][]string{{"-version"}, {"version"}, {"-C", ".", "-version"}} {
		r := tempguard(t, dir, args...)
		v, ok := strings.CutPrefix(strings.TrimSpace(r.stdout), "tempguard ")
		if r.code != exitClean || !ok || v == "" || strings.Contains(v, " ") {
			t.Errorf("tempguard %v: exit %d, stdout %q", args, r.code, r.stdout)
		}
	}
}
