// Package temppattern reports misused arguments of os.CreateTemp,
// os.MkdirTemp, ioutil.TempFile and ioutil.TempDir.
//
// # Analyzer temppattern
//
// temppattern: report misused dir and pattern arguments of os.CreateTemp and os.MkdirTemp
//
// The four calls take a directory and a name pattern. The pattern is split
// at its last "*", where the random part goes; with no "*" the random part
// is appended at the end. Three mistakes are common:
//
//  1. A pattern with a path separator ("sub/app-*", os.TempDir()+"/app",
//     t.Name() in a subtest, which is "TestX/case"). t.Name() is reported
//     only where t is certainly a subtest: the parameter of a function
//     literal passed to t.Run or b.Run (or to f.Fuzz: fuzz inputs run as
//     subtests), a function passed to t.Run by name,
//     a helper that the package calls with such a t, or s.T() in a testify
//     suite method that runs with one test's T: a per-test hook (the method
//     by which the suite implements SetupTestSuite, BeforeTest, ...) or a
//     method of a test method's shape (exported, no parameters, no
//     results; not SetupSuite/TearDownSuite by their interfaces). Method
//     names are not read. Every such call fails
//     at run time with "pattern contains path separator" (sajari/docconv#87,
//     open-telemetry collector-contrib#42770). Fix: move the directory part
//     into dir (filepath.Join(dir, "sub"), with os.TempDir() for an empty
//     dir); a leading "/" is dropped; a whole path as the pattern with an
//     empty dir (os.TempDir()+"/app", filepath.Join(t.TempDir(), "app"))
//     gives its directory to dir, unless that would leave an import
//     unused; t.Name() becomes strings.ReplaceAll(t.Name(), "/", "_").
//  2. dir hard-coded to "/tmp" or "/var/tmp": ignores $TMPDIR (set by users,
//     CI systems, systemd PrivateTmp, sandboxes), does not exist on Windows,
//     and is not the per-user temp dir on macOS. Fix: "" (os.TempDir()).
//     Quiet only where /tmp is provably deliberate: in files built only for
//     systems that are neither Windows nor macOS (by file-name suffix or
//     //go:build); and where the outermost enclosing function branches on
//     runtime.GOOS, uses the Unix-socket API of net (UnixAddr, ListenUnix,
//     DialUnix...), hands the constant network name "unix", "unixgram" or
//     "unixpacket" to a call (macOS's $TMPDIR is too long for a socket
//     path), fills the Binds or Mounts of Docker's container.HostConfig, or
//     hands the new directory to a program it runs (exec.Command(...,
//     dir): the program may see paths in a container or VM that shares
//     /tmp, not $TMPDIR). Names of functions and variables (socketDir,
//     sockPath), comments and the words of patterns or strings are not
//     evidence and are never read.
//  3. A file pattern ending in a known extension (".json", ".go", ".pdf",
//     ".log", ".tar.gz"...) without "*": os.CreateTemp("", "report.pdf")
//     creates report.pdf123456, and tools that go by the extension (editors,
//     compilers, viewers, `go run`, MIME sniffing by name) fail. Fix: insert
//     "*" before the extension ("report*.pdf"). Directories are not checked
//     (their names rarely matter to tools), nor files that the function
//     renames afterwards (the temp name is never seen).
//
// Patterns and directories are evaluated through constants; a named constant
// is reported but fixed only where the edit can be made at the call (a
// literal, or the last literal of a "+" chain). The ioutil forms are checked
// exactly like the os forms and kept as they are (their deprecation is
// staticcheck's SA1019, not a finding here).
//
// Fix: one per call, correcting all its problems at once: the directory
// part of the pattern moves into dir, a hard-coded "/tmp" or "/var/tmp"
// becomes "", and "*" goes before the extension.
//
// Before:
//
//	f, err := ioutil.TempFile("/tmp", "cache/report.pdf")
//
// After:
//
//	f, err := ioutil.TempFile(filepath.Join(os.TempDir(), "cache"), "report*.pdf")
//
// Before:
//
//	t.Run(tc.name, func(t *testing.T) {
//		dir, err := os.MkdirTemp("", t.Name())
//
// After:
//
//	t.Run(tc.name, func(t *testing.T) {
//		dir, err := os.MkdirTemp("", strings.ReplaceAll(t.Name(), "/", "_"))
package temppattern
