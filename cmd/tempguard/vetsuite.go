package main

import (
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
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

	"github.com/tempguard/tempguard/passes"
)

// The vet suite mode.
//
// `tempguard vet [go vet flags] [packages]` runs `go vet` with tempguard as
// the vet tool, and the tool runs the analyzers of the default `go vet`
// (the list in cmd/vet's main.go) together with tempguard's, in one process
// per package: the packages are parsed and type-checked once for both. It
// is a drop-in for `go vet`: the go command parses the flags and prints the
// findings, so the flags (-json, -c=N, -printf.funcs=..., -tags, ...), the
// output and the exit codes are go vet's.
//
// The go command starts the vet tool without telling it how it was
// invoked, so the mode travels in the environment (vetSuiteEnv). It is also
// part of the tool's version (-V=full), which the go command uses to key
// its cache of vet results: results of tempguard alone are never replayed
// for the suite, or the other way round.

const vetSuiteEnv = "TEMPGUARD_VET_SUITE"

func init() { subcommands["vet"] = runVetSuite }

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

// inVetSuite reports whether this vet tool process serves `tempguard vet`.
func inVetSuite() bool { return os.Getenv(vetSuiteEnv) == "1" }

// vetSuiteAnalyzers are go vet's analyzers followed by tempguard's, and
// registers a -V flag whose version differs from tempguard's alone.
func vetSuiteAnalyzers() []*analysis.Analyzer {
	flag.Var(suiteVersionFlag{}, "V", "print version and exit")
	return append(goVetAnalyzers(), passes.SkipGenerated(vetToolAnalyzers(), reportGenerated)...)
}

// runVetSuite implements `tempguard vet`.
func runVetSuite(args []string) int {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fmt.Fprintf(os.Stdout, "usage: tempguard vet [go vet flags] [packages]\n\n"+
				"Runs go vet's default analyzers and tempguard's in one go vet run: a drop-in for\n"+
				"'go vet' that type-checks each package once. Flags, output and exit codes are\n"+
				"go vet's ('go help vet'); tempguard's analyzers take their flags as in vet-tool mode.\n")
			return exitClean
		}
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "tempguard: cannot find own executable: %v\n", err)
		return exitError
	}
	gobin, err := exec.LookPath(goCommand)
	if err != nil {
		fmt.Fprintf(os.Stderr, "tempguard: the go command is needed: %v\n", err)
		return exitError
	}
	defer watchSignals()()
	cmd := exec.Command(gobin, append([]string{"vet", "-vettool=" + self}, args...)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err = runChild(cmd, vetSuiteEnv+"=1")
	var ee *exec.ExitError
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &ee):
		return ee.ExitCode() // go vet's: 1 for findings and for errors
	case err == errInterrupted:
		fmt.Fprintln(os.Stderr, "tempguard: interrupted")
		return exitError
	}
	fmt.Fprintf(os.Stderr, "tempguard: running go vet: %v\n", err)
	return exitError
}

// suiteVersionFlag answers the go command's -V=full as unitchecker does,
// with an ID of its own for the suite (see above).
type suiteVersionFlag struct{}

func (suiteVersionFlag) IsBoolFlag() bool { return true }
func (suiteVersionFlag) Get() any         { return nil }
func (suiteVersionFlag) String() string   { return "" }
func (suiteVersionFlag) Set(s string) error {
	if s != "full" {
		return fmt.Errorf("unsupported flag value: -V=%s (use -V=full)", s)
	}
	progname, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(progname)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	io.WriteString(h, "\x00go vet suite")
	fmt.Printf("%s version devel tempguard-vet-suite buildID=%02x\n", progname, string(h.Sum(nil)))
	os.Exit(0)
	return nil
}
