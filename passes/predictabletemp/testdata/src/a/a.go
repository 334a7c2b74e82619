package a

import (
	"fmt"
	"io/ioutil"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

const lockName = "/tmp/app.lock"

var cacheRoot = "/var/tmp/appcache"

func constantPath() {
	os.Create("/tmp/app.log")                              // want `predictable temp file path built from constants only`
	os.WriteFile("/tmp/out.json", nil, 0o600)              // want `predictable temp file path built from constants only; an attacker's symlink`
	ioutil.WriteFile("/var/tmp/out.json", nil, 0o600)      // want `predictable temp file path`
	os.Create(filepath.Join(os.TempDir(), "state.db"))     // want `predictable temp file path built from constants only`
	os.Mkdir("/dev/shm/app", 0o700)                        // want `predictable temp directory path built from constants only`
	os.MkdirAll(filepath.Join(cacheRoot, "blobs"), 0o755)  // want `predictable temp directory path`
	os.Symlink("/etc/passwd", "/tmp/link")                 // want `predictable temp path for a new link`
	os.Link("/etc/passwd", os.TempDir()+"/hard")           // want `predictable temp path for a new link`
	os.OpenFile(lockName+".data", os.O_CREATE|os.O_WRONLY, 0o600) // want `without O_EXCL`
}

func pidPaths() {
	os.WriteFile(fmt.Sprintf("/tmp/app-%d.pid", os.Getpid()), nil, 0o600)                    // want `built from os.Getpid\(\)`
	os.WriteFile("/tmp/app-"+strconv.Itoa(os.Getppid()), nil, 0o600)                          // want `built from os.Getppid\(\)`
	os.WriteFile(filepath.Join(os.Getenv("TMPDIR"), fmt.Sprint(time.Now().Unix())), nil, 0o600) // want `built from time.Now\(\)`
	os.WriteFile(filepath.Join(os.TempDir(), strconv.Itoa(rand.Int())), nil, 0o600)           // want `built from math/rand`
	os.WriteFile(filepath.Join(os.TempDir(), os.Getenv("USER")+".cfg"), nil, 0o600)           // want `built from the user name`
	os.WriteFile(filepath.Join(os.TempDir(), filepath.Base(os.Args[0])+".log"), nil, 0o600)   // want `built from os.Args`
	os.WriteFile(strings.Join([]string{os.TempDir(), "x", strconv.Itoa(os.Getpid())}, "/"), nil, 0o600) // want `built from os.Getpid\(\)`
}

var counter int

func viaVariables() {
	dir := os.TempDir()
	name := fmt.Sprintf("job-%d", counter)
	counter++
	p := filepath.Join(dir, name)
	os.WriteFile(p, nil, 0o600) // want `built from a counter`

	var b strings.Builder
	b.WriteString(os.TempDir())
	b.WriteString("/build-")
	b.WriteString(strconv.Itoa(os.Getpid()))
	os.Mkdir(b.String(), 0o700) // want `built from os.Getpid\(\)`

	type cfg struct{ Out string }
	c := cfg{Out: "/tmp/cfg.out"}
	os.WriteFile(c.Out, nil, 0o600) // want `predictable temp file path`

	flags := os.O_RDWR | os.O_CREATE | os.O_TRUNC
	os.OpenFile("/tmp/f.txt", flags, 0o600) // want `without O_EXCL`
}

// Look-alikes that must stay quiet.

func quiet(userPath string, t interface{ TempDir() string }) {
	os.Create(userPath)                                  // unknown name
	os.Create(filepath.Join(os.TempDir(), userPath))     // name from a parameter
	os.Create("/tmpfoo/x")                               // not a temp dir
	os.Create("tmp/x")                                   // relative
	os.Create("/home/me/tmp/x")                          // not shared
	os.Open("/tmp/app.log")                              // read
	os.ReadFile(filepath.Join(os.TempDir(), "x"))        // read
	os.OpenFile("/tmp/app.log", os.O_RDONLY, 0)          // read
	os.OpenFile("/tmp/app.lock", os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600) // O_EXCL: lock file
	fmt.Println("writing to /tmp/app.log")               // message only
	os.MkdirAll(os.TempDir(), 0o755)                     // the temp dir itself
	os.Mkdir("/tmp", 0o777)                              // the temp dir itself

	dir, _ := os.MkdirTemp("", "app-*")
	os.Create(filepath.Join(dir, "out.log"))             // private dir
	os.WriteFile(filepath.Join(dir, fmt.Sprint(os.Getpid())), nil, 0o600)
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)

	f, _ := os.CreateTemp("", "x-*")
	os.WriteFile(f.Name(), nil, 0o600)                   // random name
	os.WriteFile(f.Name()+".bak", nil, 0o600)            // random name + suffix
	os.Create(filepath.Join(os.TempDir(), "x-"+randomHex())) // crypto/rand

	os.Symlink("/tmp/target", filepath.Join(dir, "l"))   // target may be anything; new name private
	os.Create(filepath.Join(t.TempDir(), "x"))           // not *testing.T: unknown

	p := "/tmp/x"
	if userPath != "" {
		p = userPath
	}
	os.Create(p) // reassigned on some path: unknown

	var flags int
	flags = os.O_CREATE | os.O_EXCL | os.O_WRONLY
	os.OpenFile("/tmp/y", flags, 0o600) // O_EXCL through a variable
}

func randomHex() string { return strconv.Itoa(len(os.Args)) + "x" + userInput() }

func userInput() string { return os.Getenv("INPUT") }

func slashes() {
	os.MkdirAll(os.TempDir()+"/", 0o700)             // the temp dir itself
	os.MkdirAll(filepath.Join(os.TempDir(), "."), 0o700) // the temp dir itself
	os.MkdirAll(os.TempDir()+"/app", 0o700)          // want `predictable temp directory path`
}
