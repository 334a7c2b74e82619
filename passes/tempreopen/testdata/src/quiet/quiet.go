package quiet

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// Closed before the rename.
func atomicWrite(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), dst)
}

// Deferred close plus an explicit close before the rename.
func deferAndClose(dst string) error {
	f, err := os.CreateTemp("", "dc")
	if err != nil {
		return err
	}
	defer f.Close()
	fmt.Fprintln(f, "x")
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst)
}

// Metadata calls by name work on open files everywhere.
func metadata() error {
	f, err := os.CreateTemp("", "meta")
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := os.Stat(f.Name()); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o600); err != nil {
		return err
	}
	now := time.Now()
	return os.Chtimes(f.Name(), now, now)
}

// The right defer order: remove registered first, runs last.
func rightOrder(r io.Reader) error {
	f, err := os.CreateTemp("", "ro")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	_, err = io.Copy(f, r)
	return err
}

// One deferred func: close, then remove.
func oneDefer(r io.Reader) error {
	f, err := os.CreateTemp("", "od")
	if err != nil {
		return err
	}
	defer func() {
		f.Close()
		os.Remove(f.Name())
	}()
	_, err = io.Copy(f, r)
	return err
}

// The remove on the error path of os.Create: there is no open file.
func createFailed(path string) error {
	f, err := os.Create(path)
	if err != nil {
		os.Remove(path)
		return err
	}
	return f.Close()
}

// The remove when the error is checked with == nil.
func createOK(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		return f.Close()
	}
	return os.Remove(path)
}

// Another file is renamed.
func otherFile(src, dst string) error {
	f, err := os.CreateTemp("", "other")
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Rename(src, dst)
}

// The command runs after the close.
func execAfterClose(src []byte) ([]byte, error) {
	f, err := os.CreateTemp("", "fmt-*.go")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(src); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	return exec.Command("gofmt", "-l", f.Name()).Output()
}

// The command is built but not run here.
func buildOnly(f *os.File) *exec.Cmd {
	return exec.Command("cat", f.Name())
}

func buildCmd(text string) (*exec.Cmd, string, error) {
	f, err := os.CreateTemp("", "b")
	if err != nil {
		return nil, "", err
	}
	f.WriteString(text)
	cmd := exec.Command("cat", f.Name())
	return cmd, f.Name(), f.Close()
}

// The command names a different file derived from the name.
func derivedName(src []byte) error {
	f, err := os.CreateTemp("", "src-*.c")
	if err != nil {
		return err
	}
	defer f.Close()
	f.Write(src)
	out := f.Name() + ".out"
	return exec.Command("cat", out).Run()
}

// A plain reopen for reading after direct writes is harmless.
func readBack(data []byte) ([]byte, error) {
	f, err := os.CreateTemp("", "rb")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return nil, err
	}
	return os.ReadFile(f.Name())
}

// Flushed before reading back.
func flushed(lines []string) ([]byte, error) {
	f, err := os.CreateTemp("", "fl")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return os.ReadFile(f.Name())
}

// gzip closed before reading back.
func gzipClosed(p []byte) (*os.File, error) {
	f, err := os.CreateTemp("", "gz")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zw := gzip.NewWriter(f)
	zw.Write(p)
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return os.Open(f.Name())
}

// csv WriteAll flushes.
func csvWriteAll(rows [][]string) ([]byte, error) {
	f, err := os.CreateTemp("", "c")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return os.ReadFile(f.Name())
}

// os.WriteFile over a created file that was never written through f.
func writeByName(data []byte) (string, error) {
	f, err := os.CreateTemp("", "cfg-*.yaml")
	if err != nil {
		return "", err
	}
	defer f.Close()
	if err := os.WriteFile(f.Name(), data, 0o600); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// Read-only reopen with OpenFile after direct writes.
func openReadOnly(data []byte) (*os.File, error) {
	f, err := os.CreateTemp("", "ro")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	f.Write(data)
	return os.OpenFile(f.Name(), os.O_RDONLY, 0)
}

// A helper of this package closes the file.
func closeQuietly(c io.Closer) { _ = c.Close() }

func helperClose(dst string) error {
	f, err := os.CreateTemp("", "hc")
	if err != nil {
		return err
	}
	f.WriteString("x")
	closeQuietly(f)
	return os.Rename(f.Name(), dst)
}

// Closed on both branches.
func bothBranches(ok bool, dst string) error {
	f, err := os.CreateTemp("", "bb")
	if err != nil {
		return err
	}
	if ok {
		f.WriteString("ok")
		f.Close()
	} else {
		f.Close()
	}
	return os.Rename(f.Name(), dst)
}

// The file escapes to the caller: its fate is not ours to see.
func escapes() (*os.File, error) {
	f, err := os.CreateTemp("", "esc")
	if err != nil {
		return nil, err
	}
	return f, nil
}

type holder struct{ f *os.File }

// Stored in a struct: closed elsewhere.
func stored(h *holder, dst string) error {
	f, err := os.CreateTemp("", "st")
	if err != nil {
		return err
	}
	h.f = f
	h.close()
	return os.Rename(f.Name(), dst)
}

func (h *holder) close() { h.f.Close() }

// Closed through a local closure.
func viaClosure(dst string) error {
	f, err := os.CreateTemp("", "vc")
	if err != nil {
		return err
	}
	done := func() { f.Close() }
	f.WriteString("x")
	done()
	return os.Rename(f.Name(), dst)
}

// Deferred remove after deferred close, but every path closes before return.
func closesEveryPath(data []byte) error {
	f, err := os.CreateTemp("", "cep")
	if err != nil {
		return err
	}
	defer f.Close()
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// t.Cleanup runs after the deferred close.
func TestCleanupOrder(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "t")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	t.Cleanup(func() { os.Remove(f.Name()) })
	f.WriteString("x")
}

// Removed after the close on the error path.
func errorPathClosed(r io.Reader) (string, error) {
	f, err := os.CreateTemp("", "ep")
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(f, r); err != nil {
		_ = f.Close()
		_ = os.Remove(f.Name())
		return "", err
	}
	return f.Name(), f.Close()
}

// os.Open is not a file we created: not tracked.
func openedForReading(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return nil
}

// The name variable is reassigned: it may not be the file's name.
func reassigned(dst string) error {
	f, err := os.CreateTemp("", "ra")
	if err != nil {
		return err
	}
	defer f.Close()
	name := f.Name()
	name = dst + ".bak"
	return os.Remove(name)
}

// A deferred remove of some other path.
func otherDefer(log string) error {
	f, err := os.CreateTemp("", "od")
	if err != nil {
		return err
	}
	defer f.Close()
	defer os.Remove(log)
	_, err = f.WriteString("x")
	return err
}

// The command names another temp file.
func otherTemp(a []byte) error {
	in, err := os.CreateTemp("", "in")
	if err != nil {
		return err
	}
	in.Write(a)
	if err := in.Close(); err != nil {
		return err
	}
	out, err := os.CreateTemp("", "out")
	if err != nil {
		return err
	}
	defer out.Close()
	cmd := exec.Command("cp", in.Name(), "/dev/null")
	cmd.Stdout = os.Stdout
	return cmd.Run()
}

// Each iteration closes before it renames.
func loop(dsts []string) error {
	for _, dst := range dsts {
		f, err := os.CreateTemp("", "loop")
		if err != nil {
			return err
		}
		f.WriteString(dst)
		if err := f.Close(); err != nil {
			return err
		}
		if err := os.Rename(f.Name(), dst); err != nil {
			return err
		}
	}
	return nil
}

// CommandContext after the close, name in a Sprintf.
func lint(ctx context.Context, cfg string) error {
	f, err := os.CreateTemp("", "lint-*.yaml")
	if err != nil {
		return err
	}
	f.WriteString(cfg)
	f.Close()
	return exec.CommandContext(ctx, "golangci-lint", "run", fmt.Sprintf("--config=%s", f.Name())).Run()
}

// Read-only file opened with OpenFile: the command may read it.
func readOnlyHandle(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return exec.Command("cat", path).Run()
}

// Flushed through a helper.
func flushHelper(lines []string) ([]byte, error) {
	f, err := os.CreateTemp("", "fh")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	for _, l := range lines {
		w.WriteString(l)
	}
	if err := finish(w); err != nil {
		return nil, err
	}
	return os.ReadFile(f.Name())
}

func finish(w *bufio.Writer) error { return w.Flush() }

// The reopen is in a goroutine of its own, not this function's flow.
func sync2(data []byte) error {
	f, err := os.CreateTemp("", "s2")
	if err != nil {
		return err
	}
	defer f.Close()
	f.Write(data)
	if err := f.Sync(); err != nil {
		return err
	}
	_, err = os.ReadFile(f.Name())
	return err
}

// Truncate by name is fine when nothing was written through f.
func createThenCreate(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	g, err := os.Create(path + ".2")
	if err != nil {
		return err
	}
	return g.Close()
}

// A struct field name that is reassigned later.
type paths struct{ tmp string }

func fieldReassigned() error {
	f, err := os.CreateTemp("", "fr")
	if err != nil {
		return err
	}
	defer f.Close()
	p := paths{tmp: f.Name()}
	p.tmp = "/var/lib/app/other"
	return os.Remove(p.tmp)
}

// The function knows the platform rule and follows it.
func osAware(data []byte) (*os.File, error) {
	f, err := os.CreateTemp("", "aware")
	if err != nil {
		return nil, err
	}
	if runtime.GOOS != "windows" {
		os.Remove(f.Name())
	}
	_, err = f.Write(data)
	return f, err
}

// A goroutine closes the file before the wait returns.
func closedInGoroutine(data []byte, dst string) error {
	f, err := os.CreateTemp("", "g")
	if err != nil {
		return err
	}
	done := make(chan struct{})
	go func() {
		defer f.Close()
		f.Write(data)
		close(done)
	}()
	<-done
	return os.Rename(f.Name(), dst)
}

// A stale lock is removed when the exclusive create fails.
func staleLock(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if os.IsExist(err) {
		os.Remove(path)
		return err
	}
	if errors.Is(err, fs.ErrPermission) && !force {
		os.Remove(path)
		return err
	}
	if err != nil {
		return err
	}
	return f.Close()
}

var force bool

type lineWriter struct{ f *os.File }

func newLineWriter(f *os.File) *lineWriter { return &lineWriter{f} }
func (w *lineWriter) Close() error         { return w.f.Close() }

// A wrapper of this package closes the file it was given.
func wrapped(dst string) error {
	f, err := os.CreateTemp("", "w")
	if err != nil {
		return err
	}
	lw := newLineWriter(f)
	f.WriteString("x")
	lw.Close()
	return os.Rename(f.Name(), dst)
}

// Programs that only look at the name or the metadata.
func metadataPrograms(data []byte) error {
	f, err := os.CreateTemp("", "md")
	if err != nil {
		return err
	}
	defer f.Close()
	f.Write(data)
	if err := exec.Command("chmod", "0600", f.Name()).Run(); err != nil {
		return err
	}
	return exec.Command("/bin/ls", "-l", f.Name()).Run()
}

// Cleanups in the right order.
func TestCleanupRight(t *testing.T) {
	f, err := os.CreateTemp("", "r")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(f.Name()) })
	t.Cleanup(func() { f.Close() })
	f.WriteString("x")
}

// One cleanup that closes, then removes; a deferred close before a cleanup removal.
func TestCleanupOne(t *testing.T) {
	f, err := os.CreateTemp("", "one")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		f.Close()
		os.Remove(f.Name())
	})
	g, err := os.CreateTemp("", "two")
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	t.Cleanup(func() { os.Remove(g.Name()) })
	t.Cleanup(func() { g.Close() })
}

// Closed explicitly before the test returns.
func TestCleanupClosedEarly(t *testing.T) {
	f, err := os.CreateTemp("", "early")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	t.Cleanup(func() { os.Remove(f.Name()) })
	f.WriteString("x")
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
