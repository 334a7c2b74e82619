package flagged

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// The written file handed to a formatter while still open.
func format(src []byte) ([]byte, error) {
	f, err := os.CreateTemp("", "fmt-*.go")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(src); err != nil {
		return nil, err
	}
	out, err := exec.Command("gofmt", "-l", f.Name()).Output() // want `exec.Command passes f's name to a command while f is still open for writing`
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Inside a shell command line built with +; run later.
func countLines(lines []string) (int, error) {
	f, err := os.CreateTemp("", "lines")
	if err != nil {
		return 0, err
	}
	fmt.Fprint(f, strings.Join(lines, "\n"))
	cmd := exec.Command("sh", "-c", "wc -l < "+f.Name()) // want `exec.Command passes f's name to a command`
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return 0, err
	}
	return len(lines), nil
}

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

// CommandContext with a --flag=name argument built by fmt.Sprintf.
func lint(ctx context.Context, cfg string) error {
	f, err := os.CreateTemp("", "lint-*.yaml")
	if err != nil {
		return err
	}
	f.WriteString(cfg)
	c := exec.CommandContext(ctx, "golangci-lint", "run", fmt.Sprintf("--config=%s", f.Name())) // want `exec.CommandContext passes f's name to a command`
	return c.Run()
}

// The command is handed to a helper that runs it.
func viaHelper(text string) error {
	f, err := os.CreateTemp("", "h")
	if err != nil {
		return err
	}
	f.WriteString(text)
	args := []string{"-d", "office", f.Name()}
	cmd := exec.Command("lp", args...) // want `exec.Command passes f's name to a command`
	return runCmd(cmd)
}

func runCmd(c *exec.Cmd) error { return c.Run() }

// os.StartProcess with the name in argv.
func start(text string) (*os.Process, error) {
	f, err := os.CreateTemp("", "sp")
	if err != nil {
		return nil, err
	}
	f.WriteString(text)
	return os.StartProcess("/usr/bin/lp", []string{"lp", f.Name()}, &os.ProcAttr{}) // want `os.StartProcess passes f's name to a command`
}

// Two files opened side by side in an editor (the user may save them): both are closed by the fix.
func diff(a, b []byte) ([]byte, error) {
	f1, err := os.CreateTemp("", "a")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f1.Name())
	defer f1.Close()
	f2, err := os.CreateTemp("", "b")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f2.Name())
	defer f2.Close()
	f1.Write(a)
	f2.Write(b)
	return exec.Command("code", "--wait", "--diff", f1.Name(), f2.Name()).CombinedOutput() // want `exec.Command passes the names of f1 and f2 to a command while f1 and f2 are still open for writing`
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
