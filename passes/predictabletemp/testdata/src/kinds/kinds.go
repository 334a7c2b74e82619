package kinds

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Every shared directory, however the path is written.
func dirs() {
	os.Create("/usr/tmp/x.out")                                           // want `predictable temp file path built from constants only`
	os.Create("/run/lock/app.lock")                                       // want `predictable temp file path built from constants only`
	os.Create("/var/run/lock/app.lock")                                   // want `predictable temp file path built from constants only`
	os.Create("/var/lock/app.lock")                                       // want `predictable temp file path built from constants only`
	os.Create("/tmp//double/x.out")                                       // want `predictable temp file path built from constants only`
	os.MkdirAll("/var/tmp/app/", 0o700)                                   // want `predictable temp directory path built from constants only`
	os.Create(filepath.Join("/dev/shm/", "seg"))                          // want `predictable temp file path built from constants only`
	os.Create(os.ExpandEnv("$TMPDIR/app.sock"))                           // want `predictable temp file path built from constants only`
	os.Create(os.ExpandEnv("${TMP}/app-$USER.log"))                       // want `predictable temp file path built from the user name`
	os.Create(filepath.Join(os.Getenv("TMPDIR"), "a", "b", "c", "d.out")) // want `predictable temp file path built from constants only`
	if d, ok := os.LookupEnv("TEMP"); ok {
		os.Create(d + "/app.out") // want `predictable temp file path built from constants only`
	}
}

// Every form of fmt.Sprintf's format.
func formats(start time.Time) {
	os.Create(fmt.Sprintf("/tmp/app-%[1]d-%[1]x.out", os.Getpid()))  // want `predictable temp file path built from os.Getpid\(\)`
	os.Create(fmt.Sprintf("/tmp/app-%*d.out", 8, os.Getpid()))       // want `predictable temp file path built from os.Getpid\(\)`
	os.Create(fmt.Sprintf("/tmp/app-%-8.3v.out", time.Now()))        // want `predictable temp file path built from time.Now\(\)`
	os.Create(fmt.Sprintf("/tmp/app-%v.out", time.Since(start)))     // want `predictable temp file path built from time.Now\(\)`
	os.Create(fmt.Sprintf("/tmp/%s-%08d%%.out", "app", os.Getpid())) // want `predictable temp file path built from os.Getpid\(\)`
	os.Create(fmt.Sprintf("/tmp/app-%T.out", start))                 // want `predictable temp file path built from constants only`
	var b strings.Builder
	fmt.Fprintf(&b, "%s/app-%[2]d", os.TempDir(), os.Getpid())
	os.Mkdir(b.String(), 0o700) // want `predictable temp directory path built from os.Getpid\(\)`
}

// Names grown with +=.
func appended() {
	p := "/tmp/build"
	for i := 0; i < 3; i++ {
		p += "-" + strconv.Itoa(i)
	}
	os.MkdirAll(p, 0o700) // want `predictable temp directory path built from a counter`
	name := "/var/tmp/job-"
	name += strconv.Itoa(os.Getpid())
	os.Create(name) // want `predictable temp file path built from os.Getpid\(\)`
}

// $TMPDIR with /tmp as the fallback: shared either way. With a parameter
// as the fallback the directory is unknown.
func envFallback(fallback string) {
	dir := os.Getenv("TMPDIR")
	if dir == "" {
		dir = "/tmp"
	}
	os.Create(filepath.Join(dir, "app.log")) // want `predictable temp file path built from constants only`
	other := os.Getenv("TMPDIR")
	if other == "" {
		other = fallback
	}
	os.Create(filepath.Join(other, "app.log"))
}

// Look-alikes that stay quiet.
func kindsQuiet(id int, name string) {
	os.Create("/run/user/1000/app.sock")           // a per-user runtime dir
	os.Create("/var/run/app.pid")                  // /var/run is root's
	os.Create("/run/lockfile")                     // not under /run/lock
	os.Create(os.ExpandEnv("$HOME/.cache/app"))    // not a temp dir
	os.Create(os.ExpandEnv("$TMPDIR/$NAME"))       // a name from another variable
	os.Create(os.ExpandEnv("$TMPDIR/$1"))          // a special name
	os.Create(os.ExpandEnv("/tmp/${UNTERMINATED")) // not parsed
	cache, _ := os.UserCacheDir()
	os.Create(filepath.Join(cache, "app.db"))                     // a per-user private dir
	os.Create(fmt.Sprintf("/tmp/app-%[2]d.out", os.Getpid(), id)) // the explicit index picks the parameter
	os.Create(fmt.Sprintf("/tmp/app-%*d.out", os.Getpid(), id))   // the * takes the PID as width; the name is the parameter
	os.Create(fmt.Sprintf("/tmp/app-%p.out", &id))                // an address
	s := "/tmp/app-"
	s += name
	os.Create(s) // a parameter appended
	r := "/tmp/app-"
	for i := 0; i < 2; i++ {
		r += randomPart()
	}
	os.Create(r) // random parts appended
	f, _ := os.CreateTemp("", "x-*")
	os.Create(f.Name() + "-" + strconv.Itoa(os.Getpid())) // a random name with the PID added
}

func randomPart() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}
