// Command tempguard finds insecure and buggy temporary-file usage in Go
// code and offers fixes that use the secure library calls.
//
// Usage:
//
//	tempguard [flags] [packages]        analyze packages (default ./...)
//	tempguard help [analyzer]           list the analyzers, or one's full doc
//	tempguard lsp                       language server for editors (stdio)
//	go vet -vettool=$(which tempguard) [packages]
//
// # Design: the standalone mode drives the go command
//
// `tempguard ./...` runs `go vet -vettool=<itself> -json` and formats what
// comes back. The go command then does what it does for vet: one process per
// package, dependencies first, facts passed between them in files, and
// results and facts cached in the build cache. Measured on the standard
// library (see scripts/bench.sh), a go/packages driver that keeps every
// package's syntax in memory peaks at gigabytes once analyzers carry facts,
// where the per-package protocol stays near 150 MiB a process, and a rerun
// on unchanged code costs seconds. Both modes run the same analyzers in the
// same way, so they give the same findings by construction.
//
// Exit codes: 0 no findings; 3 findings; 4 no findings, but some packages
// were analysed with errors (code that does not type-check, a missing
// //go:embed file or cgo header) or skipped; 1 errors (a pattern matching no
// packages, a missing go command); 2 bad usage.
package main

import (
	"flag"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/tempguard/tempguard/internal/startheap"
	"github.com/tempguard/tempguard/passes"
)

// Exit codes, documented in the README.
const (
	exitClean    = 0
	exitError    = 1
	exitUsage    = 2
	exitFindings = 3
	// exitIncomplete: no findings, but some packages could only be
	// analysed with errors, or not at all (see partial.go).
	exitIncomplete = 4
)

func main() {
	if isJanitor() {
		os.Exit(runJanitor(os.Stdin, os.Stdout))
	}
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if isVetProtocol(args) {
		// One process per package, most of them short-lived: let the heap
		// grow to 64 MiB before collecting at the usual pace (as the Go
		// compiler does; not when GOGC or GOMEMLIMIT is set).
		startheap.Adjust(vetStartHeap)
		vetToolParentDeath()
		markProgress(args)
		setupVetTool(args)
		if inVetSuite() {
			unitchecker.Main(vetSuiteAnalyzers()...) // exits
		}
		unitchecker.Main(configuredVetAnalyzers(args, vetToolAnalyzers())...) // exits
		return exitError
	}
	if len(args) > 0 {
		switch args[0] {
		case "help", "-help", "--help", "-h":
			return help(os.Stdout, args[1:])
		case "version", "-version", "--version":
			return version(os.Stdout)
		}
		if sub, ok := subcommands[args[0]]; ok {
			return sub(args[1:])
		}
	}
	return standalone(args)
}

// vetStartHeap is the heap size a vet-tool process grows to before the
// garbage collector runs at the usual pace (see internal/startheap).
const vetStartHeap = 64 << 20

// reportGeneratedFlag is the vet tool's -report-generated flag.
const reportGeneratedFlag = "report-generated"

// vetToolAnalyzers are tempguard's analyzers for the vet-tool modes, and
// registers the -report-generated flag; reportGenerated tells its value.
// Findings in generated files are dropped by the configuration's filter
// (go vet -vettool) or by passes.SkipGenerated (tempguard vet).
func vetToolAnalyzers() []*analysis.Analyzer {
	flag.Bool(reportGeneratedFlag, false, "also report findings in generated files (they are never fixed)")
	return passes.All()
}

// reportGenerated reports whether -report-generated was given to the vet tool.
func reportGenerated() bool {
	f := flag.Lookup(reportGeneratedFlag)
	return f != nil && f.Value.String() == "true"
}

// subcommands are registered by the files that implement them.
var subcommands = map[string]func(args []string) int{}

// isVetProtocol reports whether the go command is running us as a vet
// tool: `-flags`, `-V=full`, or a trailing *.cfg unit description.
func isVetProtocol(args []string) bool {
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
