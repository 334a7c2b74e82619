package prov

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

func probe(string) {}

const dirConst = "/tmp/app"

var pkgVar = "/var/tmp/x"

func helper(name string) string { return filepath.Join(os.TempDir(), name) }

func private() string {
	d, _ := os.MkdirTemp("", "x")
	return d
}

func cases(param string, n int) {
	probe("/tmp")                                          // want `^loc=shared name=none tempfs dir="/tmp" origin=literal$`
	probe("/tmp/a.log")                                    // want `^loc=shared name=predictable tempfs dir="/tmp" origin=literal sources=a constant$`
	probe("/tmpx")                                         // want `^loc=other name=predictable sources=a constant$`
	probe(os.TempDir())                                    // want `^loc=shared name=none tempfs dir="os.TempDir\(\)" origin=os\.TempDir$`
	probe(os.Getenv("TMPDIR") + "/x")                      // want `^loc=shared name=predictable tempfs dir="\$TMPDIR" origin=env sources=a constant$`
	probe(filepath.Join(os.TempDir(), param))              // want `^loc=shared name=unknown tempfs`
	probe(fmt.Sprintf("%s/%d", os.TempDir(), os.Getpid())) // want `name=predictable .*sources=os.Getpid\(\)$`
	probe(dirConst + strconv.Itoa(n))                      // want `^loc=shared name=unknown`
	probe(pkgVar)                                          // want `^loc=shared name=predictable tempfs dir="/var/tmp" origin=literal`
	probe(helper("x"))                                     // want `^loc=shared name=predictable tempfs dir="os.TempDir\(\)" origin=os\.TempDir`
	probe(helper(param))                                   // want `^loc=shared name=unknown`
	probe(filepath.Join(private(), "x"))                   // want `^loc=private name=predictable tempfs`
	probe(param)                                           // want `^loc=unknown name=unknown$`

	b := make([]byte, 8)
	rand.Read(b)
	probe(filepath.Join(os.TempDir(), hex.EncodeToString(b))) // want `^loc=shared name=random tempfs`
	probe(filepath.Join(os.TempDir(), rand.Text()))           // want `^loc=shared name=random tempfs`

	f, _ := os.CreateTemp("", "x")
	probe(f.Name())               // want `^loc=shared name=random tempfs dir="os.CreateTemp" origin=CreateTemp$`
	probe(filepath.Dir(f.Name())) // want `^loc=shared name=none tempfs`
	g, _ := os.CreateTemp(private(), "x")
	probe(g.Name()) // want `^loc=private name=random tempfs`

	p := "/tmp/a"
	if n > 0 {
		p = param
	}
	probe(p) // want `^loc=unknown name=unknown`

	var sb strings.Builder
	sb.WriteString("/tmp/")
	fmt.Fprintf(&sb, "x-%d", time.Now().Unix())
	probe(sb.String()) // want `^loc=shared name=predictable tempfs dir="/tmp" origin=literal sources=a constant,time.Now\(\)$`

	type st struct{ Dir string }
	s := st{Dir: os.TempDir()}
	probe(s.Dir + "/y") // want `^loc=shared name=predictable`

	for i := 0; i < n; i++ {
		probe(fmt.Sprintf("/tmp/%d", i)) // want `name=predictable .*a counter`
	}
}

// A reassigned parameter keeps the caller's value on the other paths.
func reassignedParam(dir string, name string) {
	if dir == "" {
		dir = os.TempDir()
	}
	probe(dir) // want `^loc=unknown name=unknown$`
	if name == "" {
		name = "/tmp/default.txt"
	}
	probe(name) // want `^loc=unknown name=unknown$`
	local := "/tmp/default.txt"
	probe(local) // want `^loc=shared name=predictable tempfs dir="/tmp" origin=literal sources=a constant$`
}

// Slices of a string keep its provenance; a self-referring assignment is
// evaluated by the one assignment that reaches it (the overwritten
// "nobody" is not a source; the zero value of a declared string is "").
func slicesAndSelf() {
	h, _ := os.Hostname()
	probe("/tmp/" + h[:4]) // want `^loc=shared name=predictable tempfs dir="/tmp" origin=literal sources=the host name$`
	u := "nobody"
	u = os.Getenv("USER")
	u = strings.ReplaceAll(u, `\`, "_")
	probe("/tmp/" + u) // want `^loc=shared name=predictable tempfs dir="/tmp" origin=literal sources=the user name$`
	r := "x"
	r = r + hex.EncodeToString(randBytes())
	probe("/tmp/" + r) // want `^loc=shared name=unknown tempfs dir="/tmp" origin=literal`
	var only string    // "" + "a": a constant
	only = only + "a"
	probe("/tmp/" + only) // want `^loc=shared name=predictable tempfs dir="/tmp" origin=literal sources=a constant$`
}

func randBytes() []byte {
	b := make([]byte, 8)
	rand.Read(b)
	return b
}

func slicedPrefix(p string) {
	t := filepath.Join(os.TempDir(), "x")
	probe(t[:len(t)-1])          // want `^loc=shared name=predictable tempfs dir="os.TempDir\(\)" origin=os\.TempDir sources=a constant$`
	probe(t[len(os.TempDir()):]) // want `^loc=other name=predictable sources=a constant$`
	probe("/etc/" + t[5:])       // want `^loc=other name=predictable sources=a constant$`
}

// A field of a local struct variable assigned from itself (a scanner's
// p.text = p.text[1:]) is evaluated as a variable is: its other assignments
// first, then one step of the self-referring ones. Each of these used to be
// evaluated again at every level of the recursion, so the work grew as the
// number of self-referring assignments to the power of the depth (seconds
// on internal/dag's parser; this one would not finish).
type scanner struct{ text string }

func selfFields() {
	h, _ := os.Hostname()
	p := &scanner{text: h}
	if len(p.text) > 9 {
		p.text = p.text[:9]
	}
	probe("/tmp/" + p.text) // want `^loc=shared name=predictable tempfs dir="/tmp" origin=literal sources=the host name$`
	for p.text != "" {
		switch p.text[0] {
		case ' ':
			p.text = p.text[:len(p.text)-1]
		case ';':
			p.text = strings.TrimSpace(p.text)
		case ',':
			p.text = p.text + p.text
		case '<':
			p.text = strings.ToLower(p.text)
		case '!':
			p.text = p.text[:len(p.text)-2]
		case '#':
			p.text = strings.TrimSuffix(p.text, "#")
		case '\n':
			p.text = strings.TrimPrefix(p.text, "\n")
		case '\t':
			p.text = p.text[:len(p.text)/2]
		}
	}
	probe("/tmp/" + p.text) // want `^loc=shared name=predictable tempfs dir="/tmp" origin=literal`
	q := &scanner{}
	q.text = q.text + "a"   // only self-references: unknown
	probe("/tmp/" + q.text) // want `^loc=shared name=unknown tempfs dir="/tmp" origin=literal$`
}
