// Command tempguard-vet is the vet suite: go vet's default analyzers and
// tempguard's in one vet tool, so that the packages are parsed and
// type-checked once for both.
//
// Usage:
//
//	tempguard-vet [go vet flags] [packages]
//
// It runs `go vet -vettool=<itself>` with the arguments: a drop-in for
// `go vet`, in which the go command parses the flags and prints the
// findings, so the flags (-json, -c=N, -printf.funcs=..., -tags, ...), the
// output and the exit codes are go vet's. `tempguard vet` forwards to it.
//
// It is a command of its own, not a mode of tempguard's, because the go
// command starts the vet tool once per package: linked into tempguard, go
// vet's analyzers (their package initialisation: docs, the standard
// library's symbol table) made every `go vet -vettool=tempguard` process
// start slower. Its vet-tool ID (-V=full) is its own, so go's cache never
// replays tempguard's results for it, or the other way round.
package main

import (
	"fmt"
	"os"
	"os/exec"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/appends"
	"golang.org/x/tools/go/analysis/passes/asmdecl"
	"golang.org/x/tools/go/analysis/passes/assign"
	"golang.org/x/tools/go/analysis/passes/atomic"
	"golang.org/x/tools/go/analysis/passes/bools"
	"golang.org/x/tools/go/analysis/passes/buildtag"
	"golang.org/x/tools/go/analysis/passes/cgocall"
	"golang.org/x/tools/go/analysis/passes/composite"
	"golang.org/x/tools/go/analysis/passes/copylock"
	"golang.org/x/tools/go/analysis/passes/defers"
	"golang.org/x/tools/go/analysis/passes/directive"
	"golang.org/x/tools/go/analysis/passes/errorsas"
	"golang.org/x/tools/go/analysis/passes/framepointer"
	"golang.org/x/tools/go/analysis/passes/hostport"
	"golang.org/x/tools/go/analysis/passes/httpresponse"
	"golang.org/x/tools/go/analysis/passes/ifaceassert"
	"golang.org/x/tools/go/analysis/passes/loopclosure"
	"golang.org/x/tools/go/analysis/passes/lostcancel"
	"golang.org/x/tools/go/analysis/passes/nilfunc"
	"golang.org/x/tools/go/analysis/passes/printf"
	"golang.org/x/tools/go/analysis/passes/shift"
	"golang.org/x/tools/go/analysis/passes/sigchanyzer"
	"golang.org/x/tools/go/analysis/passes/slog"
	"golang.org/x/tools/go/analysis/passes/stdmethods"
	"golang.org/x/tools/go/analysis/passes/stdversion"
	"golang.org/x/tools/go/analysis/passes/stringintconv"
	"golang.org/x/tools/go/analysis/passes/structtag"
	"golang.org/x/tools/go/analysis/passes/testinggoroutine"
	"golang.org/x/tools/go/analysis/passes/tests"
	"golang.org/x/tools/go/analysis/passes/timeformat"
	"golang.org/x/tools/go/analysis/passes/unmarshal"
	"golang.org/x/tools/go/analysis/passes/unreachable"
	"golang.org/x/tools/go/analysis/passes/unsafeptr"
	"golang.org/x/tools/go/analysis/passes/unusedresult"
	"golang.org/x/tools/go/analysis/passes/waitgroup"

	"github.com/tempguard/tempguard/internal/vettool"
)

func main() {
	args := os.Args[1:]
	if vettool.IsProtocol(args) {
		vettool.Main(args, goVetAnalyzers()) // exits
	}
	os.Exit(run(args))
}

// run runs go vet with this executable as the vet tool.
func run(args []string) int {
	if vettool.SuiteHelp(os.Stdout, vettool.SuiteCommand, args) {
		return 0
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "tempguard: cannot find own executable: %v\n", err)
		return vettool.ExitError
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		fmt.Fprintf(os.Stderr, "tempguard: the go command is needed: %v\n", err)
		return vettool.ExitError
	}
	// go vet's exit code: 1 for findings and for errors.
	return vettool.Exec(os.Stderr, "go vet", gobin, append([]string{"vet", "-vettool=" + self}, args...)...)
}

// goVetAnalyzers are the analyzers `go vet` runs by default, in
// cmd/vet's order (x/tools v0.52.0's versions of them).
func goVetAnalyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		appends.Analyzer,
		asmdecl.Analyzer,
		assign.Analyzer,
		atomic.Analyzer,
		bools.Analyzer,
		buildtag.Analyzer,
		cgocall.Analyzer,
		composite.Analyzer,
		copylock.Analyzer,
		defers.Analyzer,
		directive.Analyzer,
		errorsas.Analyzer,
		framepointer.Analyzer,
		httpresponse.Analyzer,
		hostport.Analyzer,
		ifaceassert.Analyzer,
		loopclosure.Analyzer,
		lostcancel.Analyzer,
		nilfunc.Analyzer,
		printf.Analyzer,
		shift.Analyzer,
		sigchanyzer.Analyzer,
		slog.Analyzer,
		stdmethods.Analyzer,
		stdversion.Analyzer,
		stringintconv.Analyzer,
		structtag.Analyzer,
		tests.Analyzer,
		testinggoroutine.Analyzer,
		timeformat.Analyzer,
		unmarshal.Analyzer,
		unreachable.Analyzer,
		unsafeptr.Analyzer,
		unusedresult.Analyzer,
		waitgroup.Analyzer,
	}
}
