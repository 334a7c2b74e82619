package incident

import (
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
