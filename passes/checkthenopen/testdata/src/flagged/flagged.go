// Package flagged holds check-then-use races that checkthenopen reports.
package flagged

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"syscall"

	"github.com/gofrs/flock"
	"golang.org/x/sys/unix"
	"helpers"
)

// 1. Stat+IsNotExist then Create: the whole if is rewritten.
func createIfMissing(p string) error {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		f, err := os.Create(p) // want `os.Create\(p\) after os.Stat found it missing is racy: another process can create it or plant a symlink there in between; create it with os.OpenFile and os.O_CREATE\|os.O_EXCL instead`
		if err != nil {
			return err
		}
		return f.Close()
	}
	return nil
}

// 2. errors.Is(err, fs.ErrNotExist) with an else branch.
func createElse(p string) (*os.File, error) {
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		f, err := os.Create(p) // want `os.Create\(p\) after os.Stat found it missing is racy`
		if err != nil {
			return nil, err
		}
		return f, nil
	} else {
		return nil, fmt.Errorf("%s already exists", p)
	}
}

// 3. Early return when it exists, then Create: the call is replaced.
func refuseOverwrite(p string) error {
	if _, err := os.Stat(p); err == nil {
		return fmt.Errorf("%s exists", p)
	}
	f, err := os.Create(p) // want `os.Create\(p\) after os.Stat found it missing`
	if err != nil {
		return err
	}
	return f.Close()
}

// 4. A lock file in /tmp: WriteFile has no exclusive form (no fix).
func lock() error {
	const lockPath = "/tmp/myapp.lock"
	if _, err := os.Stat(lockPath); err == nil {
		return errors.New("already running")
	}
	return os.WriteFile(lockPath, []byte("1"), 0o644) // want `os.WriteFile\(lockPath\) after os.Stat found it missing, or failed, is racy: lockPath is in the shared temp dir /tmp, where any local user can create it or plant a symlink there in between`
}

// 5. OpenFile with O_CREATE but no O_EXCL: O_EXCL is added.
func openCreate(p string) (*os.File, error) {
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		return nil, errors.New("exists")
	}
	return os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600) // want `os.OpenFile\(p\) after os.Stat found it missing`
}

// 6. Stat then MkdirAll: MkdirAll alone.
func ensureDir(dir string) {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		os.MkdirAll(dir, 0o755) // want `os.MkdirAll\(dir\) after os.Stat found it missing is a redundant, racy check: os.MkdirAll already succeeds if the directory exists; call it without the check`
	}
}

// 7. The MkdirAll error is handled inside the branch.
func ensureDirErr(dir string) error {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		if err := os.MkdirAll(dir, 0o750); err != nil { // want `os.MkdirAll\(dir\)`
			return fmt.Errorf("mkdir %s: %w", dir, err)
		}
	}
	return nil
}

// 8. err != nil as the missing test.
func ensureDirAny(dir string) (err error) {
	if _, serr := os.Stat(dir); serr != nil {
		err = os.MkdirAll(dir, 0o700) // want `os.MkdirAll\(dir\)`
	}
	return err
}

// 9. Mkdir is atomic, but the check still races (no fix: the exists case
// would become an error).
func mkdirOnce(dir string) error {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return os.Mkdir(dir, 0o700) // want `os.Mkdir\(dir\) after os.Stat found it missing is racy.*handle errors.Is\(err, fs.ErrExist\)`
	}
	return nil
}

// 10. Lstat then Symlink.
func linkOnce(target, link string) error {
	if _, err := os.Lstat(link); os.IsNotExist(err) {
		return os.Symlink(target, link) // want `os.Symlink\(..., link\) after os.Lstat found it missing`
	}
	return nil
}

// 11. Hard link.
func hardLink(old, name string) error {
	if _, err := os.Stat(name); err != nil {
		return os.Link(old, name) // want `os.Link\(..., name\) after os.Stat found it missing`
	}
	return nil
}

// 12. No-clobber rename.
func noClobber(src, dst string) error {
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("%s exists", dst)
	}
	return os.Rename(src, dst) // want `os.Rename\(..., dst\) after os.Stat found the target missing, or failed, is racy`
}

// 13. Remove only if it exists: Remove alone.
func removeIfExists(p string) {
	if _, err := os.Stat(p); err == nil {
		os.Remove(p) // want `os.Remove\(p\) after os.Stat found it present is racy.*ignore errors.Is\(err, fs.ErrNotExist\)`
	}
}

// 14. !os.IsNotExist then RemoveAll.
func clean(dir string) {
	if _, err := os.Lstat(dir); !os.IsNotExist(err) {
		os.RemoveAll(dir) // want `os.RemoveAll\(dir\) after os.Lstat found it, or failed, is a redundant, racy check: another process can remove or replace it in between; call os.RemoveAll alone \(it returns nil if the path is missing\)`
	}
}

// 15. Backup an existing file (no fix).
func backup(p string) error {
	if _, err := os.Stat(p); err == nil {
		if err := os.Rename(p, p+".bak"); err != nil { // want `os.Rename\(p, ...\) after os.Stat found it present is racy`
			return err
		}
	}
	return nil
}

// 16. Chmod when it exists.
func tighten(p string) {
	if _, err := os.Stat(p); err == nil {
		os.Chmod(p, 0o600) // want `os.Chmod\(p\) after os.Stat found it present is racy: another process can replace it with a symlink in between`
	}
}

// 17. A file-type check then Chmod.
func chmodRegular(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	if fi.Mode().IsRegular() {
		return os.Chmod(p, 0o644) // want `os.Chmod\(p\) trusts a file-type check by os.Stat`
	}
	return nil
}

// 18. Symlink check then Open: verify the handle (os.SameFile).
func openNoLink(p string) (*os.File, error) {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return nil, errors.New("refusing to follow a symlink")
	}
	f, err := os.Open(p) // want `os.Open\(p\) follows a symlink swapped in after the os.Lstat symlink check`
	if err != nil {
		return nil, err
	}
	return f, nil
}

// 19. Symlink check then ReadFile (no handle: no fix).
func readNoLink(p string) ([]byte, error) {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if fi.Mode().Type() == os.ModeSymlink {
		return nil, errors.New("symlink")
	}
	return os.ReadFile(p) // want `os.ReadFile\(p\) follows a symlink`
}

// 20. Lstat + IsRegular then OpenFile for writing.
func writeRegular(p string, data []byte) error {
	fi, err := os.Lstat(p)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", p)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_TRUNC, 0) // want `os.OpenFile\(p\) follows a symlink.*open without O_TRUNC, compare f.Stat\(\) with os.SameFile, then call f.Truncate\(0\)`
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(data)
	return err
}

// 21. Permission check then ReadFile.
func readKey(p string) ([]byte, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%s: permissions too open", p)
	}
	return os.ReadFile(p) // want `os.ReadFile\(p\) trusts a permission check by os.Stat`
}

// 22. Owner check then ReadFile.
func readOwned(p string) ([]byte, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || st.Uid != uint32(os.Getuid()) {
		return nil, errors.New("not ours")
	}
	return os.ReadFile(p) // want `os.ReadFile\(p\) trusts a permission check`
}

const wOK = 0x2 // W_OK

// 23. access(2) then write: the classic setuid race.
func writeIfAllowed(p string, data []byte) error {
	if err := syscall.Access(p, wOK); err != nil {
		return fmt.Errorf("not writable: %w", err)
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile\(p\) after syscall.Access is racy \(access checks the real user`
}

// 24. unix.Access tested directly.
func readIfAllowed(p string) ([]byte, error) {
	if unix.Access(p, unix.R_OK) == nil {
		return os.ReadFile(p) // want `os.ReadFile\(p\) after unix.Access is racy`
	}
	return nil, errors.New("denied")
}

// 25. access(F_OK) is an existence check.
func createIfNoAccess(p string) error {
	if err := unix.Access(p, unix.F_OK); err != nil {
		return os.WriteFile(p, nil, 0o600) // want `os.WriteFile\(p\) after unix.Access found it missing`
	}
	return nil
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// 26. A same-package wrapper.
func writeDefault(p string) error {
	if !fileExists(p) {
		return os.WriteFile(p, []byte("{}"), 0o644) // want `os.WriteFile\(p\) after fileExists found it missing`
	}
	return nil
}

func pathExists(p string) (bool, error) {
	_, err := os.Stat(p)
	if err == nil {
		return true, nil
	}
	if os.IsNotExist(err) {
		return false, nil
	}
	return false, err
}

// 27. The (bool, error) wrapper, through a variable; MkdirAll alone would do.
func ensureCache(dir string) error {
	ok, err := pathExists(dir)
	if err != nil {
		return err
	}
	if !ok {
		return os.MkdirAll(dir, 0o700) // want `os.MkdirAll\(dir\) after pathExists found it missing`
	}
	return nil
}

func notExists(p string) bool {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return true
	}
	return false
}

// 28. A wrapper whose true result means missing.
func initFile(p string) error {
	if notExists(p) {
		f, err := os.Create(p) // want `os.Create\(p\) after notExists found it missing`
		if err != nil {
			return err
		}
		return f.Close()
	}
	return nil
}

// 29. A wrapper from another package (through its fact).
func writeOnce(p string, data []byte) error {
	if helpers.FileExists(p) {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile\(p\) after FileExists found it missing`
}

// 30. A tagless switch.
func switchCreate(p string) error {
	_, err := os.Stat(p)
	switch {
	case err == nil:
		return errors.New("exists")
	case os.IsNotExist(err):
		f, err := os.Create(p) // want `os.Create\(p\) after os.Stat found it missing`
		if err != nil {
			return err
		}
		return f.Close()
	default:
		return err
	}
}

// 31. Through a boolean variable.
func viaBool(p string) error {
	_, err := os.Stat(p)
	exists := err == nil
	if !exists {
		return os.WriteFile(p, nil, 0o600) // want `os.WriteFile\(p\) after os.Stat found it missing`
	}
	return nil
}

// 32. The pprof loop: the first free name (google/pprof#565).
func newFile(base string) (*os.File, error) {
	for i := 0; i < 1000; i++ {
		name := fmt.Sprintf("%s.%03d.pb.gz", base, i)
		if _, err := os.Stat(name); os.IsNotExist(err) {
			f, err := os.Create(name) // want `os.Create\(name\) after os.Stat found it missing`
			if err != nil {
				return nil, err
			}
			return f, nil
		}
	}
	return nil, errors.New("no free name")
}

// 33. The same filepath.Join of the same operands.
func joined(dir, name string) error {
	if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
		return nil
	}
	return os.WriteFile(filepath.Join(dir, name), nil, 0o600) // want `os.WriteFile\(filepath.Join\(dir, name\)\) after os.Stat found it missing`
}

// 34. A path from the command line.
func fromArgs() error {
	p := os.Args[1]
	if _, err := os.Stat(p); err == nil {
		return errors.New("exists")
	}
	return os.WriteFile(p, nil, 0o600) // want `os.WriteFile\(p\) after os.Stat found it missing, or failed, is racy: p comes from user input \(os.Args\)`
}

// 35. A predictable name in os.TempDir().
func tempLog() error {
	p := filepath.Join(os.TempDir(), "app.log")
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return os.WriteFile(p, nil, 0o600) // want `p is in the shared temp dir os.TempDir\(\)`
	}
	return nil
}

// 36. The FileInfo compared with nil.
func viaInfo(p string) error {
	fi, _ := os.Stat(p)
	if fi == nil {
		return os.WriteFile(p, nil, 0o600) // want `os.WriteFile\(p\) after os.Stat found it missing`
	}
	return nil
}

type store struct{ path string }

// 37. A field of the receiver.
func (s *store) init() error {
	if _, err := os.Stat(s.path); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return os.WriteFile(s.path, nil, 0o600) // want `os.WriteFile\(s.path\) after os.Stat found it missing`
}

// 38. An else-if chain.
func dirOrCreate(dir string) error {
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	} else if os.IsNotExist(err) {
		return os.Mkdir(dir, 0o700) // want `os.Mkdir\(dir\) after os.Stat found it missing`
	}
	return nil
}

// 39. os.IsExist misused on a Stat error: the intent is still "create if missing".
func misusedIsExist(p string) {
	if _, err := os.Stat(p); !os.IsExist(err) {
		os.Create(p) // want `os.Create\(p\) after os.Stat found it missing`
	}
}

// 40. Lstat symlink check then Chown.
func chownNoLink(p string, uid, gid int) error {
	fi, err := os.Lstat(p)
	if err != nil {
		return err
	}
	if fi.Mode()&os.ModeSymlink == 0 {
		return os.Chown(p, uid, gid) // want `os.Chown\(p\) follows a symlink swapped in after the os.Lstat symlink check`
	}
	return nil
}

var out = flag.String("o", "out.txt", "output file")

// 41. A path from a flag.
func writeOut(data []byte) error {
	if _, err := os.Stat(*out); err == nil {
		return errors.New("refusing to overwrite")
	}
	return os.WriteFile(*out, data, 0o644) // want `comes from user input \(a command-line flag\)`
}

// 42. A not-exist test in the failure branch makes it a decision.
func removeStale(p string) error {
	_, err := os.Stat(p)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	return os.Remove(p) // want `os.Remove\(p\) after os.Stat found it present is racy`
}

// 43. A directory wrapper from another package, then MkdirAll.
func ensureOut(dir string) {
	if !helpers.IsDir(dir) {
		os.MkdirAll(dir, 0o755) // want `os.MkdirAll\(dir\) after IsDir found it missing, of another type, or failed, is a redundant, racy check`
	}
}

// 44. Remove with its error handled: a missing file stays a success.
func removeErr(sock string) error {
	if _, err := os.Stat(sock); err == nil {
		if err := os.Remove(sock); err != nil { // want `os.Remove\(sock\) after os.Stat found it present is racy`
			return fmt.Errorf("removing stale socket: %w", err)
		}
	}
	return nil
}

// 46. The README of a cache dir, created when missing (x/text's gen).
func readme(dir string) {
	p := filepath.Join(dir, "README")
	if _, err := os.Stat(p); err != nil {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			panic(err)
		}
		os.WriteFile(p, []byte("cache"), 0o644) // want `os.WriteFile\(p\) after os.Stat found it missing`
	}
}

// 47. A permission test through a FileMode variable.
func readPrivate(p string) ([]byte, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	mode := fi.Mode()
	if mode&0o022 != 0 {
		return nil, errors.New("group or world writable")
	}
	return os.ReadFile(p) // want `os.ReadFile\(p\) trusts a permission check by os.Stat`
}

var configPath = "/etc/app/config.json"

// 48. var declarations and a package-level path.
func createConfig() {
	var _, err = os.Stat(configPath)
	if os.IsNotExist(err) {
		var file, err = os.Create(configPath) // want `os.Create\(configPath\) after os.Stat found it missing`
		if err != nil {
			return
		}
		defer file.Close()
	}
}

// 49. An && chain in the condition.
func createIfNecessary(path string) {
	_, err := os.Stat(path)
	if err != nil && os.IsNotExist(err) {
		if file, err := os.Create(path); err == nil { // want `os.Create\(path\) after os.Stat found it missing`
			file.Close()
		}
	}
}

// 50. err == nil || os.IsExist(err), then the else branch creates.
func orExist(p string) {
	_, err := os.Stat(p)
	if err == nil || os.IsExist(err) {
		fmt.Println("exists")
	} else {
		f, _ := os.OpenFile(p, os.O_CREATE|os.O_WRONLY, 0o644) // want `os.OpenFile\(p\) after os.Stat found it missing, or failed, is racy: .*add os.O_EXCL to the flags`
		f.Close()
	}
}

// 51. Refuse to overwrite unless forced: without -force the check decides.
func save(p string, data []byte, force bool) error {
	if _, err := os.Stat(p); err == nil && !force {
		return fmt.Errorf("%s exists (use -force)", p)
	}
	return os.WriteFile(p, data, 0o644) // want `os.WriteFile\(p\) after os.Stat found it missing`
}

// 52. The same with a wrapper and a nested option test.
func export(p string, overwrite bool) error {
	if fileExists(p) {
		if !overwrite {
			return errors.New("exists")
		}
	}
	f, err := os.Create(p) // want `os.Create\(p\) after fileExists found it missing`
	if err != nil {
		return err
	}
	return f.Close()
}

// 53. The body redeclares err: only the call is replaced.
func createAndWrite(p string, data []byte) error {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		f, err := os.Create(p) // want `os.Create\(p\) after os.Stat found it missing`
		if err != nil {
			return err
		}
		n, err := f.Write(data)
		if err != nil || n < len(data) {
			f.Close()
			return err
		}
		return f.Close()
	}
	return nil
}

// 54. An access(2) wrapper from another package, then a write.
func appendLog(p string, line []byte) error {
	if !helpers.Writable(p) {
		return fmt.Errorf("%s is not writable", p)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0) // want `os.OpenFile\(p\) trusts a permission check by Writable`
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(line)
	return err
}

// 55. Missing or not a directory, then MkdirAll.
func ensureDirType(dir string) error {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return os.MkdirAll(dir, 0o755) // want `os.MkdirAll\(dir\) after os.Stat found it missing, of another type, or failed, is a redundant, racy check`
	}
	return nil
}

type fsUtil struct{ root string }

func (fsUtil) exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// 56. A method wrapper.
func (u fsUtil) touch(p string) error {
	if u.exists(p) {
		return nil
	}
	return os.WriteFile(p, nil, 0o644) // want `os.WriteFile\(p\) after exists found it missing`
}

// 57. An extra condition: the if is kept, only the call is replaced.
func createUnlessDry(p string, dryRun bool) error {
	if _, err := os.Stat(p); os.IsNotExist(err) && !dryRun {
		f, err := os.Create(p) // want `os.Create\(p\) after os.Stat found it missing`
		if err != nil {
			return err
		}
		return f.Close()
	}
	return nil
}

// 58. MkdirAll under an extra condition: no fix (the condition matters).
func mkdirUnlessDry(dir string, dryRun bool) {
	if _, err := os.Stat(dir); os.IsNotExist(err) && !dryRun {
		os.MkdirAll(dir, 0o755) // want `os.MkdirAll\(dir\) after os.Stat found it missing`
	}
}

// 59. A path from an HTTP request.
func upload(w http.ResponseWriter, r *http.Request) {
	name := filepath.Join("/srv/uploads", filepath.Base(r.FormValue("name")))
	if _, err := os.Stat(name); err == nil {
		http.Error(w, "exists", http.StatusConflict)
		return
	}
	os.WriteFile(name, nil, 0o600) // want `name comes from user input \(an HTTP request\)`
}

// 60. Missing, or present and not a symlink: then a write.
func writeNoLink(p string, data []byte) error {
	fi, err := os.Lstat(p)
	if err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("%s is a symlink", p)
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile\(p\) follows a symlink swapped in after the os.Lstat symlink check`
}

func ensureAbsent(p string) error {
	if _, err := os.Stat(p); err == nil {
		return fmt.Errorf("%s already exists", p)
	} else if !os.IsNotExist(err) {
		return err
	}
	return nil
}

// 61. A wrapper that returns an error: nil means "missing".
func newProject(p string) error {
	if err := ensureAbsent(p); err != nil {
		return err
	}
	return os.WriteFile(p, []byte("module x\n"), 0o644) // want `os.WriteFile\(p\) after ensureAbsent found it missing`
}

// 62. ensureDir returning MkdirAll's error, then return nil: the two
// statements become one return.
func ensureDirReturn(dir string) error {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return os.MkdirAll(dir, 0o755) // want `os.MkdirAll\(dir\) after os.Stat found it missing is a redundant, racy check`
	}
	return nil
}

// 63. The same through a wrapper.
func ensureDirHelperReturn(dir string) error {
	if !fileExists(dir) {
		return os.MkdirAll(dir, 0o700) // want `os.MkdirAll\(dir\) after fileExists found it missing, or failed, is a redundant, racy check`
	}
	return nil
}

// 64. The branch also logs: reported, no fix (it would drop the log).
func ensureDirLog(dir string) error {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		fmt.Println("creating", dir)
		return os.MkdirAll(dir, 0o755) // want `os.MkdirAll\(dir\) after os.Stat found it missing`
	}
	return nil
}

// 65. The branch sets a flag used later: reported, no fix.
func ensureDirCreated(dir string) (bool, error) {
	created := false
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		if err := os.MkdirAll(dir, 0o755); err != nil { // want `os.MkdirAll\(dir\) after os.Stat found it missing`
			return false, err
		}
		created = true
	}
	return created, nil
}

// 67. A shared temp dir: another user can own the directory.
func sharedCacheDir() error {
	dir := filepath.Join(os.TempDir(), "mytool-cache")
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return os.MkdirAll(dir, 0o700) // want `os.MkdirAll\(dir\) after os.Stat found it missing is racy: dir is in the shared temp dir os.TempDir\(\), where any local user can create it first and own it; use os.MkdirTemp for a private directory`
	}
	return nil
}

// 69. An installer with -force: reported, but O_EXCL would break -force
// (the file exists when forced), so no fix.
func installForce(dst string, data []byte, force bool) error {
	if _, err := os.Stat(dst); err == nil && !force {
		return fmt.Errorf("%s exists (use -force)", dst)
	}
	out, err := os.Create(dst) // want `os.Create\(dst\) after os.Stat found it missing, or failed, is racy: .*create it with os.O_CREATE\|os.O_EXCL unless overwriting, and os.Rename a temp file over it when overwriting`
	if err != nil {
		return err
	}
	_, err = out.Write(data)
	return err
}

// 70. The same with os.OpenFile: no O_EXCL fix.
func installForceOpenFile(dst string, data []byte, force bool) error {
	if _, err := os.Stat(dst); err == nil && !force {
		return fmt.Errorf("%s exists (use -force)", dst)
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644) // want `os.OpenFile\(dst\) after os.Stat found it missing, or failed, is racy: .*unless overwriting`
	if err != nil {
		return err
	}
	return out.Close()
}

// 71. Missing or forced: the create runs on an existing file when forced.
func initForce(p string, force bool) error {
	if _, err := os.Stat(p); os.IsNotExist(err) || force {
		f, err := os.Create(p) // want `os.Create\(p\) after os.Stat found it missing is racy: .*unless overwriting`
		if err != nil {
			return err
		}
		return f.Close()
	}
	return nil
}

// 72. Stat then Mkdir with its error checked: the check goes, and
// fs.ErrExist stays a success.
func makeOutDir(dir string) error {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		if err := os.Mkdir(dir, 0o750); err != nil { // want `os.Mkdir\(dir\) after os.Stat found it missing is racy.*handle errors.Is\(err, fs.ErrExist\)`
			return fmt.Errorf("create output dir: %w", err)
		}
	}
	return nil
}

// 73. Stat then Mkdir, error ignored: the check goes.
func makeOutDirQuiet(dir string) {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		os.Mkdir(dir, 0o750) // want `os.Mkdir\(dir\) after os.Stat found it missing is racy`
	}
}

// 74. err = os.Mkdir keeps the error: dropping the check would turn an
// existing directory into an error, so no fix.
func makeOutDirErr(dir string) (err error) {
	if _, err = os.Stat(dir); os.IsNotExist(err) {
		err = os.Mkdir(dir, 0o750) // want `os.Mkdir\(dir\) after os.Stat found it missing is racy`
	}
	return err
}

// 75. Reset an output dir: RemoveAll when present, then MkdirAll. The
// check goes; RemoveAll already returns nil for a missing path.
func resetDir(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		if err := os.RemoveAll(dir); err != nil { // want `os.RemoveAll\(dir\) after os.Stat found it present is a redundant, racy check`
			return err
		}
	}
	return os.MkdirAll(dir, 0o755)
}

// 76. flock.New only builds the lock; nothing is locked before the check.
func notLocked(dir string, data []byte) error {
	l := flock.New(filepath.Join(dir, ".lock"))
	defer l.Unlock()
	p := filepath.Join(dir, "state.json")
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return os.WriteFile(p, data, 0o600) // want `os.WriteFile\(p\) after os.Stat found it missing`
	}
	return nil
}

// 77. Append after a symlink check: the open neither creates nor
// truncates, so verifying the handle before writing closes the race.
func appendNoLink(p string, line []byte) error {
	fi, err := os.Lstat(p)
	if err != nil {
		return err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("%s is a symlink", p)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0) // want `os.OpenFile\(p\) follows a symlink swapped in after the os.Lstat symlink check.*open first, then compare f.Stat\(\) with os.SameFile`
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(line)
	return err
}

// 78. Comments in the branch stay with the MkdirAll.
func ensureDirCommented(dir string) error {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		// Create the directory tree for the outputs.
		if err := os.MkdirAll(dir, 0o755); err != nil { // want `os.MkdirAll\(dir\) after os.Stat found it missing is a redundant, racy check`
			return err
		}
	}
	return nil
}
