package main

import (
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/tempguard/tempguard/internal/config"
	"github.com/tempguard/tempguard/passes"
)

// help prints the usage (synopsis, subcommands, every flag, the analyzers
// and the exit codes), or the full doc of the named analyzers.
func help(w io.Writer, names []string) int {
	if len(names) == 0 {
		usage(w)
		return exitClean
	}
	code := exitClean
	for _, name := range names {
		a := passes.Lookup(name)
		if a == nil {
			fmt.Fprintf(w, "tempguard: no analyzer %q (have %s)\n", name, strings.Join(passes.Names(), ", "))
			code = exitUsage
			continue
		}
		fmt.Fprintf(w, "%s: %s\n", a.Name, strings.TrimSpace(a.Doc))
		if a.URL != "" {
			fmt.Fprintf(w, "\nMore: %s\n", a.URL)
		}
	}
	return code
}

// usage prints what `tempguard -h` shows. cmd/tempguard/testdata/help.golden
// pins it.
func usage(w io.Writer) {
	fmt.Fprint(w, `tempguard finds insecure and buggy temporary-file usage in Go code.

Usage:
	tempguard [flags] [packages]        analyze packages (default ./...)
	tempguard help [analyzer]           this help, or an analyzer's full doc
	tempguard version                   print the version (also -version)
	tempguard lsp [flags]               language server for editors (stdio; 'tempguard lsp -h')
	go vet -vettool=$(which tempguard) [packages]
	go fix -fixtool=$(which tempguard) [packages]

Flags:
`)
	o := &options{stderr: io.Discard}
	fs := newFlagSet(o)
	var general, analyzers, analyzerOpts []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) {
		name, _, isOpt := strings.Cut(f.Name, ".")
		switch {
		case isOpt && passes.Lookup(name) != nil:
			analyzerOpts = append(analyzerOpts, f)
		case passes.Lookup(name) != nil:
			analyzers = append(analyzers, f)
		default:
			general = append(general, f)
		}
	})
	printFlags(w, general)
	fmt.Fprint(w, `
Analyzers (all enabled by default; -NAME enables only the named ones,
-NAME=false disables one; 'tempguard help NAME' prints one's doc):
`)
	for _, a := range passes.All() {
		fmt.Fprintf(w, "  -%-16s %s\n", a.Name, firstLine(a.Doc))
	}
	if len(analyzerOpts) > 0 {
		fmt.Fprint(w, "\nAnalyzer options:\n")
		printFlags(w, analyzerOpts)
	}
	fmt.Fprint(w, `
Each finding is an error, a warning or a note, by what it proves (the README's
Severities section lists the categories); findings at or above -severity
(default warning) make the exit code 3.

Configuration: `+config.FileName+` in the working directory or its nearest parent
(or -config file): enable, disable, exclude, generated, tests, test-advice,
severity, options.

Exit codes: 0 no findings at or above -severity, 3 findings, 4 no findings but
some packages analysed with errors or skipped (one line each on stderr),
1 errors, 2 usage (bad flag or configuration).
`)
}

// printFlags prints flags the way flag.PrintDefaults does.
func printFlags(w io.Writer, flags []*flag.Flag) {
	for _, f := range flags {
		name, text := flag.UnquoteUsage(f)
		line := "  -" + f.Name
		if name != "" {
			line += " " + name
		}
		if len(line) <= 4 {
			line += "\t"
		} else {
			line += "\n    \t"
		}
		line += strings.ReplaceAll(text, "\n", "\n    \t")
		if f.DefValue != "" && f.DefValue != "false" {
			line += fmt.Sprintf(" (default %q)", f.DefValue)
		}
		fmt.Fprintln(w, line)
	}
}

// moduleVersion is the module version recorded in the binary's build info:
// the tag for `go install github.com/tempguard/tempguard/cmd/tempguard@v0.1.0`,
// a pseudo-version (with +dirty for uncommitted changes) for a build in a
// git checkout, "(devel)" when the go command recorded none.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

func version(w io.Writer) int {
	fmt.Fprintf(w, "tempguard %s\n", moduleVersion())
	return exitClean
}
