package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestGoFixFixtool: `go fix -fixtool=$(which tempguard)` (Go 1.26+) runs
// tempguard's fixes through the go command, as the README says.
func TestGoFixFixtool(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "demo")
	before, _ := os.ReadFile(filepath.Join(dir, "cache", "cache.go"))
	d := runIn(t, dir, "go", "fix", "-fixtool="+tempguardBin, "-diff", "./...")
	if d.code == 0 || !strings.Contains(d.stdout, "cache/cache.go") || !strings.Contains(d.stdout, "+") {
		t.Fatalf("go fix -diff: exit %d\nstdout: %s\nstderr: %s", d.code, d.stdout, d.stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "cache", "cache.go")); string(after) != string(before) {
		t.Errorf("go fix -diff changed the file")
	}
	r := runIn(t, dir, "go", "fix", "-fixtool="+tempguardBin, "./...")
	if r.code != 0 {
		t.Fatalf("go fix: exit %d\n%s", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "cache", "cache.go")); string(after) == string(before) {
		t.Errorf("go fix did not change cache/cache.go")
	}
	if b := runIn(t, dir, "go", "build", "./..."); b.code != 0 {
		t.Fatalf("the module does not build after go fix:\n%s", b.stderr)
	}
	j := tempguard(t, dir, "-json", "./...")
	fs, err := parseVetJSON([]byte(j.stdout))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if len(f.Fixes) > 0 && strings.HasSuffix(f.File, filepath.Join("cache", "cache.go")) {
			t.Errorf("after go fix, a fixable finding remains: %s:%d [%s] %s", f.File, f.Line, f.Analyzer, f.Message)
		}
	}
}

// TestActionManifest: every step of the composite action (action.yml) that
// runs a command runs one of the scripts .ci/ecosystem-e2e.sh tests, and
// the environment it gives a script is what the script reads; every input
// is used.
func TestActionManifest(t *testing.T) {
	root := filepath.Join("..", "..")
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Name   string
		Inputs map[string]struct {
			Description string
			Default     *string
		}
		Runs struct {
			Using string
			Steps []struct {
				Name, ID, Shell, Run, Uses, If string
				WorkingDirectory               string `yaml:"working-directory"`
				Env                            map[string]string
				With                           map[string]string
			}
		}
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(false)
	if err := dec.Decode(&action); err != nil {
		t.Fatal(err)
	}
	if action.Name != "tempguard" || action.Runs.Using != "composite" || len(action.Runs.Steps) == 0 {
		t.Fatalf("action.yml: %+v", action)
	}
	used := map[string]bool{}
	inputRef := regexp.MustCompile(`inputs\.([a-z-]+)`)
	scriptRef := regexp.MustCompile(`^bash "\$GITHUB_ACTION_PATH/(\.github/action/[a-z]+\.sh)"$`)
	for _, st := range action.Runs.Steps {
		all := st.If + st.Run + st.WorkingDirectory
		for _, v := range st.Env {
			all += " " + v
		}
		for _, v := range st.With {
			all += " " + v
		}
		for _, m := range inputRef.FindAllStringSubmatch(all, -1) {
			if _, ok := action.Inputs[m[1]]; !ok {
				t.Errorf("step %q uses undeclared input %s", st.Name, m[1])
			}
			used[m[1]] = true
		}
		if st.Uses != "" {
			continue
		}
		m := scriptRef.FindStringSubmatch(st.Run)
		if m == nil || st.Shell != "bash" {
			t.Errorf("step %q: run %q is not one of the tested scripts", st.Name, st.Run)
			continue
		}
		script, err := os.ReadFile(filepath.Join(root, m[1]))
		if err != nil {
			t.Errorf("step %q: %v", st.Name, err)
			continue
		}
		for k := range st.Env {
			if !strings.Contains(string(script), k) {
				t.Errorf("step %q sets %s, which %s does not read", st.Name, k, m[1])
			}
		}
	}
	for name, in := range action.Inputs {
		if in.Description == "" || in.Default == nil {
			t.Errorf("input %s lacks a description or default", name)
		}
		if !used[name] {
			t.Errorf("input %s is not used by any step", name)
		}
	}
}
