package atomic

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/ioutil"
	"log"
	"os"
	"path/filepath"
)

// F1: the classic atomic-write helper.
func WriteFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp("", "atomic-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path) // want `os.Rename from the system temp dir \(os.CreateTemp\(\"\", …\)\) to path fails with EXDEV \(invalid cross-device link\) when the temp dir is another filesystem, as in containers and on tmpfs; create the temp file in filepath.Dir\(path\)`
}

// F2: ioutil form.
func SaveLegacy(dst string, r io.Reader) error {
	tmp, err := ioutil.TempFile("", "legacy")
	if err != nil {
		return err
	}
	if _, err := io.Copy(tmp, r); err != nil {
		tmp.Close()
		return err
	}
	tmp.Close()
	return os.Rename(tmp.Name(), dst) // want `\(ioutil.TempFile\(\"\", …\)\) to dst fails with EXDEV`
}

// F3: os.TempDir() as the dir, a constant destination.
func WriteConfig(v any) error {
	f, err := os.CreateTemp(os.TempDir(), "config-*.json")
	if err != nil {
		return err
	}
	if err := json.NewEncoder(f).Encode(v); err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), "config.json") // want `\(os.CreateTemp in os.TempDir\(\)\) to "config.json" fails with EXDEV`
}

// F4: a directory built in the temp dir, then moved into place.
func InstallTree(dst string, files map[string][]byte) error {
	dir, err := os.MkdirTemp("", "install-")
	if err != nil {
		return err
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			os.RemoveAll(dir)
			return err
		}
	}
	return os.Rename(dir, dst) // want `create the temp directory in filepath.Dir\(dst\)`
}

// F5: ioutil.TempDir.
func Unpack(target string) error {
	staging, err := ioutil.TempDir("", "unpack")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(staging, "MANIFEST"), nil, 0o644); err != nil {
		return err
	}
	if err := os.Rename(staging, target); err != nil { // want `\(ioutil.TempDir\(\"\", …\)\) to target`
		return fmt.Errorf("unpack: %w", err)
	}
	return nil
}

type Store struct {
	root string
	path string
}

// F6: the destination is declared after the temp file: its expression is used.
func (s *Store) Put(key string, data []byte) error {
	f, err := os.CreateTemp("", "blob-")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Write(data)
	f.Close()
	dst := filepath.Join(s.root, key)
	return os.Rename(name, dst) // want `to dst fails with EXDEV`
}

// F7: a fixed name under os.TempDir(): no fix (the path is not made by CreateTemp).
func PublishLock(data []byte) error {
	p := filepath.Join(os.TempDir(), "app.lock")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		return err
	}
	return os.Rename(p, "/etc/app/app.lock") // want `\(os.TempDir\(\)\) to "/etc/app/app.lock" fails with EXDEV`
}

// F8: a file inside a temp directory: reported, no fix.
func Download(dst string, body io.Reader) error {
	dir, err := os.MkdirTemp("", "dl")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	p := filepath.Join(dir, "archive.tgz")
	out, err := os.Create(p)
	if err != nil {
		return err
	}
	io.Copy(out, body)
	out.Close()
	return os.Rename(p, dst) // want `\(a dir from os.MkdirTemp\) to dst fails with EXDEV`
}

// F9: a struct field destination, unchanged in between.
func (s *Store) Save(v any) error {
	f, err := os.CreateTemp("", "store")
	if err != nil {
		return err
	}
	json.NewEncoder(f).Encode(v)
	f.Close()
	return os.Rename(f.Name(), s.path) // want `to s.path fails with EXDEV`
}

// F10: the error is wrapped, not handled by copying.
func Commit(f *os.File, final string) error {
	tmp, err := os.CreateTemp("", "commit")
	if err != nil {
		return err
	}
	tmp.Close()
	if err := os.Rename(tmp.Name(), final); err != nil { // want `to final fails with EXDEV`
		log.Printf("rename failed: %v", err)
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// F11: err assigned, then tested.
func Rotate(logPath string) error {
	var err error
	f, err := os.CreateTemp("", "rotate")
	if err != nil {
		return err
	}
	f.Close()
	err = os.Rename(f.Name(), logPath) // want `to logPath fails with EXDEV`
	if err != nil {
		log.Printf("rotate: %v", err)
		return err
	}
	return nil
}

var errRename = fmt.Errorf("rename failed")

// F12: the call itself in the condition.
func Swap(current string) error {
	f, err := os.CreateTemp("", "swap")
	if err != nil {
		return err
	}
	f.Close()
	if os.Rename(f.Name(), current) != nil { // want `to current fails with EXDEV`
		return errRename
	}
	return nil
}

// F13: a literal /tmp path.
func Snapshot() error {
	f, err := os.Create("/tmp/snapshot.bin")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename("/tmp/snapshot.bin", "data/snapshot.bin") // want `\(/tmp\) to "data/snapshot.bin" fails with EXDEV`
}

// F14: $TMPDIR.
func FinishPart(dst string) error {
	part := filepath.Join(os.Getenv("TMPDIR"), "download.part")
	return os.Rename(part, dst) // want `\(\$TMPDIR\) to dst fails with EXDEV`
}

// F15: an unexported helper whose callers pass non-temp destinations.
func moveInto(dst string) error {
	f, err := os.CreateTemp("", "move")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), dst) // want `to dst fails with EXDEV`
}

func useMoveInto() error {
	return moveInto(filepath.Join("var", "lib", "app", "state"))
}

// F17: /dev/shm is always a tmpfs.
func PublishFrame(dst string, frame []byte) error {
	const shm = "/dev/shm/frame.raw"
	if err := os.WriteFile(shm, frame, 0o600); err != nil {
		return err
	}
	return os.Rename(shm, dst) // want `\(/dev/shm\) to dst fails with EXDEV`
}

// F18: the destination changes between creation and rename: no fix.
func SaveWithExt(path string, data []byte) error {
	f, err := os.CreateTemp("", "save")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	path = path + ".json"
	return os.Rename(f.Name(), path) // want `to path fails with EXDEV`
}

// F19: one temp file per item, in a loop.
func WriteAll(outDir string, items map[string][]byte) error {
	for name, data := range items {
		f, err := os.CreateTemp("", "item")
		if err != nil {
			return err
		}
		f.Write(data)
		f.Close()
		if err := os.Rename(f.Name(), filepath.Join(outDir, name)); err != nil { // want `to filepath.Join\(outDir, name\) fails with EXDEV`
			return err
		}
	}
	return nil
}

// F20: a deferred rename.
func Checkpoint(dst string, data []byte) error {
	f, err := os.CreateTemp("", "ckpt")
	if err != nil {
		return err
	}
	defer os.Rename(f.Name(), dst) // want `to dst fails with EXDEV`
	defer f.Close()
	_, err = f.Write(data)
	return err
}

const statePath = "/var/lib/app/state.json"

// F21: a package constant destination.
func SaveState(data []byte) error {
	f, err := os.CreateTemp("", "state")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	return os.Rename(f.Name(), statePath) // want `to statePath fails with EXDEV`
}

func tempPath(name string) string { return filepath.Join(os.TempDir(), name) }

// F22: the temp path comes from a helper.
func Promote(dst string) error {
	return os.Rename(tempPath("promote.bin"), dst) // want `\(os.TempDir\(\)\) to dst fails with EXDEV`
}

// F23: "template" is not "temp".
func RenderTemplate(templatePath string, out []byte) error {
	f, err := os.CreateTemp("", "render")
	if err != nil {
		return err
	}
	f.Write(out)
	f.Close()
	return os.Rename(f.Name(), templatePath) // want `to templatePath fails with EXDEV`
}

// F24: fmt.Sprintf destination declared after the temp file.
func (s *Store) PutJSON(id string, v any) error {
	f, err := os.CreateTemp("", "json")
	if err != nil {
		return err
	}
	json.NewEncoder(f).Encode(v)
	f.Close()
	target := fmt.Sprintf("%s/%s.json", s.root, id)
	return os.Rename(f.Name(), target) // want `to target fails with EXDEV`
}

// F25: the destination is computed by a call with effects after the temp
// file: no fix.
func (s *Store) nextPath() string { return filepath.Join(s.root, "next") }

func (s *Store) Append(data []byte) error {
	f, err := os.CreateTemp("", "append")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	return os.Rename(f.Name(), s.nextPath()) // want `to s.nextPath\(\) fails with EXDEV`
}

// F26: the rename of a file made in a loop-outer scope inside a loop: no fix.
func Retry(dst string) error {
	f, err := os.CreateTemp("", "retry")
	if err != nil {
		return err
	}
	f.Close()
	for i := 0; i < 3; i++ {
		if err = os.Rename(f.Name(), dst); err == nil { // want `to dst fails with EXDEV`
			return nil
		}
	}
	return err
}

// F-names1: a parameter named like a temp path is not evidence that it is
// one: names carry no location.
func Stage(tmpTarget string) error {
	f, err := os.CreateTemp("", "stage")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), tmpTarget) // want `to tmpTarget fails with EXDEV`
}

// F-names2: a field named like a temp path that the package never fills.
type Job struct {
	tempOut string
}

func (j *Job) Finish() error {
	f, err := os.CreateTemp("", "job")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), j.tempOut) // want `to j.tempOut fails with EXDEV`
}

const scratchState = "/tmp/app-state.json"

// F-names3: a method named like a temp dir that returns a field set elsewhere.
type Builder struct{ root string }

func (b *Builder) tempDir() string { return b.root }

func (b *Builder) Emit() error {
	f, err := os.CreateTemp("", "emit")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), filepath.Join(b.tempDir(), "out")) // want `fails with EXDEV`
}

// F-names4: a helper spelled like a cross-device test that tests nothing.
func isCrossDev(err error) bool { return err == nil }

func MoveNamed(dst string) error {
	f, err := os.CreateTemp("", "n")
	if err != nil {
		return err
	}
	f.Close()
	if err := os.Rename(f.Name(), dst); err != nil && !isCrossDev(err) { // want `to dst fails with EXDEV`
		return err
	}
	return nil
}

// F-names5: an error message that speaks of devices handles nothing.
func MoveWorded(dst string) error {
	f, err := os.CreateTemp("", "w")
	if err != nil {
		return err
	}
	f.Close()
	if err := os.Rename(f.Name(), dst); err != nil { // want `to dst fails with EXDEV`
		return errors.New("cross-device rename: not same device")
	}
	return nil
}
