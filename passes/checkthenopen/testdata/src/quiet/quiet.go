// Package quiet holds look-alikes that checkthenopen must not report.
package quiet

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/gofrs/flock"
	"helpers"
)

// 1. The check only logs; the create happens either way.
func logOnly(p string) {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		log.Printf("creating %s", p)
	}
	os.Create(p)
}

// 2. A different path.
func otherPath(p, q string) {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		os.Create(q)
	}
}

// 3. The path is reassigned between the check and the use.
func reassigned(p string) {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		p = filepath.Join(p, "default.conf")
		os.Create(p)
	}
}

// 4. Already exclusive.
func exclusive(p string) (*os.File, error) {
	if _, err := os.Stat(p); err == nil {
		return nil, errors.New("exists")
	}
	return os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
}

// 5. os.CreateTemp after a check of its directory.
func createTemp(dir string) (*os.File, error) {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return os.CreateTemp("", "fallback-*")
	}
	return os.CreateTemp(dir, "x-*")
}

// 6. os.MkdirTemp.
func mkdirTemp(base string) (string, error) {
	if _, err := os.Stat(base); err != nil {
		return "", err
	}
	return os.MkdirTemp(base, "work-*")
}

// 7. os.Root: a symlink check, then an open in the root (the link cannot
// lead out of it). (A Root.Stat then Root.Create is a race: see package root.)
func viaRoot(dir, name string) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	if fi, err := root.Lstat(name); err != nil || fi.Mode()&os.ModeSymlink != 0 {
		return errors.New("not a plain file")
	}
	f, err := root.Open(name)
	if err != nil {
		return err
	}
	return f.Close()
}

// 8. Stat then ReadFile for a nicer error.
func readConfig(p string) ([]byte, error) {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return nil, fmt.Errorf("config %s not found; run init first", p)
	}
	return os.ReadFile(p)
}

// 9. A directory test before reading, for a nicer error.
func readNotDir(p string) ([]byte, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s is a directory", p)
	}
	return os.ReadFile(p)
}

// 10. The check only propagates its error.
func removeChecked(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("stat: %w", err)
	}
	log.Printf("removing %s (%d bytes)", p, fi.Size())
	return os.Remove(p)
}

// 11. The same in a test helper (t.Fatal does not return).
func removeInTest(t *testing.T, p string) {
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	os.Remove(p)
}

// 12. Existence check on a directory, then a file in a different private dir.
func privateElsewhere(cacheDir string) (*os.File, error) {
	if _, err := os.Stat(cacheDir); os.IsNotExist(err) {
		tmp, err := os.MkdirTemp("", "cache-")
		if err != nil {
			return nil, err
		}
		return os.Create(filepath.Join(tmp, "data.bin"))
	}
	return os.Open(filepath.Join(cacheDir, "data.bin"))
}

// 13. A path inside a private directory cannot be raced by other users.
func privateSame(t *testing.T) {
	p := filepath.Join(t.TempDir(), "state.json")
	if _, err := os.Stat(p); os.IsNotExist(err) {
		os.WriteFile(p, []byte("{}"), 0o600)
	}
}

// 14. The use runs in another function (a goroutine).
func inGoroutine(p string) {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		go func() {
			os.Create(p)
		}()
	}
}

// 15. Update only if it exists: writing does not trust existence.
func updateIfExists(p string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		return os.WriteFile(p, data, 0o644)
	}
	return nil
}

// 16. Open only if it exists.
func openIfExists(p string) (*os.File, error) {
	if _, err := os.Stat(p); err != nil {
		return nil, nil
	}
	return os.Open(p)
}

// 17. A directory test before writing, for a nicer error.
func writeNotDir(p string, data []byte) error {
	if fi, err := os.Stat(p); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a directory", p)
	}
	return os.WriteFile(p, data, 0o644)
}

// 18. A symlink check, then an open that refuses symlinks.
func openNoFollow(p string) (*os.File, error) {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return nil, errors.New("symlink")
	}
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NOFOLLOW, 0)
}

// 19. A symlink check, then the opened file is verified with os.SameFile.
func openVerified(p string) (*os.File, error) {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	got, err := f.Stat()
	if err != nil || !os.SameFile(fi, got) {
		f.Close()
		return nil, errors.New("file changed")
	}
	return f, nil
}

// 20. err is reassigned between the check and the test.
func errReassigned(p string) error {
	_, err := os.Stat(p)
	err = validate(p)
	if err != nil {
		return os.WriteFile(p, nil, 0o600)
	}
	return nil
}

func validate(string) error { return nil }

// 21. The check comes after the use.
func checkAfter(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	f.Close()
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return errors.New("vanished")
	}
	return nil
}

// 22. Both outcomes lead to the use.
func bothBranches(p string) {
	_, err := os.Stat(p)
	if os.IsNotExist(err) {
		log.Print("new file")
	} else {
		log.Print("overwriting")
	}
	os.WriteFile(p, nil, 0o600)
}

// 23. A different constant path.
func otherConst() {
	if _, err := os.Stat("/etc/app.conf"); os.IsNotExist(err) {
		os.WriteFile("/etc/app.conf.example", nil, 0o644)
	}
}

func valid(p string) bool {
	data, err := os.ReadFile(p)
	return err == nil && len(data) > 0
}

// 24. A helper that reads, not an existence check.
func regenerate(p string) {
	if !valid(p) {
		os.WriteFile(p, []byte("default"), 0o644)
	}
}

// 25. A size test: the data, not the file, decides.
func fillEmpty(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	if fi.Size() == 0 {
		return os.WriteFile(p, []byte("default"), 0o644)
	}
	return nil
}

// 26. A modification-time test then Chmod, after error propagation.
func touchOld(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	if fi.ModTime().IsZero() {
		return nil
	}
	return os.Chmod(p, 0o644)
}

// 27. A shadowed variable of the same name.
func shadowed(dir string) {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		dir := filepath.Join(dir, "sub")
		os.MkdirAll(dir, 0o755)
	}
}

// 28. The error comes from os.Open, not from a check: open-or-create.
func openOrCreate(p string) (*os.File, error) {
	f, err := os.Open(p)
	if os.IsNotExist(err) {
		return os.Create(p)
	}
	return f, err
}

// 29. The path's address escapes: its value at the use is unknown.
func escapes(p string) {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		update(&p)
		os.Create(p)
	}
}

func update(p *string) { *p += ".new" }

// 30. Stat of p, remove of a sibling.
func removeSibling(p string) {
	if _, err := os.Stat(p); err == nil {
		os.Remove(p + ".tmp")
	}
}

// 31. Rename checked on neither side.
func renameOther(src, dst, marker string) error {
	if _, err := os.Stat(marker); err == nil {
		return os.Rename(src, dst)
	}
	return nil
}

// 32. Mkdir handling fs.ErrExist, no check.
func mkdirNoCheck(dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// 33. A wrapper that is not an existence check (size), then create.
func sizeWrapper(p string) {
	if helpers.Size(p) == 0 {
		os.WriteFile(p, []byte("x"), 0o644)
	}
}

// 34. The check's result is discarded.
func discarded(p string) {
	os.Stat(p)
	os.Create(p)
}

// 35. A check in a loop over other paths, the create after the loop.
func afterLoop(paths []string, out string) error {
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return err
		}
	}
	return os.WriteFile(out, nil, 0o644)
}

// 36. access(2) on one path, open of another.
func accessOther(p, q string) ([]byte, error) {
	if err := syscall.Access(p, 0x4); err != nil {
		return nil, err
	}
	return os.ReadFile(q)
}

// 37. Stat, then copy the file's contents somewhere else.
func copyIfExists(src, dst string) error {
	if _, err := os.Stat(src); os.IsNotExist(err) {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.CreateTemp(filepath.Dir(dst), ".copy-*")
	if err != nil {
		return err
	}
	defer out.Close()
	_, err = io.Copy(out, in)
	return err
}

// 38. The path variable is reassigned in a loop before the use.
func loopReassign(p string) {
	_, err := os.Stat(p)
	for i := 0; i < 3 && os.IsNotExist(err); i++ {
		p = fmt.Sprintf("%s.%d", p, i)
		os.WriteFile(p, nil, 0o600)
	}
}

// 39. Exists, then Create to truncate: does not trust the check.
func truncateExisting(p string) error {
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	return f.Close()
}

// 40. A check whose result decides only a log line; MkdirAll runs anyway.
func mkdirLogged(dir string) error {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		log.Printf("creating %s", dir)
	}
	return os.MkdirAll(dir, 0o755)
}

// 41. Cache trimming: the decision is the entry's age, not its existence.
func trim(dir string, names []string, cutoff time.Time) {
	for _, name := range names {
		entry := filepath.Join(dir, name)
		info, err := os.Stat(entry)
		if err == nil && info.ModTime().Before(cutoff) {
			if info.IsDir() {
				os.RemoveAll(entry)
				continue
			}
			os.Remove(entry)
		}
	}
}

// 42. Mkdir after a check, with the race handled like os.MkdirAll does.
func mkdirHandled(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	if err := os.Mkdir(dir, 0o700); err != nil {
		if fi, err1 := os.Lstat(dir); err1 == nil && fi.IsDir() {
			return nil
		}
		return err
	}
	return nil
}

// 43. Symlink after a check, treating fs.ErrExist as success.
func symlinkHandled(target, link string) error {
	if _, err := os.Lstat(link); err == nil {
		return nil
	}
	if err := os.Symlink(target, link); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// 44. Replace a stale symlink: the Lstat result's type decides, Remove does
// not follow links.
func replaceLink(target, link string) error {
	if fi, err := os.Lstat(link); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		os.Remove(link)
	}
	return os.Symlink(target, link)
}

// 45. A test assertion, then a write: the check decides nothing.
func assertThenWrite(t *testing.T, p string) {
	if _, err := os.Stat(p); err == nil {
		t.Fatalf("%s should not exist yet", p)
	}
	os.WriteFile(p, []byte("x"), 0o600)
}

// 46. A test assertion of existence, then cleanup.
func assertThenRemove(t *testing.T, p string) {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		t.Fatal("output missing")
	}
	os.Remove(p)
}

// 47. A cache short-circuit, then an atomic publish of a temp file.
func publish(dst string, data []byte) error {
	if _, err := os.Stat(dst); err == nil {
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".dl-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), dst)
}

// 48. cmd/go: remove a stale executable; the mode (through a variable)
// decides, and Remove does not follow symlinks.
func removeStaleBinary(targ string) {
	fi, err := os.Stat(targ)
	if err == nil {
		m := fi.Mode()
		if m.IsRegular() {
			if m&0o111 != 0 {
				os.Remove(targ)
			}
		}
	}
}

// 49. O_NOFOLLOW through a flags variable.
func openNoFollowVar(p string) (*os.File, error) {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return nil, errors.New("symlink")
	}
	flags := os.O_WRONLY | syscall.O_NOFOLLOW
	return os.OpenFile(p, flags, 0)
}

// 50. A nicer error for a missing file, then Remove: missing is an error
// either way.
func removeNicer(p string) error {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return fmt.Errorf("nothing to remove at %s", p)
	}
	return os.Remove(p)
}

// 51. The same through a wrapper, with log.Fatal.
func removeOrDie(p string) {
	if !helpers.FileExists(p) {
		log.Fatalf("%s does not exist", p)
	}
	os.Remove(p)
}

// 52. An option that only logs: the write happens on both outcomes.
func saveVerbose(p string, data []byte, verbose bool) error {
	if _, err := os.Stat(p); err == nil {
		if verbose {
			log.Printf("overwriting %s", p)
		}
	}
	return os.WriteFile(p, data, 0o644)
}

// 53. An option that skips the write altogether on the existing side.
func saveUnlessExists(p string, data []byte, dryRun bool) error {
	if dryRun {
		return nil
	}
	_, err := os.Stat(p)
	if err == nil {
		log.Printf("replacing %s", p)
	}
	return os.WriteFile(p, data, 0o644)
}

func expired(string) bool { return false }

// 54. Regenerate when missing or expired: the write does not trust the
// file's absence.
func regenerateCache(p string, data []byte) ([]byte, error) {
	if _, err := os.Stat(p); err == nil && !expired(p) {
		return os.ReadFile(p)
	}
	return data, os.WriteFile(p, data, 0o644)
}

// 55. A cache fill: write a sibling temp file, rename it into place; the
// early return on a hit is not a refusal to clobber.
func fill(dst string, data []byte) error {
	if _, err := os.Stat(dst); err == nil {
		return nil
	}
	tmp := dst + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}

// 56. An access(2) wrapper that is also true for missing paths.
func appendIfWritable(p string) {
	if helpers.WritableOrMissing(p) {
		os.WriteFile(p, nil, 0o600)
	}
}

// 57. A write-permission check of a directory, then a file inside it.
func writeInto(dir string, data []byte) error {
	if !helpers.Writable(dir) {
		return fmt.Errorf("%s is not writable", dir)
	}
	return os.WriteFile(filepath.Join(dir, "out.json"), data, 0o644)
}

// 58. Missing or not a regular file, then a write: the type test decides
// (only directory creation is held to "missing or not a directory").
func missingOrIrregular(p string, data []byte) error {
	if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
		return os.WriteFile(p, data, 0o644)
	}
	return nil
}

// 59. A suppression with a reason.
func suppressed(p string) {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		//tempguard:ignore checkthenopen the directory is ours alone (0700, created at startup)
		os.WriteFile(p, nil, 0o600)
	}
}

func mustExist(p string) error {
	if _, err := os.Stat(p); err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	return nil
}

// 60. A wrapper that returns an error when missing, then Remove: missing
// is an error either way.
func removeExisting(p string) error {
	if err := mustExist(p); err != nil {
		return err
	}
	return os.Remove(p)
}

// 61. Check and write under an O_EXCL lock file taken first
// (x/telemetry's upload): the program serializes its instances.
func uploadOnce(dir, name string, data []byte) error {
	lockname := filepath.Join(dir, name+".lock")
	lf, err := os.OpenFile(lockname, os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return err
	}
	lf.Close()
	defer os.Remove(lockname)
	p := filepath.Join(dir, name)
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o644)
}

// 62. Check and create under flock(2).
func withFlock(lock *os.File, p string) error {
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return err
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return os.WriteFile(p, []byte("{}"), 0o644)
	}
	return nil
}

var updateGolden = false

// 65. A golden-file helper in a testutil package (not a _test.go file):
// it takes a *testing.T and runs only under go test.
func Golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name+".golden")
	if _, err := os.Stat(p); os.IsNotExist(err) || updateGolden {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
}

// 66. The same with a testing.TB.
func EnsureFixture(tb testing.TB, p string) {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		os.WriteFile(p, []byte("{}"), 0o644)
	}
}

func isDirectory(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// 67. A wrapper's false means "missing or not a directory": the write
// trusts the type test, not an absence.
func writeUnlessDir(p string, data []byte) error {
	if isDirectory(p) {
		return errors.New("is a directory")
	}
	return os.WriteFile(p, data, 0o644)
}

// 68. "Refuse if it exists", then Symlink: os.Symlink fails on an
// existing path itself; the race only changes the error.
func lnS(target, link string) error {
	if _, err := os.Lstat(link); err == nil {
		return fmt.Errorf("%s already exists", link)
	}
	return os.Symlink(target, link)
}

// 69. The same with os.Mkdir.
func mkdirNew(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("%s already exists", dir)
	}
	return os.Mkdir(dir, 0o755)
}

// 70. Check and write under a gofrs/flock lock.
func withGofrsLock(dir string, data []byte) error {
	l := flock.New(filepath.Join(dir, ".lock"))
	if err := l.Lock(); err != nil {
		return err
	}
	defer l.Unlock()
	p := filepath.Join(dir, "state.json")
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return os.WriteFile(p, data, 0o600)
	}
	return nil
}
