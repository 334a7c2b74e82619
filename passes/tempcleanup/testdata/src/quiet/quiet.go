// Package quiet holds look-alikes that must not be reported.
package quiet

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

func build(dir string) error { return nil }

func deferRemove() error {
	f, err := os.CreateTemp("", "x")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	_, err = f.WriteString("x")
	return err
}

func deferRemoveAll() error {
	dir, err := os.MkdirTemp("", "d")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	return build(dir)
}

func deferredClosure() error {
	f, err := os.CreateTemp("", "c")
	if err != nil {
		return err
	}
	defer func() {
		f.Close()
		os.Remove(f.Name())
	}()
	_, err = f.WriteString("x")
	return err
}

func removeOnError(dst string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst)
}

func returnsFile() (*os.File, error) {
	f, err := os.CreateTemp("", "ret")
	if err != nil {
		return nil, err
	}
	return f, nil
}

func returnsName() (string, error) {
	f, err := os.CreateTemp("", "name")
	if err != nil {
		return "", err
	}
	defer f.Close()
	return f.Name(), nil
}

func returnsDir() (string, error) {
	dir, err := os.MkdirTemp("", "dir")
	if err != nil {
		return "", err
	}
	return dir, nil
}

func returnsJoined() (string, error) {
	dir, err := os.MkdirTemp("", "j")
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "out"), nil
}

type Server struct {
	dir  string
	file *os.File
}

func (s *Server) storeField() error {
	dir, err := os.MkdirTemp("", "field")
	if err != nil {
		return err
	}
	s.dir = dir
	return nil
}

func (s *Server) storeFileField() error {
	f, err := os.CreateTemp("", "ff")
	if err != nil {
		return err
	}
	s.file = f
	return nil
}

var tmpDirs []string

func storeGlobal() error {
	dir, err := os.MkdirTemp("", "g")
	if err != nil {
		return err
	}
	tmpDirs = append(tmpDirs, dir)
	return nil
}

func storeMap(m map[string]string) error {
	dir, err := os.MkdirTemp("", "m")
	if err != nil {
		return err
	}
	m["work"] = dir
	return nil
}

func storeMapKey(m map[string]bool) error {
	dir, err := os.MkdirTemp("", "k")
	if err != nil {
		return err
	}
	m[dir] = true
	return nil
}

func sendChan(ch chan<- string) error {
	dir, err := os.MkdirTemp("", "ch")
	if err != nil {
		return err
	}
	ch <- dir
	return nil
}

func goroutineCleans() error {
	dir, err := os.MkdirTemp("", "go")
	if err != nil {
		return err
	}
	go func() {
		defer os.RemoveAll(dir)
		_ = build(dir)
	}()
	return nil
}

func worker(dir string) {
	defer os.RemoveAll(dir)
}

func goWorker() error {
	dir, err := os.MkdirTemp("", "gw")
	if err != nil {
		return err
	}
	go worker(dir)
	return nil
}

func returnsCleanup() (func(), error) {
	dir, err := os.MkdirTemp("", "cl")
	if err != nil {
		return nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	return cleanup, nil
}

type tempFile struct{ f *os.File }

func returnsWrapper() (*tempFile, error) {
	f, err := os.CreateTemp("", "w")
	if err != nil {
		return nil, err
	}
	return &tempFile{f: f}, nil
}

func removeDir(dir string) {
	if err := os.RemoveAll(dir); err != nil {
		log.Print(err)
	}
}

func helperRemoves() error {
	dir, err := os.MkdirTemp("", "hr")
	if err != nil {
		return err
	}
	defer removeDir(dir)
	return build(dir)
}

func closeAndRemove(f *os.File) {
	f.Close()
	os.Remove(f.Name())
}

func helperRemovesFile() error {
	f, err := os.CreateTemp("", "hf")
	if err != nil {
		return err
	}
	defer closeAndRemove(f)
	_, err = f.WriteString("x")
	return err
}

var registry []string

func register(dir string) { registry = append(registry, dir) }

func helperKeeps() error {
	dir, err := os.MkdirTemp("", "hk")
	if err != nil {
		return err
	}
	register(dir)
	return nil
}

func renameHandsOff(dst string) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp")
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), dst); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}

func returnRename(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp")
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

func fatalOnError() {
	dir, err := os.MkdirTemp("", "fatal")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := build(dir); err != nil {
		log.Fatal(err)
	}
}

func exitSkipsDefer() {
	dir, err := os.MkdirTemp("", "exit")
	if err != nil {
		os.Exit(1)
	}
	if err := build(dir); err != nil {
		fmt.Println(err)
		os.Exit(2)
	}
	os.RemoveAll(dir)
}

func explicitEverywhere(data []byte) error {
	f, err := os.CreateTemp("", "e")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	f.Close()
	return os.Remove(f.Name())
}

func insidePrivateDir() error {
	dir, err := os.MkdirTemp("", "parent")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	f, err := os.CreateTemp(dir, "child")
	if err != nil {
		return err
	}
	return f.Close()
}

func inTestTempDir(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "x")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func setenvKeeps() error {
	dir, err := os.MkdirTemp("", "home")
	if err != nil {
		return err
	}
	return os.Setenv("HOME", dir)
}

func cmdDirField() *exec.Cmd {
	dir, err := os.MkdirTemp("", "cmd")
	if err != nil {
		return nil
	}
	cmd := exec.Command("make")
	cmd.Dir = dir
	return cmd
}

func removeGeneric[T ~string](p T) { os.RemoveAll(string(p)) }

func genericHelper() error {
	dir, err := os.MkdirTemp("", "gh")
	if err != nil {
		return err
	}
	defer removeGeneric(dir)
	return build(dir)
}

func genericCreator[T any](v T) error {
	dir, err := os.MkdirTemp("", "gc")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fmt.Println(dir, v)
	return nil
}

func switchErrCheck() error {
	dir, err := os.MkdirTemp("", "sw")
	switch {
	case err != nil:
		return err
	}
	defer os.RemoveAll(dir)
	return build(dir)
}

func loopRemoves(n int) error {
	for i := 0; i < n; i++ {
		f, err := os.CreateTemp("", "loop")
		if err != nil {
			return err
		}
		if i%2 == 0 {
			f.Close()
			os.Remove(f.Name())
			continue
		}
		f.Close()
		os.Remove(f.Name())
	}
	return nil
}

func cleanupHelper(t testing.TB) string {
	dir, err := os.MkdirTemp("", "tb")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return filepath.Join(dir, "sub")
}

func cleanupNoReturn(t *testing.T) {
	dir, err := os.MkdirTemp("", "cn")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	_ = build(dir)
}

func immediateClosure() error {
	dir, err := os.MkdirTemp("", "imm")
	if err != nil {
		return err
	}
	func() {
		defer os.RemoveAll(dir)
		_ = build(dir)
	}()
	return nil
}

func closureVar() error {
	f, err := os.CreateTemp("", "cv")
	if err != nil {
		return err
	}
	done := func() {
		f.Close()
		os.Remove(f.Name())
	}
	if err := build(f.Name()); err != nil {
		done()
		return err
	}
	done()
	return nil
}

func sliceReturned() ([]string, error) {
	dir, err := os.MkdirTemp("", "sl")
	if err != nil {
		return nil, err
	}
	paths := []string{dir, filepath.Join(dir, "a")}
	return paths, nil
}

var tmpRoot = mustDir()

func mustDir() string {
	dir, err := os.MkdirTemp("", "root")
	if err != nil {
		panic(err)
	}
	return dir
}

type Sink interface{ Consume(f *os.File) }

func interfaceTakes(s Sink) error {
	f, err := os.CreateTemp("", "sink")
	if err != nil {
		return err
	}
	s.Consume(f)
	return nil
}

func panicThenDefer() error {
	f, err := os.CreateTemp("", "p")
	if err != nil {
		panic(err)
	}
	defer os.Remove(f.Name())
	return f.Close()
}

func aliasRemoved() error {
	f, err := os.CreateTemp("", "a")
	if err != nil {
		return err
	}
	name := f.Name()
	defer os.Remove(name)
	return f.Close()
}

func convertedAlias() error {
	dir, err := os.MkdirTemp("", "conv")
	if err != nil {
		return err
	}
	d := string(dir)
	defer os.RemoveAll(d)
	return build(dir)
}

func errorsJoinCleanup() (err error) {
	f, err := os.CreateTemp("", "ej")
	if err != nil {
		return err
	}
	defer func() {
		err = errors.Join(err, f.Close(), os.Remove(f.Name()))
	}()
	_, err = io.WriteString(f, "x")
	return err
}

func mainLike() {
	dir, err := os.MkdirTemp("", "main")
	if err != nil {
		log.Fatalf("temp: %v", err)
	}
	code := 0
	if err := build(dir); err != nil {
		code = 1
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

func chdirKeeps() error {
	dir, err := os.MkdirTemp("", "cd")
	if err != nil {
		return err
	}
	return os.Chdir(dir)
}

func returnsCmd() (*exec.Cmd, error) {
	f, err := os.CreateTemp("", "cmd")
	if err != nil {
		return nil, err
	}
	f.Close()
	return exec.Command("tool", f.Name()), nil
}

func conditionalRemove(keep bool) error {
	f, err := os.CreateTemp("", "cond")
	if err != nil {
		return err
	}
	f.Close()
	if !keep {
		os.Remove(f.Name())
	}
	return nil
}

func deferInBranch(verbose bool) error {
	dir, err := os.MkdirTemp("", "br")
	if err != nil {
		return err
	}
	if !verbose {
		defer os.RemoveAll(dir)
	}
	return build(dir)
}

func collectedAndRemoved(n int) error {
	var files []string
	defer func() {
		for _, name := range files {
			os.Remove(name)
		}
	}()
	for i := 0; i < n; i++ {
		f, err := os.CreateTemp("", "many")
		if err != nil {
			return err
		}
		files = append(files, f.Name())
		f.Close()
	}
	return nil
}

func nameWrittenToLinkFile(dir string) error {
	f, err := os.CreateTemp(dir, "payload-*")
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	content := []byte(filepath.Base(f.Name()))
	return os.WriteFile(filepath.Join(dir, "link"), content, 0o666)
}

type workspace struct{ dir string }

func (w *workspace) Close() error { return os.RemoveAll(w.dir) }

func ownedByStruct() error {
	dir, err := os.MkdirTemp("", "ws")
	if err != nil {
		return err
	}
	ws := &workspace{dir: dir}
	defer ws.Close()
	return build(ws.dir)
}

func newWorkspace(dir string) *workspace { return &workspace{dir: dir} }

func ownedByConstructor() error {
	dir, err := os.MkdirTemp("", "ws")
	if err != nil {
		return err
	}
	ws := newWorkspace(dir)
	defer ws.Close()
	return nil
}

func keepFlag(keep bool) error {
	dir, err := os.MkdirTemp("", "work")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("keeping", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	return build(dir)
}

func errorsIsCheck() error {
	f, err := os.CreateTemp("", "is")
	if errors.Is(err, os.ErrPermission) {
		return err
	}
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	return f.Close()
}

func cleanByMode(mode string) error {
	dir, err := os.MkdirTemp("", "mode")
	if err != nil {
		return err
	}
	switch mode {
	case "clean":
		defer os.RemoveAll(dir)
	case "keep":
		fmt.Println("keeping", dir)
	}
	return build(dir)
}

// Odd shapes: nothing to report, nothing to crash on.

var pkgLevelFile, pkgLevelErr = os.CreateTemp("", "pkg")

var createFn = os.CreateTemp

func viaFuncValue() error {
	f, err := createFn("", "fv")
	if err != nil {
		return err
	}
	return f.Close()
}

type box[T any] struct{ v T }

func (b *box[T]) makeDir() (string, error) {
	dir, err := os.MkdirTemp("", "box")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	fmt.Println(b.v)
	return "", nil
}

func inGoroutine() {
	go func() {
		dir, err := os.MkdirTemp("", "g")
		if err != nil {
			return
		}
		defer os.RemoveAll(dir)
		_ = build(dir)
	}()
}

func multiDir() (a, b string, err error) {
	a, err = os.MkdirTemp("", "a")
	if err != nil {
		return
	}
	b, err = os.MkdirTemp("", "b")
	return
}

func parenthesized() error {
	f, err := (os.CreateTemp("", "paren"))
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	return f.Close()
}

func werrChain(path string, content []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	tmpPath := tmp.Name()
	_, werr := tmp.Write(content)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmpPath, 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmpPath, path)
	}
	if werr != nil {
		_ = os.Remove(tmpPath)
		return fmt.Errorf("writing %s: %w", path, werr)
	}
	return nil
}

type scratchDir string

func (d scratchDir) Remove() error { return os.RemoveAll(string(d)) }

func namedStringType() error {
	dir, err := os.MkdirTemp("", "named")
	if err != nil {
		return err
	}
	sd := scratchDir(dir)
	defer sd.Remove()
	return build(dir)
}

// Never removed, and the path is shown to the user as the result: a
// profile or artifacts kept on purpose.
func profileKept(run func(io.Writer) error) error {
	f, err := os.CreateTemp("", "cpu-*.pprof")
	if err != nil {
		return err
	}
	defer f.Close()
	if err := run(f); err != nil {
		return err
	}
	fmt.Printf("CPU profile written to %s\n", f.Name())
	return nil
}

func artifactsKept() error {
	dir, err := os.MkdirTemp("", "e2e-")
	if err != nil {
		return err
	}
	log.Printf("test artifacts kept in %s", dir)
	return build(dir)
}

// An anonymous temp file: unlinked at once, used through the handle.
func anonymous() (*os.File, error) {
	f, err := os.CreateTemp("", "anon")
	if err != nil {
		return nil, err
	}
	if err := syscall.Unlink(f.Name()); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func unlinkedScratch(data []byte) error {
	f, err := os.CreateTemp("", "scratch")
	if err != nil {
		return err
	}
	defer f.Close()
	syscall.Unlink(f.Name())
	_, err = f.Write(data)
	return err
}

// Never removed, and the path itself is printed or logged for the user:
// kept on purpose, whatever the message says (or with no message).
func shownPlain() error {
	a, err := os.MkdirTemp("", "a")
	if err != nil {
		return err
	}
	fmt.Println(a)
	return build(a)
}

func shownOnStderr() error {
	dir, err := os.MkdirTemp("", "work-")
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "using work dir %s\n", dir)
	return build(dir)
}

func shownBySlog(run func(io.Writer) error) error {
	b, err := os.CreateTemp("", "b")
	if err != nil {
		return err
	}
	defer b.Close()
	if err := run(b); err != nil {
		return err
	}
	slog.Info("done", "path", b.Name())
	return nil
}

func shownByLogger(l *log.Logger) error {
	a, err := os.MkdirTemp("", "a")
	if err != nil {
		return err
	}
	l.Printf("%s", a)
	return build(a)
}

func shownOnStdout() error {
	a, err := os.MkdirTemp("", "a")
	if err != nil {
		return err
	}
	os.Stdout.WriteString(a)
	return build(a)
}

func profileShownPlainly(run func(io.Writer) error) error {
	f, err := os.CreateTemp("", "cpu-*.pprof")
	if err != nil {
		return err
	}
	defer f.Close()
	if err := run(f); err != nil {
		return err
	}
	fmt.Printf("%s\n", f.Name())
	return nil
}

// The path is written out as data (to a stream, through an encoder):
// whoever reads it owns the object.
func writtenToStream(w io.Writer) error {
	a, err := os.MkdirTemp("", "a")
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(a)
	return bw.Flush()
}

func encodedAsJSON(w io.Writer) error {
	b, err := os.CreateTemp("", "b")
	if err != nil {
		return err
	}
	defer b.Close()
	return json.NewEncoder(w).Encode(b.Name())
}
