package atomic

import (
	"errors"
	"io"
	"io/ioutil"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
)

// Q1: the temp file is made beside its destination.
func WriteFileAtomicOK(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
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
	return os.Rename(f.Name(), path)
}

// Q2: ioutil form, same directory value as the destination.
func SaveLegacyOK(dst string, r io.Reader) error {
	dir := filepath.Dir(dst)
	tmp, err := ioutil.TempFile(dir, "legacy")
	if err != nil {
		return err
	}
	io.Copy(tmp, r)
	tmp.Close()
	return os.Rename(tmp.Name(), dst)
}

// Q3: the destination is in the temp dir too.
func WriteConfigTemp(v []byte) error {
	f, err := os.CreateTemp(os.TempDir(), "config-*.json")
	if err != nil {
		return err
	}
	f.Write(v)
	f.Close()
	return os.Rename(f.Name(), filepath.Join(os.TempDir(), "config.json"))
}

// Q4: a temp directory moved to another name in the temp dir.
func InstallTreeTemp() (string, error) {
	dir, err := os.MkdirTemp("", "install-")
	if err != nil {
		return "", err
	}
	final := filepath.Join(os.TempDir(), "install-final")
	return final, os.Rename(dir, final)
}

// Q5: the destination is derived from the temp path itself.
func MarkDone() error {
	staging, err := ioutil.TempDir("", "unpack")
	if err != nil {
		return err
	}
	return os.Rename(staging, staging+".done")
}

// Q6: same, through strings.TrimSuffix.
func FinishPartial() error {
	f, err := os.CreateTemp("", "blob-*.part")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	dst := strings.TrimSuffix(name, ".part")
	return os.Rename(name, dst)
}

// Q7: a fixed temp path moved within /tmp.
func PublishLockTemp(data []byte) error {
	p := filepath.Join(os.TempDir(), "app.lock")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		return err
	}
	return os.Rename(p, "/tmp/app.lock.published")
}

// Q8: a file inside a temp directory, renamed inside it.
func DownloadTemp(body io.Reader) (string, error) {
	dir, err := os.MkdirTemp("", "dl")
	if err != nil {
		return "", err
	}
	p := filepath.Join(dir, "archive.tgz.part")
	out, err := os.Create(p)
	if err != nil {
		return "", err
	}
	io.Copy(out, body)
	out.Close()
	final := filepath.Join(dir, "archive.tgz")
	return final, os.Rename(p, final)
}

type Cache struct {
	dir string
}

// NewCache fills the field with a temp directory somewhere in the package.
func NewCache() (*Cache, error) {
	d, err := os.MkdirTemp("", "cache")
	if err != nil {
		return nil, err
	}
	return &Cache{dir: d}, nil
}

// Q9: the destination field holds a temp directory.
func (c *Cache) Put(key string, data []byte) error {
	f, err := os.CreateTemp("", "entry")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	return os.Rename(f.Name(), filepath.Join(c.dir, key))
}

// Q10: the failed rename falls back to copying.
func MoveFile(dst string) error {
	f, err := os.CreateTemp("", "move")
	if err != nil {
		return err
	}
	f.Close()
	if err := os.Rename(f.Name(), dst); err != nil {
		return copyFile(f.Name(), dst)
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Q11: err assigned, then an io.Copy fallback.
func RotateCopy(logPath string) error {
	f, err := os.CreateTemp("", "rotate")
	if err != nil {
		return err
	}
	f.Close()
	err = os.Rename(f.Name(), logPath)
	if err != nil {
		in, _ := os.Open(f.Name())
		out, _ := os.Create(logPath)
		_, err = io.Copy(out, in)
	}
	return err
}

// Q12: the code checks for EXDEV.
func SwapChecked(current string) error {
	f, err := os.CreateTemp("", "swap")
	if err != nil {
		return err
	}
	f.Close()
	err = os.Rename(f.Name(), current)
	if errors.Is(err, syscall.EXDEV) {
		return copyFile(f.Name(), current)
	}
	return err
}

// Q13: /var/tmp is on the root disk, not the temp file system.
func SnapshotVarTmp() error {
	f, err := os.Create("/var/tmp/snapshot.bin")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename("/var/tmp/snapshot.bin", "data/snapshot.bin")
}

// Q14: an unexported helper whose caller passes a temp destination.
func moveWithinTemp(dst string) error {
	f, err := os.CreateTemp("", "move")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), dst)
}

func useMoveWithinTemp() error {
	return moveWithinTemp(filepath.Join(os.TempDir(), "moved"))
}

// Q15: the source is a parameter: we cannot tell where it is.
func Promote2(src, dst string) error {
	return os.Rename(src, dst)
}

// Q16: the temp file is made in a caller-chosen directory.
func WriteIn(dir, dst string, data []byte) error {
	f, err := os.CreateTemp(dir, "x")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	return os.Rename(f.Name(), dst)
}

// Q17: /dev/shm to /dev/shm.
func PublishFrameShm(frame []byte) error {
	const shm = "/dev/shm/frame.raw.part"
	if err := os.WriteFile(shm, frame, 0o600); err != nil {
		return err
	}
	return os.Rename(shm, "/dev/shm/frame.raw")
}

// Q18: one assignment of the destination is a temp path.
func SaveSomewhere(path string, scratch bool) error {
	f, err := os.CreateTemp("", "save")
	if err != nil {
		return err
	}
	f.Close()
	dst := path
	if scratch {
		dst = filepath.Join(os.TempDir(), "scratch")
	}
	return os.Rename(f.Name(), dst)
}

// Q19: a callback parameter (Walk over a temp tree).
func RenameAll(root string) error {
	f, err := os.CreateTemp("", "walk")
	if err != nil {
		return err
	}
	f.Close()
	return filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if info.Name() == "target" {
			return os.Rename(f.Name(), path)
		}
		return nil
	})
}

// Q22: a constant temp destination.
func SaveScratch(data []byte) error {
	f, err := os.CreateTemp("", "state")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	return os.Rename(f.Name(), scratchState)
}

func cachePath(name string) string { return filepath.Join("cache", name) }

// Q23: the source helper is not a temp path.
func PromoteCache(dst string) error {
	return os.Rename(cachePath("promote.bin"), dst)
}

// Q24: success first, then a copy fallback.
func MoveOrCopy(dst string) error {
	f, err := os.CreateTemp("", "moc")
	if err != nil {
		return err
	}
	f.Close()
	if err := os.Rename(f.Name(), dst); err == nil {
		return nil
	}
	return copyFile(f.Name(), dst)
}

// Q25: falls back to mv.
func MoveWithMv(dst string) error {
	f, err := os.CreateTemp("", "mv")
	if err != nil {
		return err
	}
	f.Close()
	if err := os.Rename(f.Name(), dst); err != nil {
		return exec.Command("mv", f.Name(), dst).Run()
	}
	return nil
}

// Q26: falls back to writing the data directly.
func WriteDirect(dst string, data []byte) error {
	f, err := os.CreateTemp("", "wd")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	if err := os.Rename(f.Name(), dst); err != nil {
		return os.WriteFile(dst, data, 0o644)
	}
	return nil
}

// Q27: a *os.LinkError check.
func MoveLinkErr(dst string) error {
	f, err := os.CreateTemp("", "le")
	if err != nil {
		return err
	}
	f.Close()
	err = os.Rename(f.Name(), dst)
	var le *os.LinkError
	if errors.As(err, &le) {
		return copyFile(f.Name(), dst)
	}
	return err
}

func isCrossDevice(err error) bool { return errors.Is(err, syscall.EXDEV) }

// Q28: a helper that tests for a cross-device error.
func MoveHelper(dst string) error {
	f, err := os.CreateTemp("", "h")
	if err != nil {
		return err
	}
	f.Close()
	if err := os.Rename(f.Name(), dst); err != nil && !isCrossDevice(err) {
		return err
	}
	return nil
}

// Q29: a function used as a callback: its parameter may be anything.
func renameTo(dst string) error {
	f, err := os.CreateTemp("", "cb")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), dst)
}

var hooks = []func(string) error{renameTo}

// Q30: the source is made in /var/tmp.
func SaveVarTmp(dst string) error {
	f, err := os.CreateTemp("/var/tmp", "big")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), dst)
}

// Q31: the destination is beside the renamed temp file.
func Finalize() error {
	f, err := os.CreateTemp("", "fin")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), filepath.Join(filepath.Dir(f.Name()), "final"))
}

// Q32: suppressed with a reason.
func Suppressed(dst string) error {
	f, err := os.CreateTemp("", "sup")
	if err != nil {
		return err
	}
	f.Close()
	//tempguard:ignore crossdevice TMPDIR is set to the data volume by our launcher
	return os.Rename(f.Name(), dst)
}

// Q34: a function literal's parameter.
var renameLater = func(dst string) error {
	f, err := os.CreateTemp("", "lit")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), dst)
}

// Q48: a helper decides whether a rename can work.
func MoveChecked(dst string) error {
	f, err := os.CreateTemp("", "chk")
	if err != nil {
		return err
	}
	f.Close()
	if !onSameMount(f.Name(), dst) {
		return copyFile(f.Name(), dst)
	}
	return os.Rename(f.Name(), dst)
}

func onSameMount(a, b string) bool { return false }

var outDir string

func init() {
	flagStringVar(&outDir, "out", os.TempDir(), "where results go")
}

func flagStringVar(p *string, name, value, usage string) { *p = value }

// Q49: the destination defaults to the temp dir through a flag.
func WriteResult(data []byte) error {
	f, err := os.CreateTemp("", "res")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	return os.Rename(f.Name(), filepath.Join(outDir, "result.json"))
}

var resultDir string

func init() {
	flagStringVar(&resultDir, "results", "results", "where results go")
}
