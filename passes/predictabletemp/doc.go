// Package predictabletemp defines an Analyzer that reports files and
// directories created at predictable paths in shared temp directories.
//
// # Analyzer predictabletemp
//
// predictabletemp: report files created at predictable paths in shared temp directories
//
// Every user of a machine can create entries in /tmp, /var/tmp, /usr/tmp,
// /dev/shm, the lock directory (/run/lock, also /var/lock and
// /var/run/lock) and os.TempDir() ($TMPDIR, $TMP, $TEMP). When a program creates a file there under a
// name that another user can guess — built from a constant, the PID, the
// time, math/rand, a counter, the user or host name, or os.Args — that user
// can create the name first:
//
//   - a symlink at the name makes os.Create, os.WriteFile or an OpenFile
//     without O_EXCL write through it, into any file the victim can write
//     (its ~/.ssh/authorized_keys, a root-owned config when the program runs
//     as root);
//   - a pre-created file or directory makes the program use data or
//     permissions the attacker controls (os.MkdirAll keeps an existing
//     0777 directory as it is).
//
// This is how golang/glog got CVE-2024-45339: log files in os.TempDir()
// named from the program, host, user, time and PID, opened with os.Create.
// And Incus GHSA-73hr-m85f-64v9: an output directory at a fixed name in
// the temp dir, accepted when it already exists (os.Mkdir with os.IsExist
// excused), then written into (testdata incidentdir; the fixed form, an
// os.MkdirTemp and an *os.Root, is quiet). Nothing
// is checked there, so checkthenopen leaves it to this pass.
//
// # What is flagged
//
// A call that creates or opens-for-writing a path in a shared temp
// directory whose name has only predictable parts: os.Create,
// os.OpenFile with O_CREATE and without O_EXCL (flags through constants and
// variables count), os.WriteFile and ioutil.WriteFile, os.Mkdir and
// os.MkdirAll, the new name of os.Symlink and os.Link, their syscall and
// golang.org/x/sys/unix forms (Open with O_CREAT and without O_EXCL, Creat,
// Mkdir, Symlink, Link), and the same methods of an *os.Root opened on a
// shared temp dir (os.OpenRoot(os.TempDir()), nested r.OpenRoot): a root
// keeps symlinks from escaping it, but another user can still create the
// name first. (No fix is offered for roots: *os.Root has no CreateTemp.)
// The calls come from the shared file-API table, which also holds the
// file-system abstractions that mirror os: the same calls through
// afero.Fs, afero.OsFs and afero.Afero, afero.WriteFile, WriteReader and
// SafeWriteReader, and afero.GetTempDir(fs, sub), which makes
// os.TempDir()+sub with MkdirAll (the real OsFs does what os does; the message then
// names afero.TempFile and afero.TempDir, and no fix rewrites the call to
// os's). The path is followed through variables, fmt.Sprintf (any verb,
// flags, width and precision, * and explicit argument indexes), +, +=
// (in loops too), filepath.Join and path.Join of any number of parts,
// strings.Join, strings.Builder, strconv, struct fields (an unexported
// field is what every store to it in the package agrees on: a
// constructor's literal read in a method), package-level constants and
// variables (set under sync.Once too), closures (captured variables, the
// arguments of a literal called where it is written, go func(dir
// string){...}(x), sync.OnceValue and OnceValues bodies), helper functions
// and their other results (across packages, through facts, for the first
// string result), and a multi-value call given as the whole argument list
// (os.MkdirAll(dirAndMode())). The shared directory may be written
// as a literal (with trailing or doubled slashes), os.TempDir(), or
// $TMPDIR, $TMP or $TEMP read with os.Getenv, os.LookupEnv or
// os.ExpandEnv ("$TMPDIR/app.sock", "${TMP}/app-$USER.log"). Predictable
// parts are constants, the PID, the time (time.Now, time.Since, their
// formats), math/rand, counters (++, +=, loop variables, sync/atomic), the
// user and host names, and os.Args.
//
// A file inside a predictable directory is predictable too: after
// os.MkdirAll("/tmp/app", 0o755) the first user to create /tmp/app owns
// it, and can replace or read what is put in it. So a creation that is
// safe at its own name — O_EXCL, an os.Mkdir or os.Symlink whose error is
// checked, a random name, os.CreateTemp or os.MkdirTemp with that
// directory as dir — is reported when its directory is a predictable path
// in a shared temp dir ("created inside a predictable temp directory"):
// the fix is a directory from os.MkdirTemp (or, for a directory that must
// be shared, one this process made with a strict os.Mkdir).
//
// A file created at a predictable name and then executed by name in the
// same function (os.WriteFile or os.Create of a variable script, then
// exec.Command(script)) is reported as such, without a fix (a random name
// alone still leaves the script where every user can replace it): another
// user can put a program there first. Passing the name to a program as an
// argument is not running it.
//
// A parameter of an unexported function or method that is only ever called
// directly (a method never through an interface of the package) takes the
// value all its call sites pass: glog's create(tag) called with "INFO" and
// "WARNING".
//
// An exported function that creates a path from its parameters (os.Create,
// os.WriteFile, os.MkdirAll, an OpenFile without O_EXCL, in its own body)
// is reported at each call whose arguments make that path a predictable
// one in a shared temp dir, in the caller's package, naming the function:
// creators.OpenLog(os.TempDir(), "app"). The function's package exports
// the creations in its Summary fact. Left to the function's own package:
// functions that also check a path (stat, access), set TMPDIR, or create
// in closures, with the sticky bit or only on Windows; O_EXCL opens,
// random names and the calls that fail when the name exists are safe
// whatever the caller passes. No fix is offered at the call.
//
// A loop over a slice whose elements are all visible runs with each of
// them: when some are in a shared temp dir, the path is flagged with what
// those agree on. This is glog's CVE-2024-45339 shape: log directories
// that a -log_dir flag may start and os.TempDir() ends. Such a finding gets
// no os.CreateTemp("", ...) fix, which would move the other elements'
// files into the temp dir.
//
// Not flagged: paths under a private directory (os.MkdirTemp,
// t.TempDir()), names with a random part (crypto/rand, os.CreateTemp),
// opens with O_EXCL (lock files), plain reads, paths outside the shared
// temp directories, names the analyzer cannot see (parameters of exported
// functions, reassigned parameters, user input, a flag's value whatever its
// default, an exported field or package-level slice that other packages
// may set, a walk's entries), and /tmp appearing only in messages or
// comments. Also quiet:
//
//   - calls that fail when the name exists (os.Mkdir, os.Symlink, os.Link,
//     their syscall and *os.Root forms) whose error is checked and not
//     excused with os.IsExist, fs.ErrExist or EEXIST: they fail when the
//     name exists, as an O_EXCL open does;
//   - a per-user directory whose owner the function verifies afterwards (a
//     type assertion to syscall.Stat_t or unix.Stat_t), and entries of a
//     directory made that way or by a same-package helper that returns it;
//   - entries of a directory the program made itself with such a strict
//     os.Mkdir: the Mkdir lies on every path from the function's entry to
//     the use, the variable is unchanged since, and the entry is joined
//     inside it (filepath.Join, a "/"; dir+"-old" is a sibling, flagged),
//     in the function, through helpers that return the directory and
//     and helpers that build paths in it;
//   - a directory made with the sticky bit (0o1777, os.ModeSticky): shared
//     on purpose, like /tmp itself;
//   - Windows-only files and runtime.GOOS == "windows" branches (the temp
//     dir is per user there);
//   - os.TempDir() and $TMPDIR in a function (or a package whose TestMain)
//     that sets TMPDIR first, as t.Setenv("TMPDIR", t.TempDir()) does;
//   - calls through an afero file system that is provably not the real
//     one: a value of a concrete in-memory or layered type (*afero.MemMapFs)
//     or made by afero.NewMemMapFs, NewBasePathFs, NewReadOnlyFs,
//     NewCopyOnWriteFs, NewCacheOnReadFs or NewRegexpFs, through local
//     variables and afero.Afero{Fs: ...} on every assignment (an Fs the
//     analyzer cannot follow counts as the real one);
//   - writes that rename a fresh temp file over the name (renameio.WriteFile,
//     renameio.Symlink, renameio.TempFile, atomic.WriteFile): a symlink at
//     the name is replaced, not followed, and in a sticky shared directory
//     another user's file there makes the rename fail.
//
// Not followed: go-billy file systems (their paths are relative to the base
// directory osfs.New was given, and its chroot follows symlinks out of
// it), strings.Join of a slice built with append, and a directory written
// as separate Join elements (filepath.Join("/", "tmp", name)).
//
// # Fixes
//
// Fix: when the name varies, os.O_EXCL is added to an OpenFile's flags and
// os.Create becomes os.CreateTemp; a constant name gets none.
//
//   - os.OpenFile(p, os.O_CREATE|os.O_WRONLY, m) gets |os.O_EXCL when the
//     name varies (a constant name is reopened by later runs, and O_EXCL
//     would make that fail: no fix, the message says to use a private
//     directory).
//   - os.Create(p) becomes os.CreateTemp("", "<prefix>-*<ext>") when the
//     name varies (PID, time, rand) and nothing else needs the old name;
//     later uses of a path variable become f.Name().
//   - A constant name is often a rendezvous with another program (a socket,
//     a lock or state file): no fix; the message says to use a private
//     directory instead.
//
// Before:
//
//	path := filepath.Join(os.TempDir(), fmt.Sprintf("report-%d.csv", os.Getpid()))
//	f, err := os.Create(path)
//	...
//	log.Printf("wrote %s", path)
//
// After:
//
//	f, err := os.CreateTemp("", "report-*.csv")
//	...
//	log.Printf("wrote %s", f.Name())
package predictabletemp
