package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigFile: .tempguard.yaml is found from the working directory
// upward (standalone) and from the package's directory upward (go vet
// -vettool), -config names another, and a bad file is a usage error that
// names the file, the line and the key.
func TestConfigFile(t *testing.T) {
	t.Parallel()
	write := func(t *testing.T, path, text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	findings := func(r result) string {
		var b strings.Builder
		for _, line := range strings.Split(r.stdout, "\n") {
			if line != "" && !strings.HasPrefix(line, " ") {
				b.WriteString(line + "\n")
			}
		}
		return b.String()
	}
	// The parts are independent, each on its own copy of the demo, and run
	// in parallel: each new configuration is a new key of go vet's cache,
	// so each run analyses the demo's dependencies again.
	t.Run("found upward", func(t *testing.T) {
		t.Parallel()
		dir := copyFixture(t, "demo")
		base := tempguard(t, dir, "./...")
		if !strings.Contains(base.stdout, "[predictabletemp]") || !strings.Contains(base.stdout, "cache/cache.go") {
			t.Fatalf("demo lacks the findings this test filters:\n%s", base.stdout)
		}
		write(t, filepath.Join(dir, ".tempguard.yaml"), "disable: [predictabletemp]\nexclude: [cache]\n")
		r := tempguard(t, filepath.Join(dir, "upload"), "./...") // found from a subdirectory upward
		if got := findings(r); strings.Contains(got, "[predictabletemp]") || strings.Contains(got, "cache.go") || !strings.Contains(got, "[tempcleanup]") {
			t.Errorf("standalone with the config: exit %d\n%s%s", r.code, got, r.stderr)
		}
		v := runIn(t, filepath.Join(dir, "upload"), "go", "vet", "-vettool="+tempguardBin, "./...")
		if strings.Contains(v.stderr, "predictable temp") || !strings.Contains(v.stderr, "is not removed on every path") {
			t.Errorf("go vet -vettool does not apply the config found from the package's directory:\n%s", v.stderr)
		}
	})

	// go vet caches clean results per package: a changed config is a new
	// tool ID (-V=full), not a replay of the old result.
	t.Run("vet cache follows the file", func(t *testing.T) {
		t.Parallel()
		dir := copyFixture(t, "demo")
		write(t, filepath.Join(dir, ".tempguard.yaml"), "enable: [temppattern]\n")
		if v := runIn(t, dir, "go", "vet", "-vettool="+tempguardBin, "./upload"); v.code != 0 {
			t.Errorf("go vet with only temppattern on upload: exit %d\n%s", v.code, v.stderr)
		}
		write(t, filepath.Join(dir, ".tempguard.yaml"), "enable: [tempcleanup]\n")
		if v := runIn(t, dir, "go", "vet", "-vettool="+tempguardBin, "./upload"); v.code == 0 || !strings.Contains(v.stderr, "is not removed on every path") {
			t.Errorf("go vet after changing the config replays the old result: exit %d\n%s", v.code, v.stderr)
		}
	})

	// Under go vet, a severity in the file drops what is below it (go vet
	// fails on any finding); without one, go vet reports what the
	// standalone mode shows.
	t.Run("vet severity", func(t *testing.T) {
		t.Parallel()
		dir := copyFixture(t, "demo")
		write(t, filepath.Join(dir, ".tempguard.yaml"), "enable: [tempreopen]\nseverity: error\n")
		if v := runIn(t, dir, "go", "vet", "-vettool="+tempguardBin, "./runner"); v.code != 0 {
			t.Errorf("go vet with severity: error and only warnings: exit %d\n%s", v.code, v.stderr)
		}
		write(t, filepath.Join(dir, ".tempguard.yaml"), "enable: [tempreopen]\n")
		if v := runIn(t, dir, "go", "vet", "-vettool="+tempguardBin, "./runner"); v.code == 0 || !strings.Contains(v.stderr, "still open") {
			t.Errorf("go vet without a severity: exit %d\n%s", v.code, v.stderr)
		}
	})

	// -config names a file elsewhere, over the one found upward; its
	// exclude patterns are relative to it.
	t.Run("-config", func(t *testing.T) {
		t.Parallel()
		dir := copyFixture(t, "demo")
		write(t, filepath.Join(dir, ".tempguard.yaml"), "enable: [tempreopen]\n")
		other := filepath.Join(t.TempDir(), "strict.yaml")
		write(t, other, "enable: [tempperm]\nseverity: error\n")
		r := tempguard(t, dir, "-config="+other, "./...")
		if got := findings(r); strings.Contains(got, "[tempcleanup]") || !strings.Contains(got, "[tempperm]") || r.code != exitFindings {
			t.Errorf("-config: exit %d\n%s%s", r.code, got, r.stderr)
		}
		// The threshold: only warnings of tempreopen are not an error.
		write(t, other, "enable: [tempreopen]\nseverity: error\n")
		if r := tempguard(t, dir, "-config="+other, "./..."); r.code != exitClean || !strings.Contains(r.stdout, "warning: [tempreopen]") {
			t.Errorf("severity: error with warnings only: exit %d\n%s", r.code, r.stdout)
		}
	})

	// Strictness.
	t.Run("strict", func(t *testing.T) {
		t.Parallel()
		dir := copyFixture(t, "demo")
		write(t, filepath.Join(dir, ".tempguard.yaml"), "disable: [predictabletemp]\nexlude: [cache]\n")
		r := tempguard(t, dir, "./...")
		if r.code != exitUsage || !strings.Contains(r.stderr, ".tempguard.yaml: line 2: unknown key \"exlude\"; valid keys: enable, disable, exclude") {
			t.Errorf("unknown key: exit %d, stderr %q", r.code, r.stderr)
		}
		// (./runner, not ./...: the message is the same, and a new
		// configuration is a new cache key for every dependency.)
		v := runIn(t, dir, "go", "vet", "-vettool="+tempguardBin, "./runner")
		if v.code == 0 || !strings.Contains(v.stderr, `unknown key "exlude"`) {
			t.Errorf("go vet -vettool with a bad config: exit %d, stderr %q", v.code, v.stderr)
		}
		if r := tempguard(t, dir, "-config="+filepath.Join(dir, "nosuch.yaml"), "./..."); r.code != exitUsage || !strings.Contains(r.stderr, "nosuch.yaml") {
			t.Errorf("missing -config file: exit %d, stderr %q", r.code, r.stderr)
		}
	})
}
