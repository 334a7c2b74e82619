package incident

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// A test script written to a fixed name in /tmp and executed: another user
// who creates the name first (a symlink, or a script of their own that
// stays because the write fails) runs code as this user.
func runSetup() error {
	script := "/tmp/test-setup.sh"
	if err := os.WriteFile(script, []byte("#!/bin/sh\necho ok\n"), 0o700); err != nil { // want `predictable temp file path built from constants only is written and then executed by name: another user can put a program there first; write it inside a directory from os.MkdirTemp\("", "test-setup-\*"\)`
		return err
	}
	return exec.Command(script).Run()
}

// The fixed form: the script in a directory from os.MkdirTemp.
func runSetupFixed() error {
	dir, err := os.MkdirTemp("", "setup-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "test-setup.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\necho ok\n"), 0o700); err != nil {
		return err
	}
	return exec.Command(script).Run()
}

// The same with os.Create and a chmod, and with a PID in the name: still
// a file every user can replace before it runs (no fix: a random name
// alone leaves it in the shared dir).
func runGenerated(body []byte) error {
	script := fmt.Sprintf("/tmp/gen-%d.sh", os.Getpid())
	f, err := os.Create(script) // want `predictable temp file path built from os.Getpid\(\) is written and then executed by name`
	if err != nil {
		return err
	}
	if _, err := f.Write(body); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(script, 0o700); err != nil {
		return err
	}
	return exec.Command(script).Run()
}

// Look-alike: the name is only given to the program as an argument
// (its data), not run.
func runWithInput(body []byte) error {
	input := "/tmp/gen-input.txt"
	if err := os.WriteFile(input, body, 0o600); err != nil { // want `predictable temp file path built from constants only; an attacker's symlink redirects the write`
		return err
	}
	return exec.Command("/usr/bin/wc", input).Run()
}
