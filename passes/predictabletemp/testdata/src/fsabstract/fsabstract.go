package fsabstract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/google/renameio/v2"
	"github.com/natefinch/atomic"
	"github.com/spf13/afero"
)

// Calls through afero.Fs create what os's calls create: the real OsFs
// does it.
func throughFs(fs afero.Fs) {
	fs.MkdirAll("/tmp/app/cache", 0o700)                                                     // want `predictable temp directory path built from constants only; another user can create it first: use afero.TempDir\(fs, "", "cache-\*"\)`
	fs.Create(filepath.Join(os.TempDir(), fmt.Sprintf("job-%d.out", os.Getpid())))           // want `predictable temp file path built from os.Getpid\(\); use afero.TempFile\(fs, "", "job-\*.out"\)`
	fs.OpenFile("/tmp/app.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)                  // want `without O_EXCL; an attacker's symlink redirects it: put it in a private directory \(os.UserCacheDir, \$XDG_RUNTIME_DIR, afero.TempDir\)`
	fs.OpenFile(fmt.Sprintf("/tmp/run-%d.log", os.Getpid()), os.O_CREATE|os.O_WRONLY, 0o600) // want `built from os.Getpid\(\) is opened with O_CREATE but without O_EXCL; add os.O_EXCL or use afero.TempFile`
	afero.WriteFile(fs, "/var/tmp/state.json", nil, 0o600)                                   // want `an attacker's symlink redirects the write: write through afero.TempFile`
	afero.WriteReader(fs, "/dev/shm/seg", strings.NewReader(""))                             // want `predictable temp file path built from constants only`
	a := afero.Afero{Fs: fs}
	a.WriteFile(filepath.Join(os.TempDir(), "report.csv"), nil, 0o600) // want `predictable temp file path built from constants only`
	a.Mkdir("/tmp/app-work", 0o700)                                    // want `predictable temp directory path`
}

// afero.GetTempDir(fs, sub) is os.MkdirAll(os.TempDir()+sub, 0o777): a
// predictable directory, and so is everything in it.
func aferoTempDir(fs afero.Fs) {
	cache := afero.GetTempDir(fs, "hugo_cache")   // want `predictable temp directory path built from constants only; another user can create it first: use afero.TempDir\(fs, "", "hugo_cache-\*"\)`
	fs.Create(filepath.Join(cache, "index.json")) // want `predictable temp file path built from constants only`
	a := afero.Afero{Fs: fs}
	a.GetTempDir(fmt.Sprintf("build-%d", os.Getpid()))  // want `predictable temp directory path built from os.Getpid\(\)`
	afero.GetTempDir(fs, "")                            // the temp dir itself
	afero.GetTempDir(afero.NewMemMapFs(), "hugo_cache") // in memory
}

// The real file system, by constructor and by concrete type.
func osBacked() {
	afero.NewOsFs().Create("/tmp/os.out") // want `predictable temp file path built from constants only`
	fs := afero.NewOsFs()
	fs.MkdirAll("/run/lock/app", 0o700) // want `predictable temp directory path built from constants only`
	var o afero.OsFs
	o.Create("/tmp/concrete.out")                    // want `predictable temp file path`
	o.SymlinkIfPossible("/etc/app.conf", "/tmp/cfg") // want `predictable temp path for a new link built from constants only; create links inside a directory from afero.TempDir`
}

// Look-alikes that stay quiet.
func quietFs(fs afero.Fs, name string) {
	mem := afero.NewMemMapFs()
	mem.Create("/tmp/app.log") // in memory: nothing is created at the path
	afero.WriteFile(mem, "/tmp/state.json", nil, 0o600)
	mm := &afero.MemMapFs{}
	mm.MkdirAll("/tmp/app", 0o700) // the concrete in-memory type
	ma := afero.Afero{Fs: afero.NewMemMapFs()}
	ma.WriteFile("/tmp/state", nil, 0o600) // afero.Afero over memory
	base := afero.NewBasePathFs(afero.NewOsFs(), "/srv/data")
	base.Create("/tmp/x") // relative to /srv/data
	ro := afero.NewReadOnlyFs(afero.NewOsFs())
	ro.Create("/tmp/y") // a read-only file system creates nothing

	dir, _ := afero.TempDir(fs, "", "app-*")
	fs.Create(filepath.Join(dir, "out.log")) // inside a private dir from afero.TempDir
	f, _ := afero.TempFile(fs, "", "job-*.out")
	_ = f
	fs.Create(filepath.Join(os.TempDir(), name))                           // the name is a parameter
	fs.OpenFile("/tmp/app.lock", os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600) // O_EXCL
	fs.Open("/tmp/app.log")                                                // a read
	if err := fs.Mkdir("/tmp/app-strict", 0o700); err != nil {             // fails when the name exists
		return
	}

	// A fresh temp file renamed over the name: a symlink there is
	// replaced, not followed, and another user's file makes it fail.
	renameio.WriteFile("/tmp/app.state", nil, 0o600)
	renameio.Symlink("/etc/app.conf", "/tmp/app.link")
	atomic.WriteFile("/tmp/app.json", strings.NewReader("{}"))
}
