// Package crossdevice reports os.Rename calls that move a file or directory
// made in the system temp directory to a path outside it.
//
// # Analyzer crossdevice
//
// crossdevice: report renames from the system temp dir to another filesystem (EXDEV)
//
// A rename is atomic only within one filesystem. os.Rename(tmp, dst) where
// tmp was made in the default temp directory (os.CreateTemp("", …),
// os.MkdirTemp("", …), their io/ioutil forms, a path under os.TempDir(),
// $TMPDIR, /tmp, /dev/shm or t.TempDir()) and dst lies elsewhere fails with
// EXDEV, "invalid cross-device link", whenever the temp directory is a
// separate mount: a tmpfs /tmp (the default on Fedora, Arch Linux and
// Debian 13, and common in containers), a volume mounted at /tmp or at the
// destination, or a TMPDIR on another disk. The code works on the
// developer's machine and fails in production. This is the bug behind many
// "atomic write" helpers: ollama/ollama#1181 (the temp file is now created
// in the blobs directory), jenkins-x/jx#449, and syncthing/syncthing#1264
// (moving temp files to the OS temp dir was reverted because of EXDEV).
//
// Creating the temp file next to its destination fixes the failure and is
// also what makes the write atomic: the rename then only swaps a directory
// entry, and a reader never sees a half-written file.
//
// # What is reported
//
// A call os.Rename(src, dst) where src is a file or directory made in the
// system temp directory, followed through local variables, f.Name() of a
// file from os.CreateTemp, string building, same-package helpers (also ones
// that return the file of an os.CreateTemp call) and unexported struct
// fields whose every value in the package is such a file or a temp
// directory; and dst is not on the temp file system: a constant path
// elsewhere, or a value that is not connected to the temp directory (a
// parameter, a field, the result of another function).
//
// # What stays quiet
//
//   - The temp object was made in filepath.Dir(dst), in the same directory
//     value as dst, or anywhere not under the system temp directory
//     (including /var/tmp, which is normally on the root disk).
//   - dst is also under the temp directory: os.TempDir(), $TMPDIR, /tmp,
//     a directory from os.MkdirTemp("", …) or t.TempDir(), or a path built
//     from the renamed temp path itself (tmp + ".done").
//   - dst is unknown but may come from the temp directory: a struct field
//     that the package fills with a temp path anywhere, a parameter that a
//     caller in the package passes a temp path, a parameter of a function
//     literal or of a function used as a callback (filepath.Walk). Names
//     are not evidence: a parameter called tmpTarget is as unknown as one
//     called dst, and is reported.
//   - The rename's failure falls back to copying: the branch that handles
//     its error calls io.Copy (CopyN, CopyBuffer), ReadFrom, WriteTo,
//     os.WriteFile or os.CopyFS, runs any program, or calls a function of
//     the package that does; the function hands the rename's source and
//     destination (the same values) to another call, such as a copy helper
//     of another package; or the function, or a helper of the package it
//     calls, refers to syscall.EXDEV, ERROR_NOT_SAME_DEVICE, *os.LinkError,
//     or compares the Dev fields of syscall/x/sys/unix Stat_t values. These
//     are decided from objects, types and values: error-message wording and
//     the names of helpers play no part.
//   - The package sets TMPDIR, TMP or TEMP (often exactly to keep temp files
//     on the data volume), sets another environment variable such as HOME
//     to a temp path, or changes into a temp directory (tests do this):
//     destinations that look elsewhere may then be on the temp file system.
//   - The source cannot be traced to the temp directory: a parameter, an
//     exported field, a temp file made in a caller-chosen directory.
//
// # Suggested fix
//
// Fix: the temp file or directory is created in filepath.Dir(dst) instead
// of the temp dir.
//
// When the rename's source is exactly the object that an os.CreateTemp or
// os.MkdirTemp call (or ioutil.TempFile/TempDir) made earlier in the same
// function, and dst means the same at that call (every name in it is in
// scope there and unchanged in between, or dst was declared afterwards with
// a pure path expression, which is then used), the fix rewrites the call's
// dir argument to filepath.Dir(dst), keeping the pattern, and adds the
// path/filepath import if needed. The fix is not offered when the code
// makes directories between the creation and the rename (a directory
// creator of the file-API table, a helper of the package that calls one, or
// a function of another package given a value the destination is built
// from: the destination's directory may not exist yet at the creation), when the dir argument has
// effects or is the last use of a name, or when one temp object is renamed
// to two places. After the fix, a temp file left behind on an error path
// stays in the destination's directory instead of /tmp: remove it on every
// path (the tempcleanup pass checks that). In every other case (the source is a
// fixed path under os.TempDir(), a file inside a temp directory, the
// destination is computed later by a call with effects) no fix is offered.
//
// Before:
//
//	func writeAtomic(path string, data []byte) error {
//		f, err := os.CreateTemp("", "config-*.tmp")
//		if err != nil {
//			return err
//		}
//		defer os.Remove(f.Name())
//		if _, err := f.Write(data); err != nil {
//			f.Close()
//			return err
//		}
//		if err := f.Close(); err != nil {
//			return err
//		}
//		return os.Rename(f.Name(), path) // EXDEV when /tmp is a tmpfs
//	}
//
// After:
//
//	func writeAtomic(path string, data []byte) error {
//		f, err := os.CreateTemp(filepath.Dir(path), "config-*.tmp")
//		...
//		return os.Rename(f.Name(), path)
//	}
//
// The canonical form for a hidden temp file beside the target is
// os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".*.tmp").
package crossdevice
