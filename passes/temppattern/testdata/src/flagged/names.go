package flagged

import "os"

// Quiet before only because of their names, comments or the words of
// their patterns; names and comments are no evidence, so these are
// reported like any hard-coded /tmp.

func socketDir() (string, error) {
	// The socket path must be short: macOS's $TMPDIR is too long.
	return os.MkdirTemp("/tmp", "agent-") // want `os.MkdirTemp dir "/tmp" ignores \$TMPDIR`
}

func socketPattern() (string, error) {
	return os.MkdirTemp("/tmp", "grpc-sock-") // want `os.MkdirTemp dir "/tmp" ignores \$TMPDIR`
}

func dockerMount() (string, error) {
	// Docker Desktop shares /tmp with the VM, not $TMPDIR's /var/folders.
	return os.MkdirTemp("/tmp", "fixture-") // want `os.MkdirTemp dir "/tmp" ignores \$TMPDIR`
}

func needsXattrs() (string, error) {
	// $TMPDIR may be a tmpfs without user xattrs on some CI runners.
	return os.MkdirTemp("/var/tmp", "xattr-test-") // want `os.MkdirTemp dir "/var/tmp" ignores \$TMPDIR`
}

type hostConfig struct{ Binds []string }

// The same with a container client's host config.
func mountConfig() (hostConfig, error) {
	dir, err := os.MkdirTemp("/tmp", "vol-") // want `os.MkdirTemp dir "/tmp" ignores \$TMPDIR`
	if err != nil {
		return hostConfig{}, err
	}
	return hostConfig{Binds: []string{dir + ":/vol"}}, nil
}

// A helper that makes the directory for a Unix socket: its name says so.
func unixSocketDir() (string, error) {
	return os.MkdirTemp("/tmp", "d") // want `os.MkdirTemp dir "/tmp" ignores \$TMPDIR`
}

// The same through a variable's name.
func agentAddr() string {
	d, _ := os.MkdirTemp("/tmp", "agent") // want `os.MkdirTemp dir "/tmp" ignores \$TMPDIR`
	sockPath := d + "/agent.s"
	return sockPath
}

// A type spelled like a container client's host config, declared here:
// only the real client types' bind-mount fields count.
type HostConfig struct{ Binds, Mounts []string }

func localHostConfig() (HostConfig, error) {
	dir, err := os.MkdirTemp("/tmp", "bind-") // want `os.MkdirTemp dir "/tmp" ignores \$TMPDIR`
	return HostConfig{Mounts: []string{dir}}, err
}
