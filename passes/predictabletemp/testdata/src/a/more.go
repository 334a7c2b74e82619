package a

import (
	"fmt"
	mrand "math/rand/v2"
	"os"
	"os/user"
	"path"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"
)

var seq atomic.Int64

const tmpBase = "/tmp/svc"

type job struct {
	ID   int
	Path string
}

func more(id int) {
	os.Create(path.Join("/tmp", "x.out"))                                               // want `predictable temp file path`
	os.Create(tmpBase + ".state")                                                       // want `predictable temp file path`
	os.Create(fmt.Sprintf("%s/cache-%d", os.TempDir(), time.Now().UnixNano()))         // want `built from time.Now\(\)`
	os.Create(filepath.Join(os.TempDir(), fmt.Sprintf("n-%d", mrand.IntN(1000))))      // want `built from math/rand`
	os.Create(filepath.Join(os.TempDir(), "seq-"+strconv.FormatInt(seq.Add(1), 10)))   // want `built from a counter`
	os.Create(filepath.Join(os.TempDir(), time.Now().Format("20060102")+".log"))       // want `built from time.Now\(\)`
	if u, err := user.Current(); err == nil {
		os.Create(filepath.Join(os.TempDir(), u.Username+".session")) // want `built from the user name`
	}
	host, _ := os.Hostname()
	os.Create(filepath.Join("/var/tmp", host+".lock")) // want `built from the host name`
	os.MkdirAll(fmt.Sprintf("/tmp/build-%d/out", os.Getuid()), 0o700) // want `temp directory path built from the user id`
	os.Mkdir(filepath.Join(os.Getenv("TMP"), "work"), 0o700)        // want `temp directory path`
	os.OpenFile(filepath.Join(os.Getenv("TEMP"), "w.log"), syscall.O_CREAT|syscall.O_RDWR, 0o600) // want `without O_EXCL`
	for i := 0; i < 3; i++ {
		os.Create(fmt.Sprintf("/tmp/part-%d", i)) // want `built from a counter`
	}
	j := job{Path: "/tmp/job.json"}
	os.WriteFile(j.Path, nil, 0o600) // want `predictable temp file path`
	s := fmt.Sprintf("/dev/shm/seg-%d", os.Getpid())
	os.WriteFile(s, nil, 0o600) // want `built from os.Getpid\(\)`
	os.Symlink("target", fmt.Sprintf("/tmp/link-%d", os.Getpid())) // want `new link built from os.Getpid\(\)`
	os.Create(fmt.Sprintf("/tmp/%[1]d-%[1]d", os.Getpid()))        // want `built from os.Getpid\(\)`
}

// Look-alikes that must stay quiet.
func moreQuiet(id int, name string, f *os.File) {
	os.Create(fmt.Sprintf("/tmp/job-%d", id))                           // id is a parameter: unknown
	os.Create(filepath.Join(os.TempDir(), name+".log"))                 // name is a parameter
	os.Create(filepath.Join(os.Getenv("HOME"), ".cache", "x"))          // not a temp dir
	os.Create(filepath.Join(os.Getenv("XDG_RUNTIME_DIR"), "app.sock"))  // private runtime dir
	os.Create(fmt.Sprintf("%s/x", name))                                // unknown location
	os.Create(fmt.Sprintf("/tmp/%s", name))                             // unknown name
	os.Create(path.Join(name, "/tmp/x"))                                // /tmp is not the prefix
	os.Create("./tmp/x")                                                // relative
	os.Create("/tmp" + name)                                            // "/tmp" + unknown: quiet
	os.Stat("/tmp/x")                                                   // metadata
	os.Remove("/tmp/x")                                                 // remove
	os.Chtimes("/tmp/x", time.Now(), time.Now())                        // not a creation
	os.OpenFile("/tmp/x", os.O_WRONLY|os.O_APPEND, 0)                   // no O_CREATE: cannot create
	os.OpenFile("/tmp/x", os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)       // O_EXCL
	os.OpenFile("/tmp/x", syscall.O_CREAT|syscall.O_EXCL|os.O_RDWR, 0o600) // O_EXCL
	os.WriteFile(f.Name(), nil, 0o600)                                  // name of an unknown file
	dir := filepath.Join(os.TempDir(), name)
	os.Create(filepath.Join(dir, "a"))                                  // under an unknown dir
	td, _ := os.MkdirTemp("/tmp", "x")
	os.Create(filepath.Join(td, "y"))                                   // private even under /tmp
	ft, _ := os.CreateTemp("/var/tmp", "z")
	os.Rename(ft.Name(), ft.Name()+".done")                             // rename is not creation here
	os.WriteFile(filepath.Join(os.TempDir(), randName()), nil, 0o600)   // random helper
	os.Mkdir(os.TempDir()+"/"+randName(), 0o700)                        // random helper
	os.MkdirAll(filepath.Dir(ft.Name()), 0o700)                         // the temp dir itself
	os.WriteFile(tmpLike(), nil, 0o600)                                 // not a temp dir constant
}

func randName() string {
	f, _ := os.CreateTemp("", "r")
	return filepath.Base(f.Name())
}

func tmpLike() string { return "/tmpdata/x" }
