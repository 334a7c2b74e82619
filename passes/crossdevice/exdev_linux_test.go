//go:build linux

package crossdevice_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// TestRenameAcrossFilesystemsFailsWithEXDEV shows that the failure this
// pass prevents is real: it finds two writable directories on different
// filesystems (the system temp dir, /dev/shm, the working directory, the
// user cache dir...), shows that os.Rename of a temp file from one to the
// other fails with EXDEV, and that the suggested fix (create the temp file
// in filepath.Dir(dst)) succeeds.
func TestRenameAcrossFilesystemsFailsWithEXDEV(t *testing.T) {
	candidates := []string{os.TempDir(), "/dev/shm"}
	if wd, err := os.Getwd(); err == nil {
		candidates = append(candidates, wd)
	}
	if d, err := os.UserCacheDir(); err == nil {
		candidates = append(candidates, d)
	}
	candidates = append(candidates, "/var/tmp", "/run/user/"+strconv.Itoa(os.Getuid()))

	type place struct {
		dir string // a scratch directory made inside a candidate
		dev uint64
	}
	var places []place
	var tried []string
	for _, c := range candidates {
		dir, err := os.MkdirTemp(c, "crossdevice-exdev-")
		if err != nil {
			tried = append(tried, c+" (not writable)")
			continue
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
		var st syscall.Stat_t
		if err := syscall.Stat(dir, &st); err != nil {
			tried = append(tried, c+" (stat failed)")
			continue
		}
		tried = append(tried, c+" (dev "+strconv.FormatUint(uint64(st.Dev), 10)+")")
		places = append(places, place{dir, uint64(st.Dev)})
	}
	var from, to *place
	for i := range places {
		for j := range places {
			if places[i].dev != places[j].dev {
				from, to = &places[i], &places[j]
				break
			}
		}
		if from != nil {
			break
		}
	}
	if from == nil {
		t.Skipf("no two writable directories on different filesystems on this machine (tried %v); cannot demonstrate EXDEV", tried)
	}

	// The bug: a temp file made in one filesystem, renamed into the other.
	f, err := os.CreateTemp(from.dir, "src-*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("payload"); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(to.dir, "final.txt")
	err = os.Rename(f.Name(), dst)
	if err == nil {
		t.Fatalf("os.Rename(%s, %s) across devices %d and %d succeeded; expected EXDEV", f.Name(), dst, from.dev, to.dev)
	}
	if !errors.Is(err, syscall.EXDEV) {
		t.Fatalf("os.Rename across devices: got %v, want EXDEV", err)
	}
	var le *os.LinkError
	if !errors.As(err, &le) {
		t.Errorf("os.Rename error %T is not an *os.LinkError", err)
	}
	t.Logf("demonstrated: %v (device %d -> device %d)", err, from.dev, to.dev)

	// The fix: the temp file beside its destination renames fine.
	g, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.WriteString("payload"); err != nil {
		t.Fatal(err)
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(g.Name(), dst); err != nil {
		t.Fatalf("rename within one filesystem failed: %v", err)
	}
	if data, err := os.ReadFile(dst); err != nil || string(data) != "payload" {
		t.Fatalf("after the fixed rename: %q, %v", data, err)
	}
}
