// Package incident is modelled on Incus CVE-2026-33711: a VM screenshot
// written to a name in /tmp built from an id, made with os.Create and
// restricted with Chmod afterwards (an earlier fix had used os.CreateTemp;
// a refactoring brought the fixed name back). Another user can read the
// file between the create and the Chmod (tempperm), and can plant a
// symlink at the name before the create (predictabletemp).
package incident

import (
	"fmt"
	"os"
)

func screenshot(id int, png []byte) (string, error) {
	p := fmt.Sprintf("/tmp/vmtool_screenshot_%d", id)
	f, err := os.Create(p) // want `os.Create creates a file in a shared temp dir with mode 0666 \(less the umask\), open to other users until the os.Chmod to 0o600 on line 21; create it with mode 0o600`
	if err != nil {
		return "", err
	}
	defer f.Close()
	if err := os.Chmod(p, 0o600); err != nil {
		return "", err
	}
	if _, err := f.Write(png); err != nil {
		return "", err
	}
	return p, nil
}

// The id is the process's: predictable.
func capture(png []byte) (string, error) { return screenshot(os.Getpid(), png) }
