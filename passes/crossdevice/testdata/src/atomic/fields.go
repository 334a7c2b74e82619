package atomic

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
)

// F31: the temp file is kept in a field from the constructor to Commit.
type PendingFile struct {
	f    *os.File
	path string
}

func NewPendingFile(path string) (*PendingFile, error) {
	f, err := os.CreateTemp("", "pending-*")
	if err != nil {
		return nil, err
	}
	return &PendingFile{f: f, path: path}, nil
}

func (p *PendingFile) Commit() error {
	if err := p.f.Close(); err != nil {
		return err
	}
	return os.Rename(p.f.Name(), p.path) // want `\(os.CreateTemp\(\"\", …\)\) to p.path fails with EXDEV`
}

// Q37: the same, made beside the destination.
type SafePending struct {
	f    *os.File
	path string
}

func NewSafePending(path string) (*SafePending, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "pending-*")
	if err != nil {
		return nil, err
	}
	return &SafePending{f: f, path: path}, nil
}

func (p *SafePending) Commit() error {
	if err := p.f.Close(); err != nil {
		return err
	}
	return os.Rename(p.f.Name(), p.path)
}

// Q38: an exported field may be set by other packages: unknown source.
type Exported struct {
	F    *os.File
	Path string
}

func NewExported(path string) (*Exported, error) {
	f, err := os.CreateTemp("", "exp")
	if err != nil {
		return nil, err
	}
	return &Exported{F: f, Path: path}, nil
}

func (e *Exported) Commit() error { return os.Rename(e.F.Name(), e.Path) }

// F32: the temp path string kept in a field.
type Spool struct {
	tmpName string
	dest    string
}

func OpenSpool(dest string) (*Spool, error) {
	f, err := os.CreateTemp("", "spool")
	if err != nil {
		return nil, err
	}
	f.Close()
	return &Spool{tmpName: f.Name(), dest: dest}, nil
}

func (s *Spool) Close() error {
	return os.Rename(s.tmpName, s.dest) // want `to s.dest fails with EXDEV`
}

// Q39: the fallback is a same-package helper with a neutral name.
func Publish(dst string, r io.Reader) error {
	f, err := os.CreateTemp("", "pub")
	if err != nil {
		return err
	}
	io.Copy(f, r)
	f.Close()
	if err := os.Rename(f.Name(), dst); err != nil {
		return fallback(f.Name(), dst)
	}
	return nil
}

func fallback(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer out.Close()
	_, err = io.Copy(out, in)
	return err
}

// F33: a generic helper.
func SaveAs[T any](dst string, v T) error {
	f, err := os.CreateTemp("", "generic")
	if err != nil {
		return err
	}
	json.NewEncoder(f).Encode(v)
	f.Close()
	return os.Rename(f.Name(), dst) // want `to dst fails with EXDEV`
}

// Q40: io.Copy fills the temp file before the rename: that is not a fallback,
// but here the destination is in the temp dir, so all is well.
func Fill(r io.Reader) (string, error) {
	f, err := os.CreateTemp("", "fill")
	if err != nil {
		return "", err
	}
	io.Copy(f, r)
	f.Close()
	dst := filepath.Join(os.TempDir(), "filled")
	return dst, os.Rename(f.Name(), dst)
}

type Downloader struct {
	Dest    string
	workDir string
}

func NewDownloader(dest string) *Downloader {
	return &Downloader{Dest: dest, workDir: os.TempDir()}
}

// Q42: from the temp work dir to the temp work dir.
func (d *Downloader) Fetch(name string) error {
	src := filepath.Join(d.workDir, name+".part")
	return os.Rename(src, filepath.Join(d.workDir, name))
}

// F34: from the temp work dir (a field) to the destination.
func (d *Downloader) Install(name string) error {
	src := filepath.Join(d.workDir, name)
	return os.Rename(src, filepath.Join(d.Dest, name)) // want `\(os.TempDir\(\)\) to filepath.Join\(d.Dest, name\) fails with EXDEV`
}

type Mirror struct {
	cacheDir string
}

func NewMirror(dir string) *Mirror { return &Mirror{cacheDir: dir} }

// Q43: a field that is not (only) a temp dir.
func (m *Mirror) Install(name, dst string) error {
	return os.Rename(filepath.Join(m.cacheDir, name), dst)
}

func newTemp() (*os.File, error) {
	return os.CreateTemp("", "helper-*")
}

func newTempChecked(prefix string) (*os.File, error) {
	f, err := os.CreateTemp("", prefix)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func newLocalTemp(dst string) (*os.File, error) {
	return os.CreateTemp(filepath.Dir(dst), "local-*")
}

// F38: the temp file comes from a same-package helper: reported, no fix.
func ViaHelper(dst string) error {
	f, err := newTemp()
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), dst) // want `\(os.CreateTemp\(\"\", …\)\) to dst fails with EXDEV`
}

// F39: a helper that checks the error first.
func ViaCheckedHelper(dst string) error {
	f, err := newTempChecked("x")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), dst) // want `\(os.CreateTemp\(\"\", …\)\) to dst fails with EXDEV`
}

// Q46: the helper makes the file beside the destination.
func ViaLocalHelper(dst string) error {
	f, err := newLocalTemp(dst)
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), dst)
}

// F40: the flag default is not a temp dir.
func WriteResult2(data []byte) error {
	f, err := os.CreateTemp("", "res")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	return os.Rename(f.Name(), filepath.Join(resultDir, "result.json")) // want `to filepath.Join\(resultDir, "result.json"\) fails with EXDEV`
}
