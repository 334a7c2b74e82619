// Package checkthenopen defines an Analyzer that reports check-then-use
// races (TOCTOU) on file paths.
//
// # Analyzer checkthenopen
//
// checkthenopen: report check-then-use (TOCTOU) races on file paths
//
// A program that asks the file system a question about a path (does it
// exist? is it a symlink? may I write it?) and then acts on the same path
// by name trusts an answer that may no longer be true: the path is looked
// up again by the second call, and between the two calls another process
// can create the file, remove it, or swap in a symlink.
//
// # A concrete attack
//
// A service running as root keeps a lock file in /tmp:
//
//	const lock = "/tmp/backupd.lock"
//	if _, err := os.Stat(lock); err == nil {
//		return errors.New("already running")
//	}
//	os.WriteFile(lock, pid, 0o644) // follows a symlink planted after the Stat
//
// A local user runs a loop that creates the symlink
// /tmp/backupd.lock -> /etc/shadow as soon as it sees the service start.
// The Stat finds nothing; a few microseconds later the symlink exists, and
// os.WriteFile (O_CREATE|O_TRUNC, which follows symlinks) truncates
// /etc/shadow and writes the PID into it. The check did not prevent the
// attack; it only told the program that it was safe. The same race
// defeats "refuse to follow symlinks" code (os.Lstat, then os.Open) and
// "check the permissions, then read the key" code.
//
// Found in the wild: google/pprof#565 (Stat then Create in a loop to pick
// a free name), jollheef/appvm#10 (/tmp/.appvm.fake.qcow2), retr0h/gilt#346
// (Stat then WriteFile); all fixed with O_EXCL.
//
// # What is flagged
//
// A use of a path that is guarded by a check of the same path. Checks:
// os.Stat, os.Lstat, syscall.Access, unix.Access and unix.Faccessat; the
// outcome is read from os.IsNotExist, os.IsExist, errors.Is(err,
// fs.ErrNotExist|fs.ErrExist), err == nil / err != nil, fi == nil, and from
// tests of the FileInfo: IsDir, Mode().IsRegular(), Mode().Type(),
// Mode()&os.ModeSymlink, Mode().Perm() and mode masks, Sys().(*syscall.Stat_t).Uid.
// Boolean variables (exists := err == nil) and wrapper functions
// (func fileExists(p string) bool, func pathExists(p string) (bool, error),
// func ensureAbsent(p string) error, methods too, func writable(p string)
// bool over access(2); also from other packages, through the shared
// Summary fact: Summary.Exists, recognised by types and control flow, never
// by the function's name)
// count as checks.
//
// "Guarded" is decided on the control-flow graph: the use must be reachable
// only through the branch that the check's outcome selects (inside the if,
// or after an early return on the other outcome, including switch cases,
// && chains and loops), with the path's variables not reassigned in
// between. An option that lets the use through anyway (err == nil &&
// !force, if exists { if !overwrite { return } }) still counts: without
// the option, the check decides. "Same path" means the same variable, the same constant, or the
// same expression (filepath.Join, fmt.Sprintf, +, field selections) over
// unchanged variables.
//
// Which uses trust which outcome:
//
//   - found missing, then os.Create, os.OpenFile with O_CREATE and without
//     O_EXCL, os.WriteFile, os.Mkdir, os.MkdirAll, os.Symlink, os.Link
//     (new name) or os.Rename (target): another process creates the path
//     or plants a symlink first;
//   - found present, then os.Remove, os.RemoveAll, os.Rename (source),
//     os.Chmod or os.Chown: the path can vanish or be replaced;
//   - a file-type test, then os.Chmod or os.Chown (they follow symlinks);
//   - a symlink test (ModeSymlink, or IsRegular/Type() after Lstat), then
//     any of the above and os.Open, os.ReadFile, os.OpenFile;
//   - a permission or owner test, or access(2) with R_OK/W_OK/X_OK, then
//     any use, reads included (access(2) checks the real user id, the
//     classic setuid race).
//
// The report is at the use, with the check as related information. The
// message says what the check reported on the branch that leads to the
// use: "found it missing" (os.IsNotExist), "found it missing, or failed,"
// (err != nil, fi == nil: any failure takes that branch), "found it
// present" (err == nil), "found it, or failed," (!os.IsNotExist(err)); of
// two tests of one check that both lead to the use, the exact one (err ==
// nil returns, then !os.IsNotExist(err) returns: "found it missing"). A
// wrapper's result says "or failed" when the wrapper returns it on any
// failure of its check (return err == nil: false means "missing, or
// failed"; return !os.IsNotExist(err): true means "found it, or failed"),
// from the shared summary (Summary.Exists). It
// says so when the path is in a shared temp directory, where any
// local user can race, or comes from user input: os.Args, flag.Arg(s),
// flag.String and flag.StringVar (also of a FlagSet), and HTTP requests
// ((*http.Request).FormValue, PostFormValue, PathValue, url.Values.Get,
// gin's Context Param/Query/PostForm/DefaultQuery/DefaultPostForm, echo
// v4's Context Param/QueryParam/FormValue, fiber v2's Ctx
// Params/Query/FormValue, gorilla/mux.Vars), each by exact package path
// and name.
//
// # Freed names reused
//
// A function that removes (os.Remove, os.RemoveAll) a temp file that
// os.CreateTemp made in a shared temp dir, and then creates the same name
// again by path (os.Create, os.WriteFile, os.OpenFile with O_CREATE and
// without O_EXCL), gave the name away: another user who saw it (by
// listing the directory) can create it, or plant a symlink there, in
// between. Likewise os.MkdirAll of the name of a temp directory that
// os.MkdirTemp made in a shared temp dir and the function removed: another
// user can make the directory first and own it. Reported when the removal
// runs before the create on every path, with the name's variables
// unchanged in between (a deferred removal runs at the return and does not
// count). The fix makes os.Create an exclusive create (os.OpenFile with
// O_RDWR|O_CREATE|O_EXCL, mode 0600) and adds O_EXCL to an os.OpenFile:
// the name was just removed, so the create fails only if another process
// took it. Other shapes are reported without a fix. Quiet: an exclusive
// create, os.Mkdir, os.Symlink and os.Link (they fail on an existing name),
// os.Rename onto the name (it replaces a symlink without following it), a
// new os.CreateTemp, a temp file or directory made in a private
// directory, a removal on another path only (an error branch), and a
// create before the removal.
//
// An output directory accepted when it already exists (os.MkdirAll, or
// os.Mkdir with fs.ErrExist excused) and then written into checks
// nothing, so it is no check-then-use here: at a predictable name in a
// shared temp dir the predictabletemp pass reports it (modelled on Incus
// GHSA-73hr-m85f-64v9, fixed with os.MkdirTemp and an *os.Root);
// elsewhere no other user can make the name.
//
// # How decisions are made
//
// Every decision comes from types, constant values and the control-flow
// graph, never from how something is spelled: renaming a variable, a
// function, an import or a constant, or rewording a comment, changes no
// finding. Open flags are read by value (a constant named O_NOFOLLOW that
// is 0 refuses nothing; one named otherwise with the value of
// syscall.O_NOFOLLOW does); existence sentinels are the package-level
// variables and constants of io/fs, os, syscall and x/sys/unix themselves;
// FileInfo and FileMode tests are the io/fs methods and constants; a test
// assertion is a call of a testing method that does not return; a test
// helper takes a parameter whose type implements testing.TB. Where a name
// used to stand for a kind of API (a package path containing "flock" or
// "lockfile", a method whose name contains "Lock", a path containing
// "gin-gonic" or ending in "/mux"), it is an exact API key now, or nothing:
// a file lock of an unlisted package no longer silences a finding, and a
// value from an unlisted web framework is not called user input.
//
// # *os.Root
//
// Root.Stat and Root.Lstat are checks, and the Root methods are uses, of a
// name looked up in that root: a check pairs only with a use through the
// same root (the same variable or field, not reassigned). A root keeps
// symlinks from leading out of it, but not other processes from working
// in its directory: "found it missing, then Root.Create, OpenFile with
// O_CREATE and no O_EXCL, WriteFile, Mkdir, MkdirAll, Symlink, Link or the
// Rename target" is still a race (another process creates the name first
// and the program truncates or writes a file it does not own), and so is
// "found it present, then Root.Remove, RemoveAll or the Rename source".
// The fixes are those of package os on the root (root.OpenFile(name,
// os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600), O_EXCL added, the check before
// MkdirAll, Mkdir or Remove dropped). What follows a symlink is not
// reported in a root: a symlink, type or permission check before
// Root.Open, ReadFile, OpenFile, Chmod or Chown can at worst reach another
// name in the same root, which the program chose to trust by opening it.
//
// # What stays quiet
//
//   - checks whose outcome does not decide the use (logging only, both
//     branches reach it), checks of another path, paths reassigned or whose
//     address escapes in between, uses in another function (a goroutine);
//   - race-free operations: os.OpenFile with O_CREATE|O_EXCL, O_NOFOLLOW
//     opens after a symlink test, os.CreateTemp, os.MkdirTemp, opens
//     verified afterwards with os.SameFile;
//   - in an *os.Root: symlink, file-type and permission checks followed
//     by Root.Open, OpenFile, ReadFile, Chmod or Chown (see below), and a
//     check by path followed by a use in a root, or the other way round
//     (the name means something else there);
//   - "stat, then read" for a nicer error message (os.Stat or IsDir, then
//     os.ReadFile or os.Open), and "update only if it exists" writes;
//   - a Stat whose failure branch just returns or reports the error
//     (if err != nil { return err }; ...; os.Remove(p)), or ends in an
//     error (if os.IsNotExist(err) { return errNoSuchFile }): that is error
//     handling, not a decision, and losing the race only changes the error;
//   - test assertions (if err == nil { t.Fatal(...) }; os.WriteFile(p, ...));
//   - decisions about the file's data rather than its existence
//     (err == nil && fi.ModTime().Before(cutoff), then os.Remove), and
//     "regenerate if missing or expired" writes;
//   - a check before os.MkdirAll whose other outcome does something of its
//     own (returns an error or another result, calls something, logs):
//     the check is the program's behaviour, not a redundancy, MkdirAll
//     accepts a directory that appears in between, and dropping the check
//     would not be a fix. The check is reported as redundant only when its
//     other outcome does nothing (goes on where the MkdirAll branch goes
//     on, or returns constants and nil); in a shared temp dir it is
//     reported either way (another user can make the directory);
//   - Mkdir, Symlink and Link whose fs.ErrExist result is handled, or
//     followed by a second check of the path (the race is handled), or
//     whose check's other outcome is an error (if it exists, return an
//     error): they fail on an existing path by themselves;
//   - publishing a fresh temp file over the target with
//     os.Rename(tmp.Name(), dst) after a cache check (atomic replace);
//   - paths under a private directory (os.MkdirTemp, t.TempDir()), and an
//     existence check on one directory followed by a file created in a
//     different private directory;
//   - tests: _test.go files and test helpers (functions taking a
//     *testing.T, B, F or testing.TB), such as golden-file writers, unless
//     the path is in a shared temp dir;
//   - a check and use under an inter-process lock taken before the check,
//     unless the path is in a shared temp dir: an O_CREATE|O_EXCL lock
//     file, flock(2) with LOCK_EX or LOCK_SH (by value) or an fcntl
//     F_SETLK(W) read or write lock on the descriptor of an *os.File
//     (f.Fd()), the lock methods of github.com/gofrs/flock (Lock, TryLock,
//     RLock, TryRLock and their Context forms; flock.New locks nothing) and
//     lockedfile (rogpeppe/go-internal and cmd/go: Create, Edit, OpenFile,
//     Write, Transform, (*Mutex).Lock). Other packages are not locks,
//     whatever their path or method names say;
//   - writes after a wrapper whose false means "missing or not a
//     directory" (func isDir(p string) bool): it decides only MkdirAll.
//
// # Fixes
//
// Fix: an exclusive create (O_EXCL) instead of the check and os.Create or
// OpenFile, the check dropped before os.MkdirAll, os.Mkdir, os.Remove or
// os.RemoveAll, and the opened file compared with the Lstat result by
// os.SameFile.
//
// Offered only where the rewrite keeps the program's behaviour apart from
// closing the race, with the imports they need:
//
//   - Stat found missing, then os.Create: the if becomes an exclusive create
//     whose fs.ErrExist result takes the place of the check; elsewhere the
//     os.Create call becomes os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600);
//   - os.OpenFile with O_CREATE: os.O_EXCL is added to the flags;
//   - Stat found missing, then os.MkdirAll (and nothing else): the check is
//     dropped, since MkdirAll succeeds when the directory exists (the
//     message calls the check redundant); "if missing { return
//     os.MkdirAll(d, m) }; return nil" becomes "return os.MkdirAll(d, m)";
//   - Stat found missing, then os.Mkdir: the check is dropped, and an
//     error check gains && !errors.Is(err, fs.ErrExist);
//   - "if it exists, os.Remove/RemoveAll it": the check is dropped, and a
//     Remove error check gains && !errors.Is(err, fs.ErrNotExist);
//   - symlink test, then f, err := os.Open(p) (or an os.OpenFile that
//     neither creates nor truncates: verifying afterwards would be too
//     late for those): after the open, the handle's f.Stat() is compared
//     with the Lstat result by os.SameFile, and a mismatch becomes an
//     error. An OpenFile with O_TRUNC gets no fix; its message says to open
//     without O_TRUNC, compare, then call f.Truncate(0).
//
// Other shapes (WriteFile, Symlink, Rename, Chmod, permission checks,
// access(2)) are reported with what to do instead and no fix. No fix is
// offered either when an option lets the use run on an existing path
// (err == nil && !force, os.IsNotExist(err) || overwrite): O_EXCL would
// break -force; the message says to create with O_EXCL unless
// overwriting and to rename a temp file over the target when overwriting.
// In a shared temp dir, dropping the check before MkdirAll would leave
// the real problem (another user can own the directory): the message says
// to use os.MkdirTemp.
//
// Before:
//
//	if _, err := os.Stat(p); os.IsNotExist(err) {
//		f, err := os.Create(p)
//		if err != nil {
//			return err
//		}
//		defer f.Close()
//		...
//	}
//
// After:
//
//	if f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600); !errors.Is(err, fs.ErrExist) {
//		if err != nil {
//			return err
//		}
//		defer f.Close()
//		...
//	}
package checkthenopen
