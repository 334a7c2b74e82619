// Package vettool is the vet-tool side of tempguard's two commands: the
// process the go command starts once per package for `go vet -vettool=BIN`
// (BIN is cmd/tempguard, or cmd/tempguard-vet, the vet suite, which adds go
// vet's own analyzers), the flags and environment by which tempguard's
// standalone mode talks to that process, and the running of a child command
// (go vet, or the suite) that dies with its parent and is killed on SIGINT
// and SIGTERM.
//
// The suite is a command of its own so that tempguard does not link go
// vet's analyzers: the go command starts a vet tool per package, and their
// package initialisation would run in each of those processes.
package vettool

import (
	"flag"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/tempguard/tempguard/internal/startheap"
	"github.com/tempguard/tempguard/passes"
)

// The flags and the environment through which the standalone mode, which
// runs `go vet -vettool=<tempguard>`, configures the vet-tool processes.
const (
	// SettingsFlag carries the configuration the standalone mode resolved
	// (config.Config.Encode). The go command caches vet results by the
	// tool's flags, so a changed configuration is a new cache key.
	SettingsFlag = "settings"
	// KeepSuppressedFlag asks for suppressed findings (marked, see
	// passes.SuppressedCategory): SARIF lists them as suppressions. Being
	// a flag, it is part of what the go command's vet cache keys on.
	KeepSuppressedFlag = "keep-suppressed"
	// ReportGeneratedFlag also reports findings in generated files.
	ReportGeneratedFlag = "report-generated"
	// ProgressFileEnv names, in the environment of go vet and so of the
	// vet-tool processes it starts, the file those processes count
	// themselves in (one byte each, see markProgress).
	ProgressFileEnv = "TEMPGUARD_PROGRESS_FILE"
)

// ExitError is the exit code for errors (the README's exit codes).
const ExitError = 1

// startHeap is the heap size a vet-tool process grows to before the
// garbage collector runs at the usual pace (see internal/startheap).
const startHeap = 64 << 20

// IsProtocol reports whether the go command is running us as a vet tool:
// `-flags`, `-V=full`, or a trailing *.cfg unit description.
func IsProtocol(args []string) bool {
	if len(args) == 0 {
		return false
	}
	for _, a := range args {
		if a == "-flags" || a == "--flags" || strings.HasPrefix(a, "-V=") || strings.HasPrefix(a, "--V=") || a == "-V" {
			return true
		}
	}
	last := args[len(args)-1]
	return strings.HasSuffix(last, ".cfg")
}

// Main is a vet-tool process (args are its arguments, IsProtocol holds)
// and never returns. With suite nil it runs tempguard's analyzers as the
// configuration leaves them on: the -settings flag, else the
// .tempguard.yaml found from the package's directory upward. Otherwise
// it runs the vet suite: the suite analyzers followed by tempguard's, all
// of them, findings in generated files dropped unless -report-generated,
// under a version (-V=full) of the suite's own.
func Main(args []string, suite []*analysis.Analyzer) {
	// One process per package, most of them short-lived: let the heap
	// grow to 64 MiB before collecting at the usual pace (as the Go
	// compiler does; not when GOGC or GOMEMLIMIT is set).
	startheap.Adjust(startHeap)
	parentDeath()
	markProgress(args)
	setup(args)
	// A dependency's run is for facts only: tempguard's passes need not
	// run (nor load the configuration), only tempmodel.
	only := func(as []*analysis.Analyzer) []*analysis.Analyzer { return as }
	if vetxOnly(args) {
		only = factsOnly
	}
	if suite != nil {
		flag.Var(versionFlag{suite: true}, "V", "print version and exit")
		unitchecker.Main(append(suite, only(passes.SkipGenerated(analyzers(), reportGenerated))...)...) // exits
	}
	unitchecker.Main(only(configured(args, analyzers()))...) // exits
	os.Exit(ExitError)
}

// analyzers are tempguard's analyzers for the vet-tool modes, and
// registers the -report-generated flag; reportGenerated tells its value.
// Findings in generated files are dropped by the configuration's filter
// (tempguard) or by passes.SkipGenerated (the suite).
func analyzers() []*analysis.Analyzer {
	flag.Bool(ReportGeneratedFlag, false, "also report findings in generated files (they are never fixed)")
	return passes.All()
}

// reportGenerated reports whether -report-generated was given.
func reportGenerated() bool {
	f := flag.Lookup(ReportGeneratedFlag)
	return f != nil && f.Value.String() == "true"
}

// markProgress counts the package the process starts on (the last
// argument is its vet.cfg) in the standalone mode's progress file. The
// file must exist: the vet tool never creates one.
func markProgress(args []string) {
	name := os.Getenv(ProgressFileEnv)
	if name == "" || len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return
	}
	f.Write([]byte{'.'}) // one byte: appends are atomic
	f.Close()
}
