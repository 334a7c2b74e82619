package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/tempguard/tempguard/internal/vettool"
)

// `tempguard vet [go vet flags] [packages]` runs the vet suite, go vet's
// default analyzers and tempguard's in one vet tool: the command
// tempguard-vet (cmd/tempguard-vet), with the same arguments, input and
// output, and its exit code. The suite is not linked into tempguard: the go
// command starts the vet tool once per package, and go vet's analyzers
// made every one of those processes start slower.

func init() { subcommands["vet"] = runVet }

// suitePackage is the import path of the vet suite's command.
const suitePackage = "github.com/tempguard/tempguard/cmd/" + vettool.SuiteCommand

func runVet(args []string) int {
	if vettool.SuiteHelp(os.Stdout, "tempguard vet", args) {
		fmt.Fprintf(os.Stdout, "\n'tempguard vet' runs the %s command, installed beside tempguard or on PATH:\n\tgo install %s@%s\n",
			vettool.SuiteCommand, suitePackage, installVersion(moduleVersion()))
		return exitClean
	}
	suite, err := findSuite()
	if err != nil {
		fmt.Fprintf(os.Stderr, "tempguard: 'tempguard vet' needs the %s command, %v; install it with: go install %s@%s\n",
			vettool.SuiteCommand, err, suitePackage, installVersion(moduleVersion()))
		return exitError
	}
	return vettool.Exec(os.Stderr, vettool.SuiteCommand, suite, args...)
}

// findSuite returns the path of the vet suite's executable: the one beside
// tempguard's own (where `go install ./cmd/...` puts both), else the one
// on PATH.
func findSuite() (string, error) {
	name := vettool.SuiteCommand
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	var beside string
	if self, err := os.Executable(); err == nil {
		beside = filepath.Dir(self)
		if p, err := exec.LookPath(filepath.Join(beside, name)); err == nil {
			return p, nil
		}
	}
	if p, err := exec.LookPath(vettool.SuiteCommand); err == nil {
		return p, nil
	}
	if beside == "" {
		return "", fmt.Errorf("which is not on PATH")
	}
	return "", fmt.Errorf("which is neither in %s nor on PATH", beside)
}

// installVersion is the version of the vet suite to install beside a
// tempguard of module version v: v itself when it is one the go command
// can fetch (a tag, or a pseudo-version), else latest ("(devel)", or a
// build with uncommitted changes: +dirty).
func installVersion(v string) string {
	if !strings.HasPrefix(v, "v") || strings.Contains(v, "+") {
		return "latest"
	}
	return v
}
