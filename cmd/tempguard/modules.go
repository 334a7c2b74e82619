package main

// Command lines as people type them, and repositories of several modules.

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tempguard/tempguard/internal/vettool"
)

// parseArgs parses flags wherever they are among the package patterns
// (`tempguard ./... -json` as well as `tempguard -json ./...`); after "--"
// everything is a pattern.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	// fs.Parse dropped a leading "--": then the rest are all patterns.
	consumed := len(args) - len(fs.Args())
	if consumed > 0 && args[consumed-1] == "--" {
		return fs.Args(), nil
	}
	var patterns []string
	rest := fs.Args()
	for len(rest) > 0 {
		a := rest[0]
		switch {
		case a == "--":
			return append(patterns, rest[1:]...), nil
		case len(a) > 1 && a[0] == '-':
			if err := fs.Parse(rest); err != nil {
				return nil, err
			}
			n := len(rest) - len(fs.Args())
			if n > 0 && rest[n-1] == "--" {
				return append(patterns, fs.Args()...), nil
			}
			rest = fs.Args()
		default:
			patterns = append(patterns, a)
			rest = rest[1:]
		}
	}
	return patterns, nil
}

// validMod checks the -mod flag's value, as the go command would.
func validMod(mod string) error {
	switch mod {
	case "", "mod", "readonly", "vendor":
		return nil
	}
	return fmt.Errorf("-mod=%s: want mod, readonly or vendor", mod)
}

// vendoringHint explains go vet's complaint about a vendor directory that
// does not match go.mod (often a stray vendor/modules.txt).
func vendoringHint(errText string) string {
	if strings.Contains(errText, "inconsistent vendoring") || strings.Contains(errText, "vendor/modules.txt") {
		return "tempguard: the vendor directory does not match go.mod: run with -mod=mod to analyse with the module cache instead (or run go mod vendor)\n"
	}
	return ""
}

// nestedModules lists the directories below dir (not dir itself) holding
// a go.mod, skipping the directories the go command ignores for ./...
// (vendor, testdata, and names starting with "." or "_").
func nestedModules(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() && path != dir {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			name := d.Name()
			if path != dir && (name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() == "go.mod" && filepath.Dir(path) != dir {
			out = append(out, filepath.Dir(path))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// mainModuleDirs are the directories of the main modules (all of a go.work
// workspace's): their packages are what ./... can match.
func mainModuleDirs(flags []string) map[string]bool {
	out := map[string]bool{}
	gobin, err := exec.LookPath(goCommand)
	if err != nil {
		return out
	}
	args := append([]string{"list", "-m", "-f", "{{.Dir}}"}, flags...)
	verbosef("running: %s", vettool.CommandLine(append([]string{gobin}, args...)))
	data, err := exec.Command(gobin, args...).Output()
	if err != nil {
		return out
	}
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out[filepath.Clean(l)] = true
		}
	}
	return out
}

// nestedSplit sorts the modules below the working directory, which a
// "./..." pattern does not reach, into those of the go.work workspace
// (inWork; "./dir/..." reaches them) and the others (uncovered).
func (o *options) nestedSplit() (inWork, uncovered []string) {
	if !o.recursivePatterns() {
		return nil, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, nil
	}
	nested := nestedModules(wd)
	if len(nested) == 0 {
		return nil, nil
	}
	main := mainModuleDirs(o.buildFlags())
	for _, d := range nested {
		if main[filepath.Clean(d)] {
			inWork = append(inWork, d)
		} else {
			uncovered = append(uncovered, d)
		}
	}
	return inWork, uncovered
}

// uncoveredModules are the nested modules outside the workspace.
func (o *options) uncoveredModules() []string {
	_, out := o.nestedSplit()
	return out
}

// workspacePatterns are "./dir/..." for the workspace modules nested
// below the working directory.
func workspacePatterns(inWork []string) []string {
	wd, _ := os.Getwd()
	var out []string
	for _, d := range inWork {
		out = append(out, "./"+filepath.ToSlash(relPathFrom(wd, d))+"/...")
	}
	return out
}

// recursivePatterns: the patterns are the default ./... (the only ones
// that -all-modules repeats in each module).
func (o *options) recursivePatterns() bool {
	return len(o.patterns) == 1 && (o.patterns[0] == "./..." || o.patterns[0] == "...")
}

// nestedNote says which modules below the working directory were not
// analysed and how to include them.
func nestedNote(dirs []string) string {
	var rel []string
	for _, d := range dirs {
		rel = append(rel, relPath(d))
	}
	shown := rel
	if len(shown) > 5 {
		shown = append(shown[:5:5], "...")
	}
	return fmt.Sprintf("tempguard: %s below this directory not analysed (%s): use -all-modules, or a go.work that uses them\n",
		plural(len(dirs), "nested module"), strings.Join(shown, ", "))
}

// analyseAllModules runs the analysis in the working directory's module
// (if it has one) and in every nested module it does not cover, and merges
// the results.
func (o *options) analyseAllModules(self string) (*vetResult, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	inWork, uncovered := o.nestedSplit()
	dirs := append(inWork, uncovered...)
	sort.Strings(dirs)
	if _, err := os.Stat(filepath.Join(wd, "go.mod")); err == nil || len(dirs) == 0 {
		dirs = append([]string{wd}, dirs...)
	}
	total := &vetResult{}
	defer os.Chdir(wd)
	for _, d := range dirs {
		if err := os.Chdir(d); err != nil {
			return nil, err
		}
		res, err := o.analyseHere(self)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", relPathFrom(wd, d), err)
		}
		total.findings = mergeFindings(total.findings, res.findings)
		total.suppressed = mergeFindings(total.suppressed, res.suppressed)
		total.failed = total.failed || res.failed
		total.incomplete = total.incomplete || res.incomplete
		if res.errText != "" && d != wd && res.failed {
			total.errText += "tempguard: in module " + relPathFrom(wd, d) + ":\n"
		}
		total.errText += res.errText
		if res.failed {
			total.trailer += vendoringHint(res.errText)
		}
	}
	return total, nil
}

func relPathFrom(wd, dir string) string {
	if rel, err := filepath.Rel(wd, dir); err == nil {
		return rel
	}
	return dir
}
