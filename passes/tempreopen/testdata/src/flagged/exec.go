package flagged

import (
	"os"
	"os/exec"
)

// Running the file itself: text file busy.
func runScript(body string) error {
	script, err := os.CreateTemp("", "run-*.sh")
	if err != nil {
		return err
	}
	if _, err := script.WriteString("#!/bin/sh\n" + body); err != nil {
		return err
	}
	if err := os.Chmod(script.Name(), 0o700); err != nil {
		return err
	}
	return exec.Command(script.Name()).Run() // want `exec.Command runs script's file while script is still open for writing: exec fails with "text file busy"`
}

// A name reserved for a build output while the file is held open
// (goplus/xgo#1867): go build cannot replace it on Windows.
func buildInto(pkg string) ([]byte, error) {
	out, err := os.CreateTemp("", "bin-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(out.Name())
	defer out.Close()
	if err := exec.Command("go", "build", "-o", out.Name(), pkg).Run(); err != nil { // want `exec.Command passes out.s name as an output to a command while out is still open: on Windows the command cannot replace or remove an open file`
		return nil, err
	}
	return os.ReadFile(out.Name())
}

// The same with another program, flag and variable names: the file is
// never written here, so it was made for the program to fill.
func renderTo(tool, src string) ([]byte, error) {
	a, err := os.CreateTemp("", "r")
	if err != nil {
		return nil, err
	}
	defer os.Remove(a.Name())
	defer a.Close()
	if err := exec.Command(tool, "--dest", a.Name(), src).Run(); err != nil { // want `exec.Command passes a.s name as an output to a command while a is still open`
		return nil, err
	}
	return os.ReadFile(a.Name())
}
