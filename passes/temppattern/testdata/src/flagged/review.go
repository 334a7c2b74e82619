package flagged

import (
	"os"
	"os/exec"
)

// A config file whose tools go by the extension.
func envFile() (*os.File, error) {
	return os.CreateTemp("", "prod.yaml") // want `os.CreateTemp pattern "prod.yaml" has no "\*"`
}

// A fixed dir for a fixture only this process reads.
func fixture() error {
	dir, err := os.MkdirTemp("/tmp", "fixture-") // want `os.MkdirTemp dir "/tmp" ignores \$TMPDIR`
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	return exec.Command("ls", dir).Run()
}

// A helper that makes a scratch dir.
func scratchDir() (string, error) {
	return os.MkdirTemp("/tmp", "d") // want `os.MkdirTemp dir "/tmp" ignores \$TMPDIR`
}
