package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
)

// A baseline records the findings a codebase already has, so that CI can
// fail on new ones only. Entries are keyed by stable fingerprints (see
// [sources.fingerprints]): the analyzer, the file relative to the
// repository root, the enclosing function and the normalized flagged line,
// never line numbers, so unrelated edits above a finding keep it matched.
// The other fields are there for the people who review the file.
type baseline struct {
	Comment     string          `json:"comment"`
	Fingerprint string          `json:"fingerprint"` // the scheme, fingerprintVersion
	Findings    []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Analyzer    string `json:"analyzer"`
	File        string `json:"file"`
	Function    string `json:"function,omitempty"`
	Message     string `json:"message"`
}

const baselineComment = "tempguard baseline: findings listed here are not reported by `tempguard -baseline=<this file>`. Regenerate with -write-baseline."

// errNoBaseline says the baseline file does not exist yet.
var errNoBaseline = errors.New("no baseline file")

// readBaseline reads a baseline file and returns its fingerprints.
func readBaseline(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNoBaseline // report everything: the safe direction
	}
	if err != nil {
		return nil, err
	}
	var b baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("%s: not a tempguard baseline: %v", path, err)
	}
	if b.Fingerprint != fingerprintVersion {
		return nil, fmt.Errorf("%s: baseline fingerprints are %q, this tempguard computes %q: regenerate it with -write-baseline", path, b.Fingerprint, fingerprintVersion)
	}
	set := map[string]bool{}
	for _, e := range b.Findings {
		set[e.Fingerprint] = true
	}
	return set, nil
}

// writeBaseline records findings (with their fingerprints) in path.
func writeBaseline(path string, findings []Finding, fps []string, src *sources) error {
	b := baseline{Comment: baselineComment, Fingerprint: fingerprintVersion, Findings: []baselineEntry{}}
	for i, f := range findings {
		rel, _ := src.rel(f.File)
		b.Findings = append(b.Findings, baselineEntry{
			Fingerprint: fps[i],
			Analyzer:    f.Analyzer,
			File:        rel,
			Function:    src.file(f.File).funcName(f.File, f.Line, f.Col),
			Message:     f.Message,
		})
	}
	// Sorted by file and function, not by line: adding code does not
	// reorder the file.
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Function != y.Function {
			return x.Function < y.Function
		}
		return x.Fingerprint < y.Fingerprint
	})
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// filterBaseline returns the findings (and their fingerprints) that are
// not in the baseline, and how many were.
func filterBaseline(findings []Finding, fps []string, known map[string]bool) ([]Finding, []string, int) {
	var out []Finding
	var outFps []string
	hidden := 0
	for i, f := range findings {
		if known[fps[i]] {
			hidden++
			continue
		}
		out = append(out, f)
		outFps = append(outFps, fps[i])
	}
	return out, outFps, hidden
}
