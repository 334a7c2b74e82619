package quiet

import (
	"os"
	"os/exec"
)

// A dotfile name is not an extension: ".env" stays as it is.
func dotenv() (*os.File, error) {
	return os.CreateTemp("", ".env")
}

// The fixture dir is bind-mounted into a container (docker run -v):
// Docker Desktop shares /tmp, not $TMPDIR.
func mountFixture() error {
	dir, err := os.MkdirTemp("/tmp", "fixture-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	return exec.Command("docker", "run", "--rm", "-v", dir+":/data", "alpine", "ls", "/data").Run()
}

type hostConfig struct{ Binds []string }

// The same with a container client's host config.
func mountConfig() (hostConfig, error) {
	dir, err := os.MkdirTemp("/tmp", "vol-")
	if err != nil {
		return hostConfig{}, err
	}
	return hostConfig{Binds: []string{dir + ":/vol"}}, nil
}

// A helper that makes the directory for a Unix socket: its name says so.
func unixSocketDir() (string, error) {
	return os.MkdirTemp("/tmp", "d")
}

// The same through a variable's name.
func agentAddr() string {
	d, _ := os.MkdirTemp("/tmp", "agent")
	sockPath := d + "/agent.s"
	return sockPath
}
