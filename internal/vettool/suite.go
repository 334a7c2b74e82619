package vettool

import (
	"fmt"
	"io"
)

// SuiteCommand is the vet suite's command: cmd/tempguard-vet, which runs
// go vet's default analyzers and tempguard's in one vet tool, and to which
// `tempguard vet` forwards.
const SuiteCommand = "tempguard-vet"

// SuiteHelp prints the vet suite's usage to w, as command (how the user
// invoked it), if args ask for help, and reports whether they did.
func SuiteHelp(w io.Writer, command string, args []string) bool {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fmt.Fprintf(w, "usage: %s [go vet flags] [packages]\n\n"+
				"Runs go vet's default analyzers and tempguard's in one go vet run: a drop-in for\n"+
				"'go vet' that type-checks each package once. Flags, output and exit codes are\n"+
				"go vet's ('go help vet'); tempguard's analyzers take their flags as in vet-tool mode.\n", command)
			return true
		}
	}
	return false
}
