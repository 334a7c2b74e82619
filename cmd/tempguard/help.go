package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/tempguard/tempguard/passes"
)

// help prints the list of analyzers, or the full doc of the named ones.
func help(w io.Writer, names []string) int {
	if len(names) == 0 {
		fmt.Fprint(w, `tempguard finds insecure and buggy temporary-file usage in Go code.

Usage:
	tempguard [flags] [packages]      analyze packages (default ./...)
	tempguard help [analyzer]         this help, or an analyzer's full doc
	tempguard lsp                     language server for editors (stdio)
	go vet -vettool=$(which tempguard) [packages]

Analyzers (all enabled by default; -NAME enables only the named ones,
-NAME=false disables one):
`)
		for _, a := range passes.All() {
			fmt.Fprintf(w, "\t%-16s %s\n", a.Name, firstLine(a.Doc))
		}
		fmt.Fprint(w, `
Exit codes: 0 no findings, 3 findings, 1 errors, 2 usage.
Run 'tempguard -h' for the flags.
`)
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

func version(w io.Writer) int {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	fmt.Fprintf(w, "tempguard %s\n", v)
	return exitClean
}
