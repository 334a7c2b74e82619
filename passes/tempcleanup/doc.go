// Package tempcleanup defines an Analyzer that reports temporary files and
// directories that are never removed, and temp dirs made by hand in tests.
//
// # Analyzer tempcleanup
//
// tempcleanup: report temp files and dirs that are not removed on every path, and os.MkdirTemp in tests
//
// A file from os.CreateTemp or ioutil.TempFile, or a directory from
// os.MkdirTemp or ioutil.TempDir, stays on disk until someone removes it.
// Programs that forget leave thousands of entries in /tmp (golang/go#13863,
// Snowflake-Labs/sansshell#66), fill tmpfs mounts and leak data.
//
// # What is flagged
//
// A creation whose result is not removed on some path out of the function
// while its ownership stays in the function. The analyzer follows the
// control-flow graph (like lostcancel) from the creation to every return:
// a removal only in the success branch, while an error return leaks the
// file, is a finding. The diagnostic is at the creating call; its related
// information names the return where the object leaks.
//
// Removed means os.Remove or os.RemoveAll of f.Name(), of the directory,
// or of a variable holding either; directly, in a defer, in a deferred
// closure, in t.Cleanup, or through a helper that removes its argument
// (its summary says UseRemove: computed in this package, or read from the
// shared tempmodel.Summary fact of a function in another package).
// os.Rename(f.Name(), dst) hands the file over to dst on that path; when
// the rename's error is checked with `if err != nil`, that branch still
// needs cleanup.
//
// syscall.Unlink and unix.Unlink (or Rmdir) of the name count as removal.
// A deferred removal of a file that is still open counts as a removal
// here; tempreopen reports the open handle (the removal fails on
// Windows, and the handle leaks).
//
// Ownership is per path. The object is handed over where it is returned,
// stored in a longer-lived object, sent, captured by a stored closure or
// given to a callee that keeps it (see below), and only on the paths
// through that point: a function that returns the file, its name, a
// struct holding it or a cleanup closure on success, and returns an error
// before that without removing it, leaks it there. The message names the
// return where it leaks and the line where it is handed over. A hand-over
// inside a loop that the creation is not in keeps it quiet: whether the
// loop runs at all is not known (a table of test cases always does).
// Storing
// the object in a field of a local struct variable (r.dir = dir) is not a
// hand-over: the variable is followed like the object. A value passed to
// a callee that only reads the path (loads, walks, executes, logs it;
// its summary keeps nothing) stays the function's to remove. Errors
// "checked" with a call that does not stop (t.Errorf, log.Printf, a
// helper that only prints) do not end the path; t.Fatal, panic, os.Exit,
// log.Fatal and helpers whose summary says they never return do.
//
// os.RemoveAll of the shared temp directory itself (os.TempDir(),
// $TMPDIR, a literal /tmp), as an example's last line might, deletes the
// files of every other program and user in it: reported (category
// remove-shared-dir), without a fix. A path below it (a MkdirTemp result,
// a join with a name), os.Remove (which fails on a non-empty directory),
// and a function or TestMain that points TMPDIR at a private directory
// first, are not.
//
// In a _test.go file with a *testing.T, *testing.B or *testing.F in scope,
// os.MkdirTemp, ioutil.TempDir, os.CreateTemp and ioutil.TempFile in the
// shared temp dir ("" or os.TempDir()) are flagged even if they are
// removed, and so are files created under os.TempDir(): t.TempDir() is
// private to the test and removed by the testing package after it. A test
// that picks another base dir ("testdata", "/tmp" for a short path), that
// uses a unix socket (a net call whose network is the constant "unix",
// "unixgram" or "unixpacket", a socket(2) call in AF_UNIX, a
// net.UnixAddr or SockaddrUnix: t.TempDir() names can exceed the
// 104/108-byte sun_path limit), or that is about the temp dir itself
// (calls os.TempDir() other than in a message, reads or sets $TMPDIR,
// $TMP or $TEMP through os.Getenv, os.LookupEnv, os.Setenv or t.Setenv)
// gets the ordinary leak check instead. What the pattern or the
// function's strings say (a "sock" in them) does not count.
//
// # What stays quiet
//
// Ownership leaves the function on every path, so someone else removes
// it: the file, its name or the directory (or a value built from them)
// is returned, stored in a field of a longer-lived object (not of a local
// struct variable), a map, slice or global, sent on a channel, captured by
// a goroutine or by a closure that is not deferred or called at once,
// put in a value of the program's own type that has methods (a wrapper
// that may clean up; whether its methods remove what it holds is not
// followed, so such a value handed to a callee that only reads it stays
// quiet too), written out as data (os.WriteFile, Fprintf to a
// file), or passed to a function that keeps it (its summary says UseKeep;
// methods of packages tempguard did not analyze are assumed to keep; of
// the standard library, the functions and methods of a fixed table keep:
// os.Setenv, os.Chdir, sync.Map.Store, http.Header.Set, url.Values.Add,
// list.List.PushBack, reflect.Value.Set, ...). A removal under a condition
// that is not about an error (`if !keep { defer os.RemoveAll(dir) }`) is
// a deliberate choice. Paths that end in os.Exit, log.Fatal, panic or
// t.Fatal are not exits. A file created inside a private temp dir is
// covered by that dir. A path that is never removed and is printed or
// logged as is for the user (fmt.Print*, fmt.Fprint* or io.WriteString to
// os.Stdout or os.Stderr, log, *log.Logger, log/slog) is kept on purpose
// and shown, whatever the message says; a value computed from the path
// (its length, a hash of it) does not show it. In tests, a
// creation under a directory of unknown origin (a helper's dir
// parameter, usually the caller's t.TempDir()) is not checked. The search remembers nil tests of local variables
// along a path, so `if werr == nil { ... }` chains do not produce
// impossible paths. Error checks it does not understand, and a variable
// holding the object that is reassigned, make it stay quiet.
//
// # Fixes
//
// Fix: a deferred os.Remove or os.RemoveAll after the creation's error
// check; in tests, t.TempDir() instead of the temp dir made by hand.
//
// Outside tests, `defer os.RemoveAll(dir)` or `defer os.Remove(f.Name())`
// is inserted right after the `if err != nil { return ... }` that follows
// the creation (never inside a loop, never where the error is not checked
// that way). A later `defer f.Close()` is registered after it, so it runs
// first: Close before Remove, as Windows requires. If nothing closes the
// file on some path to a return (no deferred close, no Close or closing
// helper on that path), the fix defers a closure that closes it and then
// removes it, so that tempreopen has nothing left to report. No
// fix where a defer that uses the file is registered before the creation
// (the new defer would run first).
//
// An object returned on some paths only gets, when the function has a
// named error result and every return that hands it over returns a nil
// error,
//
//	defer func() {
//		if err != nil {
//			f.Close()
//			os.Remove(f.Name())
//		}
//	}()
//
// after the creation's error check (os.RemoveAll(dir) for a directory).
// Otherwise a success flag (keep := false, then the same defer under
// `if !keep`, and keep = true just before each return that hands the
// object over), where each such return is alone on its line in the
// flag's scope. An object handed over other than by a return (stored,
// kept by a callee) gets no fix: removing it on every path would take it
// from its new owner.
//
// In tests, `dir, err := os.MkdirTemp("", "x")` becomes `dir := t.TempDir()`;
// the error check that follows and `defer os.RemoveAll(dir)` go away (err
// stays declared if later code reuses it). A MkdirTemp whose shared base
// is not written as "" or os.TempDir() (a variable) is reported without a
// fix, and none is reported under t.TempDir() or for fixtures kept in
// globals or fields, which outlive one test.
// The error check dropped with the MkdirTemp is `if err != nil { ... }`
// or a call statement of a function outside the standard library whose
// arguments are only err, testing.TB values and constants (a helper or
// an assertion such as require.NoError: with t.TempDir() err is nil).
// `os.CreateTemp("", p)` becomes `os.CreateTemp(t.TempDir(), p)`, with
// `defer f.Close()` after its error check when the file may still be open
// when the test returns (the t.TempDir() cleanup cannot remove an open
// file on Windows; tempreopen reports it), and no fix when a deferred
// removal of the file would then run before that close; and
// os.TempDir() as the base of a test file's path becomes t.TempDir().
// The test's own variable name (t, b, f, tb) is used.
//
// # What no longer counts
//
// Names and words decide nothing: earlier versions treated a "sock" in a
// test's pattern or strings as a unix socket (now: the typed evidence
// above, so such a test gets the t.TempDir() finding), let sixteen words
// in a log message ("kept", "written", "artifact"...) decide whether a
// printed path was kept on purpose (now: printing the path itself is
// what counts, so a never-removed dir printed as "using %s" is quiet),
// counted standard methods named Set*, Add*, Store*... as keeping their
// argument (now: the table above), and took calls named check*, must*
// or *nil* for error checks (now: the argument rule above).
//
// # Example
//
// Before:
//
//	func render(tmpl string) ([]byte, error) {
//		f, err := os.CreateTemp("", "render-*.html")
//		if err != nil {
//			return nil, err
//		}
//		defer f.Close()
//		if err := run(tmpl, f); err != nil {
//			return nil, err // the file stays in /tmp
//		}
//		return os.ReadFile(f.Name()) // and here too
//	}
//
// After:
//
//	func render(tmpl string) ([]byte, error) {
//		f, err := os.CreateTemp("", "render-*.html")
//		if err != nil {
//			return nil, err
//		}
//		defer os.Remove(f.Name())
//		defer f.Close()
//		...
//	}
package tempcleanup
