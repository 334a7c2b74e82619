// Package tempperm reports files and directories in a shared temp
// directory that are created, or given a mode, with group or other
// permission bits.
//
// # Analyzer tempperm
//
// tempperm: report group/other permission bits on files and dirs in shared temp directories
//
// A shared temp directory (/tmp, /var/tmp, /dev/shm, os.TempDir(), $TMPDIR)
// is readable and writable by every local user. An entry created there with
// a mode such as 0644 or 0755 can be read by any of them (secrets, tokens,
// generated configuration, core data), and 0666/0777 lets them rewrite it
// (a script that is executed next, a config that is loaded next). A
// Chmod(f.Name(), 0644) after os.CreateTemp undoes the 0600 that CreateTemp
// chose for exactly this reason.
//
// Flagged: a call that creates or changes the mode of a path whose location
// the tempguard model traces to a shared temp directory (whether its name
// is predictable or random), with a mode that has any group or other bit
// (mode&0o077 != 0), known as a constant through literals, named constants,
// conversions and variables assigned once:
//
//   - os.WriteFile, ioutil.WriteFile
//   - os.OpenFile with O_CREATE (the flags are read by their values, through constants and variables)
//   - os.Mkdir, os.MkdirAll
//   - os.Chmod, and (*os.File).Chmod on a file opened or created in a shared temp dir
//     (for example by os.CreateTemp("", ...))
//   - the same calls of syscall and golang.org/x/sys/unix (Open with O_CREAT,
//     Creat, Mkdir, Mkfifo, Mknod, Chmod) and of an *os.Root opened on a shared
//     temp dir (r.WriteFile, r.OpenFile, r.Mkdir, r.MkdirAll, r.Chmod): every
//     call of the shared file-API table that takes a mode for a path, also
//     through the file-system abstractions it holds (afero.Fs, afero.WriteFile)
//
// A mode that is a parameter of an unexported function called only
// directly counts when every call site passes the same constant (the
// message says "every caller passes it"; no fix: the callers choose it).
//
// Create-then-restrict windows: os.Create (or Root.Create), which creates
// with the default 0666 less the umask, of a path in a shared temp dir,
// followed in the same function by os.Chmod or File.Chmod of the same path
// or file to a private mode, or by os.WriteFile or an O_CREATE
// os.OpenFile of the same path with a private mode, which does not apply:
// the file exists by then. The later call shows the mode the program
// wanted; until it runs, any user can open the file and keep the handle.
// Reported at the create. (A permissive mode given explicitly and then
// restricted is reported by the rule above.)
//
// A Chmod with group or other bits of a directory that os.MkdirTemp made
// in a shared temp dir (os.MkdirTemp("", ...)): the directory is what
// keeps its entries private.
//
// Found in the wild: Incus CVE-2026-33711, a VM screenshot at
// fmt.Sprintf("/tmp/<tool>_screenshot_%d", id) made with os.Create and
// then chmodded to 0600 (testdata incident: tempperm reports the window,
// predictabletemp the predictable name, at the same call; the fixed form,
// os.CreateTemp, is quiet for both).
//
// Quiet:
//   - os.CreateTemp and os.MkdirTemp (they use 0600 and 0700), and paths under a
//     private directory made by os.MkdirTemp or t.TempDir();
//   - paths that are not in a temp directory, or whose location is unknown;
//   - the shared temp directory itself (os.MkdirAll(os.TempDir(), 0o755) changes nothing);
//   - modes that are provably private (0600, 0700, 0400...) or not constant,
//     and parameters whose callers pass different modes, or that are
//     reassigned, exported or used as a value;
//   - os.Create with no later Chmod or private-mode create of the same
//     path: its mode is the default, not one the program chose (the
//     predictabletemp pass reports a predictable name);
//   - a Chmod of an os.MkdirTemp directory made in a private directory
//     (another os.MkdirTemp, t.TempDir()) or in a caller's directory;
//   - modes with a setuid, setgid or sticky bit (a deliberately shared directory);
//   - os.WriteFile and os.OpenFile on f.Name() of a file that is already open:
//     they apply their mode only when they create the file;
//   - a path or file that the same function later passes to os.Rename or os.Link
//     (the mode is meant for the destination of an atomic write; the crossdevice
//     pass looks at that rename);
//   - a path in a directory that the package makes private: os.MkdirAll(dir, 0o700)
//     (or Mkdir, Chmod) of the same directory value earlier in the function or
//     anywhere else in the package, or a same-package helper returning the dir
//     that makes a directory with a private mode;
//   - calls through an afero file system that is provably in memory or
//     otherwise not the real one (afero.NewMemMapFs(), *afero.MemMapFs);
//   - files built only for Windows and runtime.GOOS == "windows" branches (no
//     group/other bits there, and the temp dir is per user);
//   - os.TempDir() and $TMPDIR in a function (or a package whose TestMain)
//     that sets TMPDIR first (t.Setenv("TMPDIR", t.TempDir()));
//   - functions that share with other users on purpose: they change owners
//     (os.Chown, File.Chown), clear the umask (syscall.Umask), run a process
//     under another user's credentials (syscall.Credential), or listen on a
//     socket (a Unix socket chmod'ed 0666 so that other users can connect).
//
// # Fix
//
// Fix: the mode loses its group and other bits (0644 -> 0600, 0755 -> 0700);
// os.Create followed by a restriction becomes os.OpenFile with the final mode.
//
// The owner's bits are kept: 0644 and 0666
// become 0600, 0755 and 0777 become 0700 (an executable file stays
// executable for its owner). A literal keeps its own style (0644 -> 0600,
// 0o644 -> 0o600); a named constant (os.ModePerm, const perm = 0o644) or a
// package-level variable is replaced at the call site by a literal in the
// file's dominant style. No fix is offered for local variables, for
// computed modes, modes from the callers, or when the owner has no
// permission bits. os.Create(p) with a later restriction to m becomes
// os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_TRUNC, m): the same open, with
// the mode the program wanted from the start (Root.Create likewise).
//
// Before:
//
//	path := filepath.Join(os.TempDir(), "kubeconfig")
//	if err := os.WriteFile(path, cfg, 0644); err != nil {
//		return err
//	}
//
// After:
//
//	path := filepath.Join(os.TempDir(), "kubeconfig")
//	if err := os.WriteFile(path, cfg, 0600); err != nil {
//		return err
//	}
//
// (The predictabletemp pass reports the predictable name itself.)
package tempperm

import _ "embed"

//go:embed doc.go
var doc string
