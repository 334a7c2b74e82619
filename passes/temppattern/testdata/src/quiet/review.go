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

// The directory is handed to a program it runs: that program sees paths in
// its own environment (a container, a VM), not this $TMPDIR. Quiet,
// whatever the program is.
func handedToProgram() error {
	dir, err := os.MkdirTemp("/tmp", "fixture-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	return exec.Command("ls", dir).Run()
}

// A Unix-socket network name handed to a call: the dir holds a socket,
// whose path must stay short (macOS's $TMPDIR is too long).
func serveAt(listen func(network, addr string) error) error {
	d, err := os.MkdirTemp("/tmp", "s")
	if err != nil {
		return err
	}
	return listen("unixpacket", d+"/x")
}
