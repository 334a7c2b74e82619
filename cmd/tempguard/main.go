// Command tempguard finds insecure and buggy temporary-file usage in Go
// code and offers fixes that use the secure library calls.
//
// Usage:
//
//	tempguard [flags] [packages]        analyze packages (default ./...)
//	tempguard help [analyzer]           list the analyzers, or one's full doc
//	tempguard lsp                       language server for editors (stdio)
//	tempguard vet [go vet flags] [packages]   runs the tempguard-vet command (vetforward.go)
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
	"os"

	"github.com/tempguard/tempguard/internal/vettool"
)

// Exit codes, documented in the README.
const (
	exitClean    = 0
	exitError    = vettool.ExitError
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
	// The go command runs us as a vet tool: once per package.
	if vettool.IsProtocol(args) {
		vettool.Main(args, nil) // exits
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

// subcommands are registered by the files that implement them.
var subcommands = map[string]func(args []string) int{}
