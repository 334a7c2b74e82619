// Command golangci-lint is golangci-lint v2.15.0 with tempguard's module
// plugin compiled in: the same program `golangci-lint custom` builds from
// .custom-gcl.yml, assembled from the Go module proxy instead of a git clone
// so that the end-to-end test (.ci/golangci-e2e.sh) runs offline.
package main

import (
	"fmt"
	"os"
	"runtime"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/tempguard/tempguard/golangci"
)

func main() {
	info := commands.BuildInfo{
		Version:   "2.15.0-tempguard",
		Commit:    "(module proxy build)",
		GoVersion: runtime.Version(),
		Date:      "(unknown)",
	}
	if err := commands.Execute(info); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
