package quiet

import (
	"os"
	"syscall"
)

// Look-alikes: a root on a private dir or a caller's dir, private modes,
// an open that does not create.
func rootModes(dir string, data []byte) {
	d, _ := os.MkdirTemp("", "x")
	r, _ := os.OpenRoot(d)
	r.WriteFile("report.json", data, 0o644)
	u, _ := os.OpenRoot(dir)
	u.WriteFile("report.json", data, 0o644)
	t, _ := os.OpenRoot(os.TempDir())
	t.WriteFile("report.json", data, 0o600)
	t.OpenFile("report.json", os.O_RDWR, 0o644)
	fd, _ := syscall.Open("/tmp/app.lock", syscall.O_RDONLY, 0o644)
	syscall.Close(fd)
}
