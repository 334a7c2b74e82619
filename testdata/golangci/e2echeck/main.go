// Command e2echeck validates a SARIF file written by golangci-lint
// (--output.sarif.path) for the tempguard end-to-end test.
//
//	e2echeck <report.sarif> <sarif-schema-2.1.0.json>
//
// It validates the report against the OASIS SARIF 2.1.0 JSON schema, checks
// that every result comes from the tempguard linter and names its analyzer,
// and prints one "<uri>:<line>: <analyzer>" line per result so the caller can
// compare them with the text output.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

type report struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name string `json:"name"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID  string `json:"ruleId"`
			Level   string `json:"level"`
			Message struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: e2echeck <report.sarif> <sarif-schema-2.1.0.json>")
		os.Exit(2)
	}
	if err := check(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintf(os.Stderr, "e2echeck: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

func check(reportPath, schemaPath string) error {
	schemaFile, err := os.Open(schemaPath)
	if err != nil {
		return err
	}
	defer schemaFile.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(schemaFile)
	if err != nil {
		return fmt.Errorf("schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const schemaURL = "file:///sarif-schema-2.1.0.json"
	if err := c.AddResource(schemaURL, schemaDoc); err != nil {
		return fmt.Errorf("schema: %v", err)
	}
	schema, err := c.Compile(schemaURL)
	if err != nil {
		return fmt.Errorf("schema: %v", err)
	}

	data, err := os.ReadFile(reportPath)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(string(data)))
	if err != nil {
		return fmt.Errorf("not JSON: %v", err)
	}
	if err := schema.Validate(inst); err != nil {
		return fmt.Errorf("not valid SARIF 2.1.0: %v", err)
	}

	var r report
	if err := json.Unmarshal(data, &r); err != nil {
		return err
	}
	if r.Version != "2.1.0" {
		return fmt.Errorf("version %q, want 2.1.0", r.Version)
	}
	if len(r.Runs) != 1 {
		return fmt.Errorf("%d runs, want 1", len(r.Runs))
	}
	run := r.Runs[0]
	if run.Tool.Driver.Name != "golangci-lint" {
		return fmt.Errorf("tool.driver.name %q, want golangci-lint", run.Tool.Driver.Name)
	}
	for i, res := range run.Results {
		if res.RuleID != "tempguard" {
			return fmt.Errorf("results[%d].ruleId %q, want tempguard", i, res.RuleID)
		}
		// "<analyzer>: <message>", or "<analyzer>(related information): <message>"
		// for a finding's second position.
		analyzer, msg, ok := strings.Cut(res.Message.Text, ": ")
		name := strings.TrimSuffix(analyzer, "(related information)")
		if !ok || name == "" || strings.ContainsAny(name, " \t():") || msg == "" {
			return fmt.Errorf("results[%d].message %q does not start with the analyzer name", i, res.Message.Text)
		}
		if len(res.Locations) != 1 {
			return fmt.Errorf("results[%d]: %d locations, want 1", i, len(res.Locations))
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI == "" || strings.HasPrefix(loc.ArtifactLocation.URI, "/") || loc.Region.StartLine < 1 {
			return fmt.Errorf("results[%d]: bad location %+v (want a relative uri and a line)", i, loc)
		}
		fmt.Printf("%s:%d: %s\n", loc.ArtifactLocation.URI, loc.Region.StartLine, analyzer)
	}
	return nil
}
