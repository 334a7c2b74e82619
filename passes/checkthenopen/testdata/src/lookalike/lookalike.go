// Package lookalike pins decisions that come from types and constant
// values: renamed variants of the positives stay flagged, renamed variants
// of the quiet cases stay quiet, and code that only looks like a known API
// (by a package path, an identifier or a method name) is not taken for it.
package lookalike

import (
	"errors"
	cli "flag"
	iofs "io/fs"
	"net/http"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"example.com/fslock"
	"example.com/gin-gonic-tools/web"
	"example.com/mymux"
	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	fl "github.com/gofrs/flock"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
	"github.com/rogpeppe/go-internal/lockedfile"
	"golang.org/x/sys/unix"
)

// 1. A gin route parameter is request input.
func ginUpload(c *gin.Context) {
	name := c.Param("name")
	if _, err := os.Stat(name); os.IsNotExist(err) {
		os.WriteFile(name, nil, 0o600) // want `os.WriteFile\(name\) after os.Stat found it missing is racy: name comes from user input \(an HTTP request\)`
	}
}

// 2. An echo query parameter (an interface method).
func echoUpload(c echo.Context) {
	name := c.QueryParam("f")
	if _, err := os.Stat(name); os.IsNotExist(err) {
		os.WriteFile(name, nil, 0o600) // want `name comes from user input \(an HTTP request\)`
	}
}

// 3. A fiber route parameter.
func fiberUpload(c *fiber.Ctx) {
	name := c.Params("name")
	if _, err := os.Stat(name); os.IsNotExist(err) {
		os.WriteFile(name, nil, 0o600) // want `name comes from user input \(an HTTP request\)`
	}
}

// 4. gorilla/mux route variables.
func muxUpload(w http.ResponseWriter, r *http.Request) {
	name := mux.Vars(r)["name"]
	if _, err := os.Stat(name); os.IsNotExist(err) {
		os.WriteFile(name, nil, 0o600) // want `name comes from user input \(an HTTP request\)`
	}
}

// 5. A package whose path contains "gin-gonic" is not gin: still a race,
// but nothing says the name comes from a request.
func notGin(c *web.Context) {
	name := c.Param("name")
	if _, err := os.Stat(name); os.IsNotExist(err) {
		os.WriteFile(name, nil, 0o600) // want `os.WriteFile\(name\) after os.Stat found it missing is racy: another process can create it`
	}
}

// 6. Nor is a Vars function of a package whose path ends in "mux".
func notMux() {
	name := mymux.Vars()["name"]
	if _, err := os.Stat(name); os.IsNotExist(err) {
		os.WriteFile(name, nil, 0o600) // want `os.WriteFile\(name\) after os.Stat found it missing is racy: another process can create it`
	}
}

var (
	set     = cli.NewFlagSet("tool", cli.ExitOnError)
	outPath = set.String("o", "out.txt", "output")
	logPath = cli.String("log", "tool.log", "log file")
)

// 7. A FlagSet's string flag is a command-line flag.
func writeOut() {
	if _, err := os.Stat(*outPath); os.IsNotExist(err) {
		os.WriteFile(*outPath, nil, 0o600) // want `comes from user input \(a command-line flag\)`
	}
}

// 8. The flag package under another import name.
func writeLog() {
	if _, err := os.Stat(*logPath); os.IsNotExist(err) {
		os.WriteFile(*logPath, nil, 0o600) // want `comes from user input \(a command-line flag\)`
	}
}

// 9. A package with "lock" in its path and a Lock method takes no
// inter-process lock.
func notALock(names *fslock.Lock, dir string) error {
	names.Lock(dir)
	p := filepath.Join(dir, "state.json")
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return os.WriteFile(p, nil, 0o600) // want `os.WriteFile\(p\) after os.Stat found it missing`
	}
	return nil
}

// 10. flock(2) that unlocks locks nothing.
func unlocked(h *os.File, p string) error {
	syscall.Flock(int(h.Fd()), syscall.LOCK_UN)
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return os.WriteFile(p, nil, 0o600) // want `os.WriteFile\(p\) after os.Stat found it missing`
	}
	return nil
}

// 11. flock(2) of a number that is not shown to be a file's descriptor.
func lockNumber(fd int, p string) error {
	if err := syscall.Flock(fd, syscall.LOCK_EX); err != nil {
		return err
	}
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return os.WriteFile(p, nil, 0o600) // want `os.WriteFile\(p\) after os.Stat found it missing`
	}
	return nil
}

// O_NOFOLLOW and O_TRUNC declared by this package with other values: the
// names mean nothing, the values do.
const (
	O_NOFOLLOW = 0
	O_TRUNC    = 0
)

// 12. A constant spelled O_NOFOLLOW whose value is 0 does not refuse
// symlinks.
func fakeNoFollow(p string) (*os.File, error) {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return nil, errors.New("symlink")
	}
	return os.OpenFile(p, os.O_RDONLY|O_NOFOLLOW, 0) // want `os.OpenFile\(p\) follows a symlink swapped in after the os.Lstat symlink check.*open first, then compare`
}

// 13. Truncation under another name: the advice is to open without it.
func wipe(p string) error {
	const clear = syscall.O_TRUNC
	fi, err := os.Lstat(p)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return errors.New("not regular")
	}
	f, err := os.OpenFile(p, os.O_WRONLY|clear, 0) // want `os.OpenFile\(p\) follows a symlink.*open without O_TRUNC`
	if err != nil {
		return err
	}
	return f.Close()
}

// 14. The existence sentinel under another import name.
func aliasSentinel(p string) error {
	if _, err := os.Stat(p); errors.Is(err, iofs.ErrNotExist) {
		return os.WriteFile(p, nil, 0o600) // want `os.WriteFile\(p\) after os.Stat found it missing`
	}
	return nil
}

// ErrNotExist of this package is not the file system's sentinel.
var ErrNotExist = errors.New("no such record")

// 15. errors.Is with a look-alike sentinel tests nothing about the file.
func ownSentinel(p string) error {
	if _, err := os.Stat(p); errors.Is(err, ErrNotExist) {
		return os.WriteFile(p, nil, 0o600)
	}
	return nil
}

// 16. gofrs/flock under another import name, read-locked.
func readLocked(dir string) error {
	mu := fl.New(filepath.Join(dir, ".lock"))
	if err := mu.RLock(); err != nil {
		return err
	}
	defer mu.Unlock()
	p := filepath.Join(dir, "state.json")
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return os.WriteFile(p, nil, 0o600)
	}
	return nil
}

// 17. lockedfile's mutex.
func mutexLocked(dir string) error {
	unlock, err := lockedfile.MutexAt(filepath.Join(dir, ".lock")).Lock()
	if err != nil {
		return err
	}
	defer unlock()
	p := filepath.Join(dir, "state.json")
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return os.WriteFile(p, nil, 0o600)
	}
	return nil
}

// 18. An fcntl write lock on a file's descriptor.
func fcntlLocked(h *os.File, p string) error {
	lk := &syscall.Flock_t{Type: syscall.F_WRLCK}
	if err := syscall.FcntlFlock(h.Fd(), syscall.F_SETLKW, lk); err != nil {
		return err
	}
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return os.WriteFile(p, nil, 0o600)
	}
	return nil
}

// 19. unix.Flock through a descriptor variable, non-blocking.
func unixLocked(h *os.File, p string) error {
	fd := int(h.Fd())
	if err := unix.Flock(fd, unix.LOCK_EX|unix.LOCK_NB); err != nil {
		return err
	}
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return os.WriteFile(p, nil, 0o600)
	}
	return nil
}

// 20. O_NOFOLLOW under another name.
func renamedNoFollow(p string) (*os.File, error) {
	const noLinks = unix.O_NOFOLLOW
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return nil, errors.New("symlink")
	}
	return os.OpenFile(p, os.O_RDONLY|noLinks, 0)
}

// 21. A benchmark helper (a *testing.B parameter under any name).
func prepare(bench *testing.B, p string) {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		os.WriteFile(p, make([]byte, 1<<20), 0o644)
	}
}

// 22. A skip is an assertion too (in a closure, which has no testing
// parameter of its own).
func needsFixture(h testing.TB, p string) {
	write := func() {
		if _, err := os.Stat(p); err == nil {
			h.Skipf("fixture %s already there", p)
		}
		os.WriteFile(p, nil, 0o600)
	}
	write()
}
