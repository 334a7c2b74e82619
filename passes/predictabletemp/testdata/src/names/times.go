package names

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// Time-derived parts: any value of type time.Time or time.Duration (or
// what their methods give) is predictable, wherever it comes from: a
// parameter, a field, a file's modification time.

type job struct {
	started time.Time
	timeout time.Duration
}

func stampParam(t time.Time) {
	os.Create(fmt.Sprintf("/tmp/run-%v.log", t)) // want `predictable temp file path built from time.Now\(\)`
}

func durationParam(d time.Duration) {
	os.Create(filepath.Join(os.TempDir(), "wait-"+strconv.FormatInt(int64(d), 10))) // want `predictable temp file path built from time.Now\(\)`
}

func (j *job) field() {
	os.Create(fmt.Sprintf("%s/job-%d-%s", os.TempDir(), j.started.Unix(), j.timeout)) // want `predictable temp file path built from time.Now\(\)`
}

func (j *job) fieldValue() {
	os.Create(fmt.Sprintf("/tmp/job-%v", j.started)) // want `predictable temp file path built from time.Now\(\)`
}

func formatted(t time.Time) {
	name := t.Format("20060102-150405")
	os.Create("/tmp/snap-" + name) // want `predictable temp file path built from time.Now\(\)`
}

func since(start time.Time) {
	os.Create(fmt.Sprintf("/tmp/elapsed-%d", time.Since(start).Nanoseconds())) // want `predictable temp file path built from time.Now\(\)`
}

func modTime(fi os.FileInfo) {
	os.Create(fmt.Sprintf("/tmp/cache-%d", fi.ModTime().UnixNano())) // want `predictable temp file path built from time.Now\(\)`
}

func monthOf(t time.Time) {
	os.Create(fmt.Sprintf("/tmp/report-%v", t.Month())) // want `predictable temp file path built from time.Now\(\)`
}

// Look-alikes: a time-derived name beside a random part, or one in a
// private directory, stays quiet.
func timeAndRandom(t time.Time) {
	os.Create(fmt.Sprintf("/tmp/run-%d-%s", t.Unix(), randHex()))
}

func timeInPrivate(t time.Time) {
	dir, _ := os.MkdirTemp("", "runs-")
	os.Create(fmt.Sprintf("%s/run-%d", dir, t.Unix()))
}

// Not a time: an int64 parameter of unknown origin.
func plainInt(n int64) {
	os.Create(fmt.Sprintf("/tmp/run-%d-%s", n, randHex()))
}
