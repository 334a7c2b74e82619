// Package afero is a stub of github.com/spf13/afero v1.15.0: the exported
// API shapes that tempguard's file-API table names (the same signatures as
// the real module), with empty bodies.
package afero

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// File represents a file in the filesystem.
type File interface {
	io.Closer
	io.Reader
	io.ReaderAt
	io.Seeker
	io.Writer
	io.WriterAt

	Name() string
	Readdir(count int) ([]os.FileInfo, error)
	Readdirnames(n int) ([]string, error)
	Stat() (os.FileInfo, error)
	Sync() error
	Truncate(size int64) error
	WriteString(s string) (ret int, err error)
}

// Fs is the filesystem interface.
type Fs interface {
	Create(name string) (File, error)
	Mkdir(name string, perm os.FileMode) error
	MkdirAll(path string, perm os.FileMode) error
	Open(name string) (File, error)
	OpenFile(name string, flag int, perm os.FileMode) (File, error)
	Remove(name string) error
	RemoveAll(path string) error
	Rename(oldname, newname string) error
	Stat(name string) (os.FileInfo, error)
	Name() string
	Chmod(name string, mode os.FileMode) error
	Chown(name string, uid, gid int) error
	Chtimes(name string, atime time.Time, mtime time.Time) error
}

type Afero struct {
	Fs
}

// Lstater, Linker, LinkReader and Symlinker are the optional symlink
// interfaces.
type Lstater interface {
	LstatIfPossible(name string) (os.FileInfo, bool, error)
}

type Linker interface {
	SymlinkIfPossible(oldname, newname string) error
}

type LinkReader interface {
	ReadlinkIfPossible(name string) (string, error)
}

type Symlinker interface {
	Lstater
	Linker
	LinkReader
}

// OsFs is a Fs implementation that uses functions provided by the os package.
type OsFs struct{}

func NewOsFs() Fs { return &OsFs{} }

func (OsFs) Name() string                                                   { return "OsFs" }
func (OsFs) Create(name string) (File, error)                               { return nil, nil }
func (OsFs) Mkdir(name string, perm os.FileMode) error                      { return nil }
func (OsFs) MkdirAll(path string, perm os.FileMode) error                   { return nil }
func (OsFs) Open(name string) (File, error)                                 { return nil, nil }
func (OsFs) OpenFile(name string, flag int, perm os.FileMode) (File, error) { return nil, nil }
func (OsFs) Remove(name string) error                                       { return nil }
func (OsFs) RemoveAll(path string) error                                    { return nil }
func (OsFs) Rename(oldname, newname string) error                           { return nil }
func (OsFs) Stat(name string) (os.FileInfo, error)                          { return nil, nil }
func (OsFs) Chmod(name string, mode os.FileMode) error                      { return nil }
func (OsFs) Chown(name string, uid, gid int) error                          { return nil }
func (OsFs) Chtimes(name string, atime time.Time, mtime time.Time) error    { return nil }
func (OsFs) LstatIfPossible(name string) (os.FileInfo, bool, error)         { return nil, false, nil }
func (OsFs) SymlinkIfPossible(oldname, newname string) error                { return nil }
func (OsFs) ReadlinkIfPossible(name string) (string, error)                 { return "", nil }

// MemMapFs is an in-memory file system.
type MemMapFs struct {
	init bool
}

func NewMemMapFs() Fs { return &MemMapFs{} }

func (m *MemMapFs) Name() string                                                   { return "MemMapFS" }
func (m *MemMapFs) Create(name string) (File, error)                               { return nil, nil }
func (m *MemMapFs) Mkdir(name string, perm os.FileMode) error                      { return nil }
func (m *MemMapFs) MkdirAll(path string, perm os.FileMode) error                   { return nil }
func (m *MemMapFs) Open(name string) (File, error)                                 { return nil, nil }
func (m *MemMapFs) OpenFile(name string, flag int, perm os.FileMode) (File, error) { return nil, nil }
func (m *MemMapFs) Remove(name string) error                                       { return nil }
func (m *MemMapFs) RemoveAll(path string) error                                    { return nil }
func (m *MemMapFs) Rename(oldname, newname string) error                           { return nil }
func (m *MemMapFs) Stat(name string) (os.FileInfo, error)                          { return nil, nil }
func (m *MemMapFs) Chmod(name string, mode os.FileMode) error                      { return nil }
func (m *MemMapFs) Chown(name string, uid, gid int) error                          { return nil }
func (m *MemMapFs) Chtimes(name string, atime time.Time, mtime time.Time) error    { return nil }

// The layered file systems (their methods are not needed here).
type BasePathFs struct {
	source Fs
	path   string
}

type ReadOnlyFs struct{ source Fs }

type CopyOnWriteFs struct{ base, layer Fs }

type CacheOnReadFs struct{ base, layer Fs }

type RegexpFs struct{ source Fs }

func NewBasePathFs(source Fs, path string) Fs                        { return nil }
func NewReadOnlyFs(source Fs) Fs                                     { return nil }
func NewCopyOnWriteFs(base Fs, layer Fs) Fs                          { return nil }
func NewCacheOnReadFs(base Fs, layer Fs, cacheTime time.Duration) Fs { return nil }
func NewRegexpFs(source Fs, re *regexp.Regexp) Fs                    { return nil }

// The ioutil-like helpers.
func ReadDir(fs Fs, dirname string) ([]os.FileInfo, error)                  { return nil, nil }
func ReadFile(fs Fs, filename string) ([]byte, error)                       { return nil, nil }
func WriteFile(fs Fs, filename string, data []byte, perm os.FileMode) error { return nil }
func TempFile(fs Fs, dir, pattern string) (f File, err error)               { return nil, nil }
func TempDir(fs Fs, dir, prefix string) (name string, err error)            { return "", nil }
func WriteReader(fs Fs, path string, r io.Reader) (err error)               { return nil }
func SafeWriteReader(fs Fs, path string, r io.Reader) (err error)           { return nil }
func GetTempDir(fs Fs, subPath string) string                               { return "" }
func Walk(fs Fs, root string, walkFn filepath.WalkFunc) error               { return nil }

func (a Afero) ReadDir(dirname string) ([]os.FileInfo, error)                  { return nil, nil }
func (a Afero) ReadFile(filename string) ([]byte, error)                       { return nil, nil }
func (a Afero) WriteFile(filename string, data []byte, perm os.FileMode) error { return nil }
func (a Afero) TempFile(dir, pattern string) (f File, err error)               { return nil, nil }
func (a Afero) TempDir(dir, prefix string) (name string, err error)            { return "", nil }
func (a Afero) WriteReader(path string, r io.Reader) (err error)               { return nil }
func (a Afero) SafeWriteReader(path string, r io.Reader) (err error)           { return nil }
func (a Afero) GetTempDir(subPath string) string                               { return "" }
func (a Afero) Walk(root string, walkFn filepath.WalkFunc) error               { return nil }
