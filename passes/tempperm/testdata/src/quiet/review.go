package quiet

import (
	"net"
	"os"
	"path/filepath"
	"runtime"
)

// A Unix socket that clients of other users connect to: 0666 on purpose.
func serveSocket() (net.Listener, error) {
	p := filepath.Join(os.TempDir(), "agent.sock")
	os.Remove(p)
	l, err := net.Listen("unix", p)
	if err != nil {
		return nil, err
	}
	return l, os.Chmod(p, 0o666)
}

// A reassigned parameter: the caller's directory is unknown.
func writeReport(dir string, data []byte) error {
	if dir == "" {
		dir = os.TempDir()
	}
	return os.WriteFile(filepath.Join(dir, "report.txt"), data, 0o644)
}

// Windows has no group/other bits and a per-user temp dir.
func perOS(data []byte) error {
	if runtime.GOOS == "windows" {
		return os.WriteFile(filepath.Join(os.TempDir(), "app.cfg"), data, 0o644)
	}
	return nil
}

// TMPDIR is set to a private directory first.
func redirected(data []byte) error {
	os.Setenv("TMPDIR", "/var/lib/app/tmp")
	return os.WriteFile(filepath.Join(os.TempDir(), "app.cfg"), data, 0o644)
}

// One caller passes a directory of its own: unknown.
func writeGenerated(dir string, src []byte) error {
	return os.WriteFile(filepath.Join(dir, "gen.go"), src, 0o644)
}

func generate(out string, src []byte) error {
	if err := writeGenerated(os.TempDir(), src); err != nil {
		return err
	}
	return writeGenerated(out, src)
}

// Exported: other packages may pass any directory.
func WriteGenerated(dir string, src []byte) error {
	return os.WriteFile(filepath.Join(dir, "gen.go"), src, 0o644)
}

func generateExported(src []byte) error { return WriteGenerated(os.TempDir(), src) }
