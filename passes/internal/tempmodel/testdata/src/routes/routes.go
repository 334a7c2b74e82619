// Package routes pins the routes by which a value reaches a sink beyond
// local variables: struct fields, package-level slices, closures, helpers'
// results (multi-value ones too) and callers' arguments into methods. Each
// route has its nearest look-alike, which stays unknown.
package routes

import (
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

func probe(string)            {}
func probeCallers(string)     {}
func probeSecond(a, b string) {}

// --- 1. Struct fields: every store to the field in the package. ---

type logger struct {
	dir  string
	name string
	seq  int
}

func newLogger() *logger {
	return &logger{dir: os.TempDir(), name: "app.log"}
}

func (l *logger) path() string { return filepath.Join(l.dir, l.name) }

func (l *logger) use() {
	probe(l.dir)    // want `^loc=shared name=none tempfs dir="os.TempDir\(\)" origin=os\.TempDir$`
	probe(l.path()) // want `^loc=shared name=predictable tempfs dir="os.TempDir\(\)" origin=os\.TempDir sources=a constant$`
	l.seq++
	probe(fmt.Sprintf("/tmp/x-%d", l.seq)) // want `^loc=shared name=predictable tempfs dir="/tmp" origin=literal sources=a constant,a counter$`
}

// A local holding a constructor's result reads the stores too.
func useLogger() {
	l := newLogger()
	probe(l.dir + "/y.log") // want `^loc=shared name=predictable tempfs dir="os.TempDir\(\)" origin=os\.TempDir sources=a constant$`
}

// Look-alike: one store elsewhere is a private directory.
type cache struct{ dir string }

func newCache() *cache { return &cache{dir: os.TempDir()} }

func (c *cache) private() {
	d, _ := os.MkdirTemp("", "c")
	c.dir = d
}

func (c *cache) use() {
	probe(c.dir) // want `^loc=unknown name=none tempfs$`
}

// Look-alike: a store from a parameter (in callers mode, the parameter
// takes what its one call site passes).
type store struct{ dir string }

func newStore(dir string) *store { return &store{dir: dir} }

func useStore() {
	s := newStore(os.TempDir())
	probe(s.dir)        // want `^loc=unknown name=unknown$`
	probeCallers(s.dir) // want `^callers: loc=shared name=none tempfs dir="os.TempDir\(\)" origin=os\.TempDir$`
}

// Look-alike: an exported field can be set by other packages (and by
// encoding/json).
type Config struct{ Dir string }

func NewConfig() *Config { return &Config{Dir: os.TempDir()} }

func (c *Config) use() {
	probe(c.Dir) // want `^loc=unknown name=unknown$`
}

// Look-alike: a field whose address is taken (a flag sets it).
type options struct{ dir string }

func (o *options) register(fs *flag.FlagSet) {
	o.dir = os.TempDir()
	fs.StringVar(&o.dir, "dir", os.TempDir(), "")
}

func (o *options) use() {
	probe(o.dir) // want `^loc=unknown name=unknown$`
}

// Positional literals store too.
type pair struct {
	dir, name string
}

func positional() {
	p := pair{"/tmp", "p.txt"}
	q := &p
	probe(q.dir + "/" + q.name) // want `^loc=shared name=predictable tempfs dir="/tmp" origin=literal sources=a constant$`
}

// --- 2. Package-level variables and slices. ---

// A flag's value is unknown at run time, whatever its default.
var (
	logDir = flag.String("log_dir", "", "")
	spool  = flag.String("spool", os.TempDir(), "")
)

var logDirs []string

func createLogDirs() {
	if *logDir != "" {
		logDirs = append(logDirs, *logDir)
	}
	logDirs = append(logDirs, os.TempDir())
}

func useLogDirs() {
	probe(*spool) // want `^loc=unknown name=unknown$`
	// The loop runs with each element: os.TempDir() among them.
	for _, dir := range logDirs {
		probe(filepath.Join(dir, "x.log")) // want `^loc=shared name=predictable tempfs dir="os.TempDir\(\)" origin=os\.TempDir sources=a constant each$`
	}
	for _, dir := range []string{"/var/lib/app", "/srv/app"} {
		probe(dir) // want `^loc=other name=predictable sources=a constant$`
	}
}

// Look-alike: the slice is given to a function, which may store anything.
var spoolDirs = []string{os.TempDir()}

func fill(dirs []string) { dirs[0] = "/var/spool/app" }

func useSpoolDirs() {
	fill(spoolDirs)
	for _, dir := range spoolDirs {
		probe(dir) // want `^loc=unknown name=unknown$`
	}
}

// Look-alike: only private and random elements.
func privateDirs() {
	d, _ := os.MkdirTemp("", "p")
	dirs := []string{d}
	dirs = append(dirs, filepath.Join(os.TempDir(), rand.Text()))
	for _, dir := range dirs {
		probe(dir) // want `^loc=shared name=random tempfs dir="os.TempDir\(\)" origin=os\.TempDir each$`
	}
}

// Look-alike: an exported slice can be changed by other packages.
var Dirs = []string{os.TempDir()}

func useDirs() {
	for _, dir := range Dirs {
		probe(dir) // want `^loc=unknown name=unknown$`
	}
}

// --- 3. Closures, goroutines, sync.Once(Value), walk callbacks. ---

var tmpRoot = sync.OnceValue(func() string { return filepath.Join(os.TempDir(), "app-root") })

var privRoot = sync.OnceValues(func() (string, error) { return os.MkdirTemp("", "app-") })

var (
	onceDir string
	once    sync.Once
)

func closures() {
	dir := os.TempDir()
	go func() {
		probe(filepath.Join(dir, "g.sock")) // want `^loc=shared name=predictable tempfs dir="os.TempDir\(\)" origin=os\.TempDir sources=a constant$`
	}()
	go func(d string) {
		probe(filepath.Join(d, "h.sock")) // want `^loc=shared name=predictable tempfs dir="os.TempDir\(\)" origin=os\.TempDir sources=a constant$`
	}(os.TempDir())
	mk := func(n string) string { return filepath.Join(os.TempDir(), n) }
	probe(mk("x.pid")) // want `^loc=shared name=predictable tempfs dir="os.TempDir\(\)" origin=os\.TempDir sources=a constant$`
	probe(tmpRoot())   // want `^loc=shared name=predictable tempfs dir="os.TempDir\(\)" origin=os\.TempDir sources=a constant$`
	pr, _ := privRoot()
	probe(pr) // want `^loc=private name=none tempfs dir="os.MkdirTemp" origin=MkdirTemp$`
	once.Do(func() { onceDir = filepath.Join(os.TempDir(), "app-once") })
	probe(onceDir) // want `^loc=shared name=predictable tempfs dir="os.TempDir\(\)" origin=os\.TempDir sources=a constant$`
	filepath.Walk(os.TempDir(), func(p string, info fs.FileInfo, err error) error {
		probe(p) // want `^loc=shared name=unknown tempfs dir="os.TempDir\(\)" origin=os\.TempDir$`
		return nil
	})
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		probe(p) // want `^loc=shared name=unknown tempfs dir="os.TempDir\(\)" origin=os\.TempDir$`
		return nil
	})
}

// Look-alikes: a captured variable also assigned a random name; a
// closure's parameter that a second call could set (a function value
// called twice is not followed); a literal that is not called.
func closuresQuiet(names []string) {
	dir := filepath.Join(os.TempDir(), "q")
	go func() {
		dir = filepath.Join(os.TempDir(), hex.EncodeToString([]byte(rand.Text())))
	}()
	probe(dir) // want `^loc=shared name=unknown tempfs dir="os.TempDir\(\)" origin=os\.TempDir sources=a constant$`
	run := func(d string) {
		probe(d) // want `^loc=unknown name=unknown$`
	}
	run(os.TempDir())
	run(names[0])
}

// --- 4. Helpers' results, multi-value calls as a whole argument list. ---

func twoPaths() (string, string) {
	return "/var/lib/app/state", filepath.Join(os.TempDir(), "b.txt")
}

func helpers() {
	_, b := twoPaths()
	probe(b)                                                              // want `^loc=shared name=predictable tempfs dir="os.TempDir\(\)" origin=os\.TempDir sources=a constant$`
	probeSecond(twoPaths())                                               // want `^second: loc=shared name=predictable tempfs dir="os.TempDir\(\)" origin=os\.TempDir sources=a constant$`
	probe(filepath.Join(filepath.Split("/tmp/app/x.log")))                // want `^loc=shared name=unknown tempfs dir="/tmp" origin=literal sources=a constant$`
	d, f := filepath.Split(filepath.Join(os.TempDir(), rand.Text()+".x")) // the directory of a random name is the temp dir
	probe(d)                                                              // want `^loc=shared name=none tempfs dir="os.TempDir\(\)" origin=os\.TempDir$`
	probe(f)                                                              // want `^loc=other name=random$`
	// Look-alike: the first result of twoPaths is not in a temp dir.
	a, _ := twoPaths()
	probe(a) // want `^loc=other name=predictable sources=a constant$`
}

// --- 5. Callers' arguments into unexported methods. ---

type spooler struct{}

func (s *spooler) open(name string) {
	probeCallers(filepath.Join(os.TempDir(), name)) // want `^callers: loc=shared name=predictable tempfs dir="os.TempDir\(\)" origin=os\.TempDir sources=a constant$`
}

func (s *spooler) run() {
	s.open("a.job")
	s.open("b.job")
}

// Look-alikes: a method that an interface of the package has (callers
// through it are not seen), and one used as a value.
type opener interface{ openVia(string) }

func (s *spooler) openVia(name string) {
	probeCallers(filepath.Join(os.TempDir(), name)) // want `^callers: loc=shared name=unknown tempfs dir="os.TempDir\(\)" origin=os\.TempDir$`
}

func (s *spooler) openValue(name string) {
	probeCallers(filepath.Join(os.TempDir(), name)) // want `^callers: loc=shared name=unknown tempfs dir="os.TempDir\(\)" origin=os\.TempDir$`
}

func (s *spooler) runQuiet(o opener) {
	s.openVia("a.job")
	o.openVia("b.job")
	f := s.openValue
	f("c.job")
}
