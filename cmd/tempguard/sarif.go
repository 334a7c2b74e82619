package main

// SARIF 2.1.0 output for code scanning (GitHub, GitLab, Azure DevOps...).
//
// The log is written from the typed structs below rather than with
// github.com/owenrumney/go-sarif/v3: its generated types serialize every
// optional array and sentinel (each run gets "addresses": [], "graphs": [],
// "policies": [] ..., each region "byteOffset": -1, "charOffset": -1, each
// location "id": -1, each result "rank": -1), so a small log triples in size
// and says things we do not mean, and it would add gojsonschema, two xeipuuv
// modules and google/uuid to our module graph. We need fifteen SARIF
// objects; a test validates the output against the OASIS 2.1.0 schema with
// an independent validator (santhosh-tekuri/jsonschema).

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/tempguard/tempguard/passes"
)

const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	InformationURI  string      `json:"informationUri"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	FullDescription      sarifMessage       `json:"fullDescription"`
	Help                 sarifMessage       `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string       `json:"level"`
	Message sarifMessage `json:"message"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifMessage       `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Fixes               []sarifFix         `json:"fixes,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
}

// sarifSuppression says a result was suppressed in the source by a
// comment; GitHub code scanning shows such alerts as dismissed.
type sarifSuppression struct {
	Kind          string         `json:"kind"` // inSource
	Justification string         `json:"justification,omitempty"`
	Location      *sarifLocation `json:"location,omitempty"`
}

type sarifLocation struct {
	ID               int                   `json:"id,omitempty"` // related locations: 1, 2, ...
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// sarifRegion is a text region; columns are in UTF-16 code units.
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifByteRegion `json:"deletedRegion"`
	InsertedContent sarifContent    `json:"insertedContent"`
}

// sarifByteRegion is a region in bytes, as suggested-fix edits are.
type sarifByteRegion struct {
	ByteOffset int `json:"byteOffset"`
	ByteLength int `json:"byteLength"`
}

type sarifContent struct {
	Text string `json:"text"`
}

// The SARIF log has one rule per category of finding (see
// passes/internal/severity): "<analyzer>/<category>", plus "suppression"
// for the diagnostics about //tempguard:ignore comments themselves. A
// rule's level, its tags (security, reliability or maintainability, and
// CWEs) and, for security findings only, its security-severity (a
// CVSS-like score that GitHub maps to critical >= 9, high >= 7, medium >=
// 4, low) come from the category's class, so a redundant Stat before
// MkdirAll is a maintainability note and a predictable /tmp path a
// security error.

// suppressionRule is the SARIF rule of the diagnostics about
// //tempguard:ignore comments themselves (their Category is
// tempmodel.SuppressionCategory, which is internal; TestSuppressions checks
// that the two agree).
const suppressionRule = "suppression"

const suppressionDoc = `malformed, unjustified or unused //tempguard:ignore comments

A //tempguard:ignore comment names one or more analyzers, comma-separated, and gives a reason:
//tempguard:ignore predictabletemp the socket path is a contract with systemd. A comment without a
reason still suppresses but is reported; one that names no analyzer, or a name that is not an
analyzer, is reported and suppresses nothing for that name; a name of an analyzer that ran and had
nothing to suppress there is reported as unused. //tempguard:file-ignore covers a whole file.`

// ruleID is the SARIF rule of a finding.
func ruleID(f Finding) string {
	cl := f.class()
	if cl.Category == suppressionRule || cl.Category == passes.UnusedCategory {
		return suppressionRule
	}
	return f.Analyzer + "/" + cl.Category
}

// sarifTags are a class's SARIF tags: its kind (hygiene is
// "maintainability" in SARIF's vocabulary) and its CWEs.
func sarifTags(cl passes.Class) []string {
	kind := string(cl.Kind)
	if cl.Kind == passes.Hygiene {
		kind = "maintainability"
	}
	tags := []string{kind}
	for _, cwe := range cl.CWE {
		tags = append(tags, fmt.Sprintf("external/cwe/cwe-%d", cwe))
	}
	return tags
}

// sarifRules describes every category of every analyzer, whether or not
// it was found, so rule indexes are stable.
func sarifRules() ([]sarifRule, map[string]int) {
	var rules []sarifRule
	index := map[string]int{}
	for _, a := range passes.All() {
		doc := strings.TrimSpace(a.Doc)
		_, full := splitDoc(doc)
		helpURI := a.URL
		if helpURI == "" {
			helpURI = "https://github.com/tempguard/tempguard#" + a.Name
		}
		for _, cl := range passes.Classes() {
			if cl.Analyzer != a.Name {
				continue
			}
			id := a.Name + "/" + cl.Category
			index[id] = len(rules)
			rules = append(rules, sarifRule{
				ID:                   id,
				Name:                 a.Name,
				ShortDescription:     sarifMessage{cl.Summary},
				FullDescription:      sarifMessage{full},
				Help:                 sarifMessage{doc + "\n\nMore: " + helpURI},
				HelpURI:              helpURI,
				DefaultConfiguration: sarifConfiguration{cl.Severity.String()},
				Properties:           sarifRuleProps{Tags: sarifTags(cl), SecuritySeverity: cl.SecuritySeverity},
			})
		}
	}
	short, full := splitDoc(suppressionDoc)
	cl := passes.Classify("", suppressionRule)
	index[suppressionRule] = len(rules)
	rules = append(rules, sarifRule{
		ID:                   suppressionRule,
		Name:                 suppressionRule,
		ShortDescription:     sarifMessage{short},
		FullDescription:      sarifMessage{full},
		Help:                 sarifMessage{suppressionDoc + "\n\nMore: https://github.com/tempguard/tempguard#suppressing-a-finding"},
		HelpURI:              "https://github.com/tempguard/tempguard#suppressing-a-finding",
		DefaultConfiguration: sarifConfiguration{cl.Severity.String()},
		Properties:           sarifRuleProps{Tags: sarifTags(cl)},
	})
	return rules, index
}

// splitDoc returns an analyzer doc's first line and its first paragraph
// after that (or the first line again if there is none).
func splitDoc(doc string) (short, full string) {
	short, rest, _ := strings.Cut(doc, "\n")
	rest = strings.TrimSpace(rest)
	para, _, _ := strings.Cut(rest, "\n\n")
	para = strings.Join(strings.Fields(para), " ")
	if para == "" {
		para = short
	}
	return short, para
}

func toolVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}

// writeSARIF prints findings, and the suppressed findings as results with
// an inSource suppression, as a SARIF 2.1.0 log with one run.
func writeSARIF(w io.Writer, findings []Finding, fps []string, suppressed []Finding, suppressedFps []string, src *sources, res *vetResult) error {
	rules, index := sarifRules()
	driver := sarifDriver{
		Name:           "tempguard",
		InformationURI: "https://github.com/tempguard/tempguard",
		Rules:          rules,
	}
	if v := toolVersion(); v != "" {
		driver.Version = v
		driver.SemanticVersion = strings.TrimPrefix(v, "v")
	}
	inv := sarifInvocation{ExecutionSuccessful: !res.failed && !res.incomplete}
	if (res.failed || res.incomplete) && strings.TrimSpace(res.errText) != "" {
		inv.ToolExecutionNotifications = []sarifNotification{{Level: "error", Message: sarifMessage{strings.TrimSpace(res.errText)}}}
	}
	run := sarifRun{
		Tool:        sarifTool{driver},
		Invocations: []sarifInvocation{inv},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{
			"%SRCROOT%": {URI: fileURI(src.root) + "/"},
		},
		ColumnKind: "utf16CodeUnits",
		Results:    []sarifResult{},
	}
	all := append(slices.Clip(findings), suppressed...)
	allFps := append(slices.Clip(fps), suppressedFps...)
	for i, f := range all {
		ruleID := ruleID(f)
		cl := f.class()
		idx, ok := index[ruleID]
		if !ok {
			idx = len(run.Tool.Driver.Rules)
			index[ruleID] = idx
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
				ID: ruleID, Name: f.Analyzer,
				ShortDescription: sarifMessage{f.Analyzer}, FullDescription: sarifMessage{f.Analyzer}, Help: sarifMessage{f.Analyzer},
				HelpURI:              "https://github.com/tempguard/tempguard#" + f.Analyzer,
				DefaultConfiguration: sarifConfiguration{cl.Severity.String()},
				Properties:           sarifRuleProps{Tags: sarifTags(cl), SecuritySeverity: cl.SecuritySeverity},
			})
		}
		r := sarifResult{
			RuleID:              ruleID,
			RuleIndex:           idx,
			Level:               cl.Severity.String(),
			Message:             sarifMessage{f.Message},
			Locations:           []sarifLocation{{PhysicalLocation: src.physical(f.Posn, f.End)}},
			PartialFingerprints: map[string]string{fingerprintVersion: allFps[i]},
		}
		if sp := f.Suppression; sp != nil {
			r.Suppressions = []sarifSuppression{{
				Kind:          "inSource",
				Justification: sp.Justification,
				Location:      &sarifLocation{PhysicalLocation: src.physical(sp.Posn, sp.End)},
			}}
		}
		for j, rel := range f.Related {
			msg := sarifMessage{rel.Message}
			r.RelatedLocations = append(r.RelatedLocations, sarifLocation{
				ID:               j + 1,
				PhysicalLocation: src.physical(rel.Posn, rel.End),
				Message:          &msg,
			})
		}
		for _, fix := range f.Fixes {
			if len(fix.Edits) > 0 { // SARIF wants at least one change
				r.Fixes = append(r.Fixes, src.sarifFix(fix))
			}
		}
		run.Results = append(run.Results, r)
	}
	data, err := json.MarshalIndent(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// artifact returns the SARIF location of a file: relative to %SRCROOT% when
// it is under the repository root, else an absolute file URI.
func (s *sources) artifact(file string) sarifArtifactLocation {
	rel, in := s.rel(file)
	if !in {
		return sarifArtifactLocation{URI: fileURI(file)}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: rel}).EscapedPath(), URIBaseID: "%SRCROOT%"}
}

func fileURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x on Windows
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// physical converts a go/analysis "file:line:col" span (byte columns) to a
// SARIF physical location with UTF-16 columns.
func (s *sources) physical(posn, end string) sarifPhysicalLocation {
	file, line, col := splitPosn(posn)
	loc := sarifPhysicalLocation{ArtifactLocation: s.artifact(file)}
	if line < 1 {
		return loc
	}
	src := s.file(file)
	reg := &sarifRegion{StartLine: line}
	if col > 0 {
		reg.StartColumn = utf16Col(src.line(line), col)
	}
	if efile, eline, ecol := splitPosn(end); efile == file && eline >= line && ecol > 0 && (eline > line || ecol > col) {
		reg.EndLine = eline
		reg.EndColumn = utf16Col(src.line(eline), ecol)
	}
	loc.Region = reg
	return loc
}

func (s *sources) sarifFix(fix jsonSuggestedFix) sarifFix {
	out := sarifFix{Description: sarifMessage{fix.Message}}
	byFile := map[string]int{}
	for _, e := range fix.Edits {
		i, ok := byFile[e.Filename]
		if !ok {
			i = len(out.ArtifactChanges)
			byFile[e.Filename] = i
			out.ArtifactChanges = append(out.ArtifactChanges, sarifArtifactChange{ArtifactLocation: s.artifact(e.Filename)})
		}
		out.ArtifactChanges[i].Replacements = append(out.ArtifactChanges[i].Replacements, sarifReplacement{
			DeletedRegion:   sarifByteRegion{ByteOffset: e.Start, ByteLength: max(e.End-e.Start, 0)},
			InsertedContent: sarifContent{e.New},
		})
	}
	return out
}
