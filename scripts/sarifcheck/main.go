// Command sarifcheck validates SARIF logs against the OASIS SARIF 2.1.0
// schema (cmd/tempguard/testdata/sarif-schema-2.1.0.json) and checks that
// each has one run whose results name rules of the run's tool. CI scripts
// use it on logs written outside the Go tests (.ci/ecosystem-e2e.sh).
//
//	go run ./scripts/sarifcheck file.sarif...
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: sarifcheck file.sarif...")
		os.Exit(2)
	}
	sch, err := schema()
	if err != nil {
		fmt.Fprintln(os.Stderr, "sarifcheck:", err)
		os.Exit(1)
	}
	code := 0
	for _, name := range os.Args[1:] {
		if err := check(sch, name); err != nil {
			fmt.Fprintf(os.Stderr, "sarifcheck: %s: %v\n", name, err)
			code = 1
		}
	}
	os.Exit(code)
}

func schema() (*jsonschema.Schema, error) {
	_, self, _, _ := runtime.Caller(0)
	f, err := os.Open(filepath.Join(filepath.Dir(self), "..", "..", "cmd", "tempguard", "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	return c.Compile(url)
}

func check(sch *jsonschema.Schema, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	inst, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return fmt.Errorf("not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		return err
	}
	data, _ := json.Marshal(inst)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string } `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		return err
	}
	if len(log.Runs) != 1 {
		return fmt.Errorf("%d runs, want 1", len(log.Runs))
	}
	rules := map[string]bool{}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		rules[r.ID] = true
	}
	for _, r := range log.Runs[0].Results {
		if !rules[r.RuleID] {
			return fmt.Errorf("result of unknown rule %q", r.RuleID)
		}
	}
	fmt.Printf("%s: valid SARIF 2.1.0, %d results\n", name, len(log.Runs[0].Results))
	return nil
}
