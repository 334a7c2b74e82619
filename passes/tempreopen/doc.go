// Package tempreopen reports temp files used by name while still open, and
// deferred cleanup that runs in the wrong order.
//
// # Analyzer tempreopen
//
// tempreopen: report temp files used by name while still open, and deferred removals that run before the close
//
// An *os.File made by os.CreateTemp or ioutil.TempFile (or opened by name
// with os.Create, os.OpenFile, or the Create and OpenFile methods of an
// *os.Root) is tracked through the function's
// control-flow graph. A file counts as open at a point if it is open on at
// least one path that leads there: a Close on one branch does not cover the
// other branch, and a deferred Close has not run yet. The name is followed
// through f.Name(), local variables, struct fields of local variables and
// string building (+, fmt.Sprintf, filepath.Join, strings.Join). The calls
// that create, open, read, write, remove and rename by name, and their
// argument roles and open flags (read by constant value), come from the
// shared file-API table.
//
// A file passed to a helper that closes its parameter counts as closed.
// The shared function summary (exported as a fact, so callers in other
// packages see it) says a helper closes a parameter when every path that
// returns passes a close of it — the method by which the parameter's type
// implements io.Closer, the Flush/Close method of a known writer type, a
// deferred call of one, or another helper that closes it — not counting
// paths that return an error from an `err != nil` branch (a helper that
// writes, returns the write's error, then closes, closes the file whenever
// it succeeds). A helper that closes the parameter on some paths only
// leaves the file open for the analysis, and no close is inserted after it
// (it could fail with "file already closed"). Methods are told apart by
// their type, never by their name alone. f.Sync() is not a close; Flush
// (or Close) of a bufio.Writer, gzip.Writer, csv.Writer, tar.Writer,
// zip.Writer... counts as a flush.
//
// # 1. Rename or remove while open
//
// os.Rename(f.Name(), dst), os.Remove(f.Name()), or os.RemoveAll of the
// directory holding the file, while f is open. Go opens files on Windows
// with FILE_SHARE_READ|FILE_SHARE_WRITE but without FILE_SHARE_DELETE, so
// deleting or renaming a file that has an open handle fails there with
// "The process cannot access the file because it is being used by another
// process": the atomic rename never happens, the temp file leaks. On Unix
// the same code works, which is why it ships. Calls by name that only touch
// metadata (os.Stat, os.Chmod, os.Chtimes, os.Lstat) work on open files on
// every OS and are not reported.
//
// Deliberate "unlink while open" (os.Remove(f.Name()) right after creating
// the file, to get an anonymous scratch file that disappears when closed)
// is a Unix idiom: in files that cannot be built for Windows — a
// //go:build or // +build constraint that is false for windows, or a
// GOOS file-name suffix Go honours (_linux.go, _darwin.go...; not
// _unix.go: unix is only a build tag) — cases 1, 4, 5 and 6 and case 2's
// output reason are not reported.
//
// The same holds for code reached only through a runtime.GOOS test that
// excludes Windows: the body of `if runtime.GOOS != "windows"` or of
// `if runtime.GOOS == "linux"`, the code after `if runtime.GOOS ==
// "windows" { return ... }` (or t.Skip), a `case "linux", "darwin":` or
// the default after `case "windows":` of `switch runtime.GOOS`, through !,
// && and ||. This follows the control flow; merely mentioning
// runtime.GOOS elsewhere in the function changes nothing.
//
// Files opened through an *os.Root (root.Create, root.OpenFile) are opened
// on Windows with FILE_SHARE_DELETE: removing or renaming them while open
// works there, so cases 1, 4, 5 and 6 and case 2's output reason never apply
// to them. The *os.Root methods that use a file by name (Remove,
// RemoveAll, Rename, Open, OpenFile, ReadFile, Create, WriteFile) are
// matched against files created through the same root by the same
// relative name.
//
// # 2. The name given to another program while open
//
// exec.Command / exec.CommandContext (then Run, Output, CombinedOutput or
// Start of the *exec.Cmd), os.StartProcess, syscall.Exec, syscall.ForkExec
// or syscall.StartProcess given the file's name, as an argument or inside
// an argument string built from it ("cat "+f.Name()). Reported when
//
//   - the file is the program itself and is open for writing: exec fails
//     with "text file busy" (ETXTBSY) on Linux and with a sharing violation
//     on Windows;
//   - data written through a buffering writer (bufio.Writer...) is not
//     flushed: the program reads a short file on every OS;
//   - the file is open for writing and has never been written in the
//     function (nor handed to code that may write it): it was created to
//     reserve a name for the program's output, and a program that replaces
//     its output (go build -o does) cannot remove or rename over a file we
//     hold open on Windows. Not in code that cannot run on Windows.
//
// Which program runs, and which of its flags precede the name, is not
// consulted: program names and flag words are strings that users choose.
// A file written directly (no buffer) and still open when a program
// receives its name is therefore not reported: the data is in the file,
// and whether the program opens it with write sharing on Windows cannot
// be known from the code (Go programs and most ports of Unix tools do).
// Earlier versions reported it for every program outside a list of names.
//
// # 3. The name reopened in-process
//
// os.Open, os.ReadFile, os.OpenFile, os.Create, os.WriteFile of the name
// while writes made through a buffering writer over f are not flushed: the
// reader sees a short or empty file on every OS. Reopening for writing or
// truncation (os.Create, os.WriteFile, os.OpenFile with O_WRONLY, O_RDWR,
// O_TRUNC or O_APPEND) while f is open and has been written makes two
// handles with separate offsets clobber each other's data. A plain reopen
// for reading after direct f.Write calls is harmless (the data is in the
// kernel's page cache, which every handle sees) and is not reported.
//
// # 4. Deferred removal that runs before the deferred close
//
//	f, err := os.CreateTemp("", "x-*")
//	...
//	defer f.Close()
//	defer os.Remove(f.Name()) // reported: runs first, while f is open
//
// Deferred calls run last-in-first-out, so the removal runs before the
// close, while the file is still open: on Windows it fails (and the error
// is usually dropped), leaking a file per call. A deferred function that
// removes the file before it closes it is reported too. If the function
// closes f explicitly on every path before returning, nothing is reported.
//
// Test cleanups follow the same rule: functions registered with t.Cleanup
// run last-in-first-out after the test function and its deferred calls
// have returned. A cleanup that removes the file registered after one that
// closes it, and a deferred removal when only a cleanup closes the file,
// are reported (without a fix).
//
// # 5. A file under t.TempDir() still open when the test returns
//
// t.TempDir() (and b.TempDir()) registers a cleanup that removes the
// directory after the test; a file made in it that is still open then
// cannot be removed on Windows, and the test fails with "TempDir RemoveAll
// cleanup: ... being used by another process". Reported at the creating
// call when the file has been written, is open on some path to a return
// (a t.Fatal path does not count), and is closed neither by a deferred call
// nor by a t.Cleanup. Files handed over — passed as a closable parameter
// (an *os.File, an io.Closer, any), to a dynamic call, or to a function
// that returns a value that may hold them — or used inside a function
// literal, are left alone. Passing the file as an io.Writer to
// fmt.Fprintf or io.Copy is not handing it over. Not reported in files
// that cannot be built for Windows. No fix: add defer f.Close().
//
// # 6. Never closed, removal deferred
//
//	f, _ := os.CreateTemp("", "x-*")
//	defer os.Remove(f.Name()) // reported: nothing closes f on some path
//	_, err := f.Write(data)
//	return err
//
// A deferred removal (or a t.Cleanup that removes the file) registered
// while the file is open, on a path where nothing closes the file before
// the function returns — no Close, no deferred close registered after it,
// no cleanup registered after it that closes it, no helper whose summary
// closes it: the removal runs on an open file and fails on Windows, and
// the handle leaks everywhere. A Close on the success path only does not
// cover the error returns before it. Wrapping the file in a bufio.Writer
// or a log.Logger and flushing or logging does not close it. Not reported
// when the file is passed as a closable value (an *os.File, an
// io.Closer, any: the callee may close it or keep it to close later) or
// to a helper whose summary says it may close it, nor in code that cannot
// run on Windows. Wrapping it in a struct is not followed (the file is
// no longer tracked, see below). This
// analyzer owns the open handle; tempcleanup counts the removal as a
// removal and does not report it.
//
// The fix inserts `defer f.Close()` on the line after the statement that
// registers the removal (registered later, it runs first), unless that
// statement is in a loop or shares its line with other code.
//
// # What is not followed
//
// Errors "checked" with a call that does not stop (t.Errorf, log.Printf)
// do not end the path; t.Fatal, panic, os.Exit and log.Fatal do, by the
// shared no-return facts (a helper that always exits counts too).
//
// A file that is returned, stored in a struct or a slice, converted to an
// interface, passed as a closable parameter to a function that returns
// something closable (a wrapper whose Close may close it; the known
// writers aside), or closed inside a function literal that is not
// deferred, is no longer tracked: its fate is decided elsewhere, and the
// pass stays quiet rather than guess. Only `if err != nil`-style checks of
// the creating call's error (also os.IsExist, os.IsNotExist,
// os.IsPermission, os.IsTimeout, errors.Is and errors.As of it) mark the
// branch where no file was opened.
//
// # Fixes
//
// Fix: the file is flushed and closed before the name is used again, the
// defer that removes it is moved before the one that closes it, and a
// file that nothing closes gets `defer f.Close()` after its deferred
// removal.
//
// Cases 1–3: a close (after flushing the buffered writers, outermost first)
// is inserted before the statement that reuses the name. In a function
// whose last result is an error, the inserted code is
//
//	if err := f.Close(); err != nil {
//		return nil, err // zero values for the other results
//	}
//
// where the reuse's own error is handled; where it is ignored (cleanup on
// an error path), a plain f.Close(); in a test that handles the error with
// t.Fatal (or code that uses log.Fatal), the same call. An existing plain `defer f.Close()` stays: a second
// Close of an *os.File only returns an error nobody reads. No fix is offered
// when the file or writer is used after the reuse, when a deferred close
// checks its error, when the file may already be closed on some path to
// the reuse (the inserted close would fail), or when the reuse sits in a
// loop or a condition that the inserted code cannot precede. When a read-only reopen needs only a
// flush and the file is still used afterwards, only the flush is inserted.
// When several uses of one file follow each other, only the first carries
// the fix (it closes the file for the later ones too).
//
// Case 4: the two defer statements are swapped (or the removal is moved
// above the close when they are apart), so the close runs first:
//
//	defer os.Remove(f.Name())
//	defer f.Close()
//
// A deferred function that removes before it closes gets the two adjacent
// statements swapped.
//
// Suppress a finding with `//tempguard:ignore tempreopen <reason>`.
package tempreopen
