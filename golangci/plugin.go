// Package golangci registers tempguard as a golangci-lint module plugin.
//
// Blank-import it from a golangci-lint build (the `golangci-lint custom`
// command does this from .custom-gcl.yml) and enable the linter named
// "tempguard" in .golangci.yml:
//
//	linters:
//	  enable:
//	    - tempguard
//	  settings:
//	    custom:
//	      tempguard:
//	        type: module
//	        settings:
//	          disable: [tempperm]
//
// The linter "tempguard" carries every tempguard analyzer; golangci-lint
// prints each finding as "<analyzer>: <message> (tempguard)" and applies
// `//nolint`, `//nolint:all` and `//nolint:tempguard` itself. It does not
// know `//nolint:<analyzer>` (it warns "Found unknown linters in //nolint
// directives"), so the analyzers apply that form themselves, as they do
// `//tempguard:ignore <analyzer> <reason>`.
//
// Each analyzer is also registered as a linter of its own name (type
// module; the settings of "tempguard" but enable and disable), for those who would rather enable
// `tempperm`, `predictabletemp`... one by one: golangci-lint then applies
// `//nolint:<analyzer>` itself, without the warning, and nolintlint checks
// those directives too. Enable either "tempguard" or per-analyzer linters,
// not both (each finding would be reported twice).
//
// A finding's related positions
// (the check of a check-then-open, the leaking return of a temp file) are
// folded into its message, so that each finding is one golangci-lint issue
// (see [Wrap]).
//
// Settings have the schema of tempguard's .tempguard.yaml (package
// internal/config; all optional, decoded strictly: an unknown key or
// analyzer name is an error that lists the valid ones):
//
//	enable:  [<analyzer>...]  run only these analyzers (default: all)
//	disable: [<analyzer>...]  do not run these analyzers
//	exclude: [<glob>...]      files and directories not to report on
//	generated: false          report in generated files
//	tests: true               report in _test.go files
//	test-advice: false        t.TempDir() advice for tests that clean up (notes)
//	severity: warning         report findings of this severity and above
//	options:                  flags an analyzer exposes, by analyzer name
//	  <analyzer>:
//	    <flag>: <value>
//
// golangci-lint fails on any issue, so findings below severity (default
// warning: the notes, such as a redundant Stat before MkdirAll) are not
// reported.
package golangci

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/internal/config"
	"github.com/tempguard/tempguard/passes"
)

// Name is the linter name under which golangci-lint knows tempguard.
const Name = "tempguard"

func init() {
	register.Plugin(Name, New)
	for _, n := range passes.Names() {
		register.Plugin(n, func(raw any) (register.LinterPlugin, error) { return NewSingle(n, raw) })
	}
}

// linters are the tempguard linters golangci-lint has built in this
// process, and enabled the analyzers they run: golangci-lint applies
// //nolint:<linter> for these names itself, and a problem with a
// suppression comment is reported by one analyzer that runs.
var (
	mu      sync.Mutex
	linters = map[string]bool{}
	enabled = map[string]bool{}
)

// built records a plugin golangci-lint has built and tells the analyzers.
func built(linter string, as []*analysis.Analyzer) {
	mu.Lock()
	defer mu.Unlock()
	linters[linter] = true
	for _, a := range as {
		enabled[a.Name] = true
	}
	nolint := []string{"", "all"}
	for n := range linters {
		nolint = append(nolint, n)
	}
	passes.SetDriverNolint(nolint)
	var names []string
	for _, n := range passes.Names() {
		if enabled[n] {
			names = append(names, n)
		}
	}
	passes.SetEnabled(names)
}

// Settings is the plugin's settings block in .golangci.yml
// (linters.settings.custom.tempguard.settings).
type Settings struct {
	// Enable, if not empty, lists the only analyzers to run.
	Enable []string `json:"enable"`
	// Disable lists analyzers not to run.
	Disable []string `json:"disable"`
	// Options sets analyzer flags: analyzer name -> flag name -> value.
	Options map[string]map[string]any `json:"options"`
	// Filter holds the other keys of the schema: exclude, generated,
	// tests, test-advice and severity.
	Filter config.Settings `json:"-"`
}

// settingsKeys are the keys Settings accepts, in the order error messages list them.
var settingsKeys = config.Keys

// Plugin is tempguard's golangci-lint plugin.
type Plugin struct {
	analyzers []*analysis.Analyzer
	cfg       *config.Config
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes the settings and returns the plugin. It is registered with
// golangci-lint under [Name].
func New(raw any) (register.LinterPlugin, error) {
	s, err := DecodeSettings(raw)
	if err != nil {
		return nil, err
	}
	return newPlugin(Name, s)
}

// NewSingle returns the plugin of the linter named after one analyzer,
// which runs only that analyzer. Its settings are those of the tempguard
// linter but enable and disable (options for the analyzer, exclude,
// generated, tests, test-advice, severity).
func NewSingle(analyzer string, raw any) (register.LinterPlugin, error) {
	s, err := DecodeSettings(raw)
	if err != nil {
		return nil, err
	}
	if len(s.Enable) > 0 || len(s.Disable) > 0 {
		return nil, fmt.Errorf("tempguard settings: the %s linter runs %s only: enable and disable are settings of the tempguard linter", analyzer, analyzer)
	}
	s.Enable = []string{analyzer}
	return newPlugin(analyzer, s)
}

// newPlugin builds the plugin of the named linter from its settings.
func newPlugin(linter string, s Settings) (*Plugin, error) {
	as, err := s.analyzers(passes.All())
	if err != nil {
		return nil, err
	}
	// Exclude patterns are relative to golangci-lint's working directory
	// (where .golangci.yml usually is).
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	cfg := &config.Config{Settings: s.Filter, Dir: wd}
	cfg.Report = cfg.Threshold()
	built(linter, as)
	return &Plugin{analyzers: as, cfg: cfg}, nil
}

// BuildAnalyzers returns the selected analyzers, wrapped by [Wrap].
// golangci-lint itself prefixes each message with the analyzer's name,
// because it differs from the linter's.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	as := p.analyzers
	if p.cfg != nil {
		as = p.cfg.Wrap(as)
	}
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		out[i] = Wrap(a)
	}
	return out, nil
}

// Wrap returns a copy of a whose diagnostics carry their related
// information in the message instead: "<message> (<file>:<line>:<col>:
// <related message>)". a itself is not modified.
//
// golangci-lint turns each related position into an issue of its own
// ("<analyzer>(related information): ..."), which //nolint:tempguard on the
// flagged line does not silence, which `run --fix` leaves behind after
// fixing the finding, and which SARIF output lists as a separate result.
// Folded into the message, the position stays visible and the finding stays
// one issue.
func Wrap(a *analysis.Analyzer) *analysis.Analyzer {
	w := *a
	run := a.Run
	w.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		report := pass.Report
		p.Report = func(d analysis.Diagnostic) {
			report(FoldRelated(pass.Fset, d))
		}
		return run(&p)
	}
	return &w
}

// FoldRelated returns d with its related information appended to the
// message and removed from Related. Positions are printed relative to d's
// file's directory.
func FoldRelated(fset *token.FileSet, d analysis.Diagnostic) analysis.Diagnostic {
	if len(d.Related) == 0 {
		return d
	}
	dir := filepath.Dir(fset.Position(d.Pos).Filename)
	var b strings.Builder
	b.WriteString(d.Message)
	for _, r := range d.Related {
		pos := fset.Position(r.Pos)
		loc := ""
		if pos.IsValid() {
			name := pos.Filename
			if rel, err := filepath.Rel(dir, name); err == nil {
				name = rel
			}
			loc = fmt.Sprintf("%s:%d:%d", filepath.ToSlash(name), pos.Line, pos.Column)
		}
		switch {
		case loc != "" && r.Message != "":
			fmt.Fprintf(&b, " (%s: %s)", loc, r.Message)
		case loc != "":
			fmt.Fprintf(&b, " (%s)", loc)
		case r.Message != "":
			fmt.Fprintf(&b, " (%s)", r.Message)
		}
	}
	d.Message = b.String()
	d.Related = nil
	return d
}

// GetLoadMode reports that the analyzers need type information.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// DecodeSettings decodes golangci-lint's raw settings value (nil when the
// settings block is absent) strictly: unknown keys are errors that name the
// valid keys.
func DecodeSettings(raw any) (Settings, error) {
	var s Settings
	if raw == nil {
		return s, nil
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(raw); err != nil {
		return s, fmt.Errorf("tempguard settings: %v", err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &top); err != nil {
		return s, fmt.Errorf("tempguard settings: want a mapping with keys %s, got %s", strings.Join(settingsKeys, ", "), strings.TrimSpace(buf.String()))
	}
	var unknown []string
	for k := range top {
		if !slices.Contains(settingsKeys, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return s, fmt.Errorf("tempguard settings: unknown key %s; valid keys: %s", quoteList(unknown), strings.Join(settingsKeys, ", "))
	}
	for _, k := range []string{"enable", "disable"} {
		msg, ok := top[k]
		if !ok || string(msg) == "null" {
			continue
		}
		var list []string
		if err := json.Unmarshal(msg, &list); err != nil {
			return s, fmt.Errorf("tempguard settings: %s must be a list of analyzer names (%s), got %s", k, strings.Join(passes.Names(), ", "), msg)
		}
		if k == "enable" {
			s.Enable = list
		} else {
			s.Disable = list
		}
	}
	if msg, ok := top["options"]; ok && string(msg) != "null" {
		if err := json.Unmarshal(msg, &s.Options); err != nil {
			return s, fmt.Errorf("tempguard settings: options must map analyzer names to {flag: value} mappings, got %s", msg)
		}
	}
	// The other keys, decoded and checked as in .tempguard.yaml.
	rest := map[string]json.RawMessage{}
	for k, v := range top {
		switch k {
		case "enable", "disable", "options":
		default:
			rest[k] = v
		}
	}
	data, _ := json.Marshal(rest)
	f, err := config.Parse(data)
	if err != nil {
		return s, fmt.Errorf("tempguard settings: %v", err)
	}
	s.Filter = f
	return s, nil
}

// analyzers applies the settings to all (which it does not modify) and
// returns the selected analyzers in all's order, as .tempguard.yaml's
// settings select them (config.Settings.Select).
func (s Settings) analyzers(all []*analysis.Analyzer) ([]*analysis.Analyzer, error) {
	out, err := config.Settings{Enable: s.Enable, Disable: s.Disable, Options: s.Options}.Select(all)
	if errors.Is(err, config.ErrAllDisabled) {
		return nil, errors.New("tempguard settings: every analyzer is disabled; remove tempguard from linters.enable instead")
	}
	if err != nil {
		return nil, fmt.Errorf("tempguard settings: %v", err)
	}
	return out, nil
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}
