package flagged

import (
	"os"
	"syscall"
)

// Modes given through an *os.Root opened on a shared temp dir, and through
// syscall, are modes of files in that dir.
func rootModes(data []byte) error {
	r, err := os.OpenRoot(os.TempDir())
	if err != nil {
		return err
	}
	defer r.Close()
	if err := r.WriteFile("report.json", data, 0o644); err != nil { // want `Root.WriteFile creates a file in a shared temp dir with mode 0o644, readable by other users; use 0o600`
		return err
	}
	if err := r.Mkdir("cache", 0o755); err != nil { // want `Root.Mkdir creates a directory in a shared temp dir with mode 0o755`
		return err
	}
	return r.Chmod("report.json", 0o666) // want `Root.Chmod .* mode 0o666`
}

func rawModes() {
	fd, _ := syscall.Open("/tmp/app.sock.lock", syscall.O_CREAT|syscall.O_RDWR, 0o644) // want `syscall.Open creates a file in a shared temp dir with mode 0o644`
	syscall.Close(fd)
}
