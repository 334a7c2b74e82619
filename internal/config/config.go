// Package config reads .tempguard.yaml, the configuration of the CLI, the
// vet tool, the language server and (with the same schema) the
// golangci-lint plugin, and applies it to the analyzers.
//
// The file is looked for in the working directory and its parents (the CLI
// and the language server), or in the analyzed package's directory and its
// parents (`go vet -vettool`, which runs the tool once per package);
// `tempguard -config=file` names one. Every key is optional; unknown keys
// and analyzer names are errors that name the key and list the valid ones.
//
//	enable: [predictabletemp, checkthenopen]  # run only these analyzers
//	disable: [tempperm]                       # do not run these
//	exclude: ["internal/gen/**", "*.pb.go"]   # paths not to report on
//	generated: false                          # report in generated files (default: no)
//	tests: true                               # report in _test.go files (default: yes)
//	test-advice: false                        # t.TempDir() advice for tests that clean up (default: no)
//	severity: warning                         # the exit code threshold: error, warning or note
//	options:                                  # analyzer flags, by analyzer
//	  <analyzer>: {<flag>: <value>}
package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/passes"
)

// FileName is the name of the configuration file.
const FileName = ".tempguard.yaml"

// Settings is the schema of .tempguard.yaml and of the golangci-lint
// plugin's settings block.
type Settings struct {
	// Enable, if not empty, lists the only analyzers to run.
	Enable []string `yaml:"enable" json:"enable,omitempty"`
	// Disable lists analyzers not to run.
	Disable []string `yaml:"disable" json:"disable,omitempty"`
	// Exclude lists glob patterns of files and directories not to report
	// on: with a "/", relative to the directory of the configuration file;
	// without one, a file or directory name at any depth. "**" matches any
	// number of directories.
	Exclude []string `yaml:"exclude" json:"exclude,omitempty"`
	// Generated reports findings in generated files (those with a
	// "// Code generated ... DO NOT EDIT." line); -fix never edits them.
	Generated bool `yaml:"generated" json:"generated,omitempty"`
	// Tests, if false, does not report findings in _test.go files.
	Tests *bool `yaml:"tests" json:"tests,omitempty"`
	// TestAdvice reports the notes that advise t.TempDir() in tests that
	// already remove their temp dir (tests that leak it are always
	// reported).
	TestAdvice bool `yaml:"test-advice" json:"test-advice,omitempty"`
	// Severity is the lowest severity that makes the exit code non-zero
	// (error, warning or note; default warning).
	Severity string `yaml:"severity" json:"severity,omitempty"`
	// Options sets analyzer flags: analyzer name -> flag name -> value.
	Options map[string]map[string]any `yaml:"options" json:"options,omitempty"`
}

// Keys are the keys Settings accepts, in the order messages list them.
var Keys = []string{"enable", "disable", "exclude", "generated", "tests", "test-advice", "severity", "options"}

// Config is a validated configuration.
type Config struct {
	Settings
	// Path is the file it was read from, or "" for the defaults.
	Path string
	// Dir is the directory relative patterns of Exclude start from: the
	// file's directory.
	Dir string
	// Report is the lowest severity the driver reports (0: every one).
	// Drivers that show severities (the CLI, the editor) report all and
	// apply the threshold to the exit code; `go vet` and golangci-lint,
	// which fail on any finding, report from the threshold up.
	Report passes.Severity
}

// Default returns the configuration used without a file; dir is the base
// of exclude patterns.
func Default(dir string) *Config { return &Config{Dir: dir} }

// Find returns the path of the configuration file in dir or its nearest
// parent, or "" if there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and validates a configuration file.
func Load(file string) (*Config, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	s, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	return &Config{Settings: s, Path: abs, Dir: filepath.Dir(abs)}, nil
}

// FindAndLoad loads the configuration file found from dir upward, or the
// defaults (with dir as the base of patterns) if there is none.
func FindAndLoad(dir string) (*Config, error) {
	p, err := Find(dir)
	if err != nil {
		return nil, err
	}
	if p == "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, err
		}
		return Default(abs), nil
	}
	return Load(p)
}

// Parse decodes and validates settings in YAML (JSON is YAML too). An empty
// document is the defaults.
func Parse(data []byte) (Settings, error) {
	var s Settings
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return s, err
	}
	if len(doc.Content) == 0 {
		return s, nil // empty file
	}
	top := doc.Content[0]
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		return s, nil
	}
	if top.Kind != yaml.MappingNode {
		return s, fmt.Errorf("line %d: want a mapping with keys %s", top.Line, strings.Join(Keys, ", "))
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k := top.Content[i]
		if !slices.Contains(Keys, k.Value) {
			return s, fmt.Errorf("line %d: unknown key %q; valid keys: %s", k.Line, k.Value, strings.Join(Keys, ", "))
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		return s, fmt.Errorf("%v", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return s, s.Validate()
}

// Validate checks analyzer names, option flags, patterns and the severity.
func (s Settings) Validate() error {
	if _, err := s.selectFrom(passes.All(), false); err != nil {
		return err
	}
	for _, p := range s.Exclude {
		if _, err := path.Match(strings.ReplaceAll(p, "**", "*"), ""); err != nil || p == "" {
			return fmt.Errorf("exclude: bad pattern %q", p)
		}
	}
	if s.Severity != "" {
		if _, err := passes.ParseSeverity(s.Severity); err != nil {
			return fmt.Errorf("severity: %v", err)
		}
	}
	return nil
}

// ErrAllDisabled is the error of settings that leave no analyzer to run.
var ErrAllDisabled = errors.New("every analyzer is disabled")

// Select returns the analyzers of all that the settings enable, in all's
// order, after checking enable, disable and options against all's names
// and flags, and sets the options' flags on those analyzers (flags are how
// analyzers expose options in every driver).
func (s Settings) Select(all []*analysis.Analyzer) ([]*analysis.Analyzer, error) {
	return s.selectFrom(all, true)
}

// ApplyOptions sets the analyzer flags of Options on the analyzers of
// passes.All.
func (s Settings) ApplyOptions() error {
	_, err := s.selectFrom(passes.All(), true)
	return err
}

// selectFrom checks the settings against all and returns the enabled
// analyzers; with apply, it also sets the options' flags.
func (s Settings) selectFrom(all []*analysis.Analyzer, apply bool) ([]*analysis.Analyzer, error) {
	byName := map[string]*analysis.Analyzer{}
	var names []string
	for _, a := range all {
		byName[a.Name] = a
		names = append(names, a.Name)
	}
	valid := strings.Join(names, ", ")
	for _, kl := range []struct {
		key  string
		list []string
	}{{"enable", s.Enable}, {"disable", s.Disable}} {
		var bad []string
		for _, n := range kl.list {
			if byName[n] == nil {
				bad = append(bad, fmt.Sprintf("%q", n))
			}
		}
		if len(bad) > 0 {
			return nil, fmt.Errorf("%s: unknown analyzer %s; valid analyzers: %s", kl.key, strings.Join(bad, ", "), valid)
		}
	}
	for _, n := range s.Enable {
		if slices.Contains(s.Disable, n) {
			return nil, fmt.Errorf("analyzer %q is both enabled and disabled", n)
		}
	}
	var out []*analysis.Analyzer
	for _, a := range all {
		if s.Enabled(a.Name) {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, ErrAllDisabled
	}
	for _, n := range slices.Sorted(maps.Keys(s.Options)) {
		a := byName[n]
		if a == nil {
			return nil, fmt.Errorf("options: unknown analyzer %q; valid analyzers: %s", n, valid)
		}
		var flags []string
		a.Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, f.Name) })
		for _, k := range slices.Sorted(maps.Keys(s.Options[n])) {
			if a.Flags.Lookup(k) == nil {
				if len(flags) == 0 {
					return nil, fmt.Errorf("options: analyzer %s has no options (got %q)", n, k)
				}
				return nil, fmt.Errorf("options: %s has no option %q; valid options: %s", n, k, strings.Join(flags, ", "))
			}
			if !apply {
				continue
			}
			if err := a.Flags.Set(k, optionText(s.Options[n][k])); err != nil {
				return nil, fmt.Errorf("options: %s.%s: %v", n, k, err)
			}
		}
	}
	return out, nil
}

// optionText is the flag value of an option's YAML (or JSON) value: a list
// is joined with commas.
func optionText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		var parts []string
		for _, e := range v {
			parts = append(parts, fmt.Sprint(e))
		}
		return strings.Join(parts, ",")
	default:
		return fmt.Sprint(v)
	}
}

// Threshold is the severity that makes the exit code non-zero.
func (s Settings) Threshold() passes.Severity {
	if v, err := passes.ParseSeverity(s.Severity); err == nil {
		return v
	}
	return passes.Warning
}

// Encode renders c for the vet tool's -settings flag (the go command
// caches vet results by the flags, so the settings are part of the key).
// Dir is the base of exclude patterns and nothing else: without them it is
// left out, so runs from different directories share the cached results
// (and facts of dependencies such as the standard library) instead of
// analysing every dependency again under a key that only differs in the
// working directory.
func (c *Config) Encode() string {
	dir := c.Dir
	if len(c.Exclude) == 0 {
		dir = ""
	}
	data, _ := json.Marshal(struct {
		Settings
		Dir string `json:"dir,omitempty"`
	}{c.Settings, dir})
	return string(data)
}

// Decode reads what Encode wrote.
func Decode(text string) (*Config, error) {
	var w struct {
		Settings
		Dir string `json:"dir"`
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf("bad -settings: %v", err)
	}
	if err := w.Settings.Validate(); err != nil {
		return nil, err
	}
	return &Config{Settings: w.Settings, Dir: w.Dir}, nil
}

// Enabled reports whether the named analyzer runs.
func (s Settings) Enabled(name string) bool {
	if len(s.Enable) > 0 && !slices.Contains(s.Enable, name) {
		return false
	}
	return !slices.Contains(s.Disable, name)
}

// EnabledNames returns the names that c (nil: the defaults) leaves on.
func (c *Config) EnabledNames(names []string) []string {
	var out []string
	for _, n := range names {
		if c == nil || c.Enabled(n) {
			out = append(out, n)
		}
	}
	return out
}

// Excluded reports whether findings in file are not reported: an exclude
// pattern matches it or a directory above it (below Dir), tests are off and
// it is a _test.go file.
func (c *Config) Excluded(file string) bool {
	if c.Tests != nil && !*c.Tests && strings.HasSuffix(file, "_test.go") {
		return true
	}
	if len(c.Exclude) == 0 {
		return false
	}
	rel, err := filepath.Rel(c.Dir, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		rel = file // outside the configured tree: only name patterns can match
	}
	rel = filepath.ToSlash(rel)
	parts := strings.Split(rel, "/")
	for _, p := range c.Exclude {
		pp := strings.Split(strings.Trim(p, "/"), "/")
		if !strings.Contains(strings.TrimSuffix(p, "/"), "/") {
			// A name: any path element.
			for _, e := range parts {
				if ok, _ := path.Match(p, e); ok {
					return true
				}
			}
			continue
		}
		// A path: the file or one of its directories.
		for n := 1; n <= len(parts); n++ {
			if matchSegments(pp, parts[:n]) {
				return true
			}
		}
	}
	return false
}

// matchSegments matches path elements against pattern elements, where
// "**" stands for any number of elements.
func matchSegments(pat, parts []string) bool {
	if len(pat) == 0 {
		return len(parts) == 0
	}
	if pat[0] == "**" {
		for i := 0; i <= len(parts); i++ {
			if matchSegments(pat[1:], parts[i:]) {
				return true
			}
		}
		return false
	}
	if len(parts) == 0 {
		return false
	}
	if ok, _ := path.Match(pat[0], parts[0]); !ok {
		return false
	}
	return matchSegments(pat[1:], parts[1:])
}

// Keep reports whether a diagnostic of the named analyzer in file is
// reported under c.
func (c *Config) Keep(analyzer string, d analysis.Diagnostic, file string) bool {
	if !c.Enabled(analyzer) {
		return false
	}
	category := d.Category
	if c, ok := strings.CutPrefix(category, passes.SuppressedCategory); ok && (c == "" || c[0] == '/') {
		// A suppressed finding kept for SARIF: its own category decides.
		category = strings.TrimPrefix(c, "/")
	}
	cl := passes.Classify(analyzer, category)
	if cl.OffByDefault && !c.TestAdvice || cl.Severity < c.Report {
		return false
	}
	return !c.Excluded(file)
}

// Wrap returns copies of analyzers that report only what c keeps (see
// [Config.Keep]). The analysis itself is unchanged, so facts still flow
// between packages.
func (c *Config) Wrap(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	return WrapLazy(analyzers, func() (*Config, error) { return c, nil })
}

// WrapLazy is Wrap with the configuration obtained at each run (the vet
// tool knows it only after parsing its flags).
func WrapLazy(analyzers []*analysis.Analyzer, get func() (*Config, error)) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		w := *a
		run := a.Run
		name := a.Name
		w.Run = func(pass *analysis.Pass) (any, error) {
			c, err := get()
			if err != nil {
				return nil, err
			}
			p := *pass
			// Generated files: not reported unless generated: true, and
			// never edited by a fix (passes.GeneratedReporter).
			report := passes.GeneratedReporter(pass, pass.Report, c.Generated)
			p.Report = func(d analysis.Diagnostic) {
				file := ""
				if f := pass.Fset.File(d.Pos); f != nil {
					file = f.Name()
				}
				if c.Keep(name, d, file) {
					report(d)
				}
			}
			return run(&p)
		}
		out[i] = &w
	}
	return out
}
