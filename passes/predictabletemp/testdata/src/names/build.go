// Package names holds the forms a predictable name is built in beyond a
// single expression: += and p = p + x after a shared dir, a
// strings.Builder and strings.Join of a slice grown with append. Each has
// its look-alike with a random part (os.CreateTemp's name, crypto/rand),
// which stays quiet.
package names

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"strconv"
	"strings"
)

func plusAssign() {
	p := os.TempDir()
	p += "/fixed.lock"
	os.Create(p) // want `predictable temp file path built from constants only`
}

func plusAssignPID() {
	p := os.TempDir()
	p += "/app-"
	p += strconv.Itoa(os.Getpid())
	os.WriteFile(p, nil, 0o600) // want `predictable temp file path built from os.Getpid\(\)`
}

func selfConcat() {
	p := os.TempDir()
	p = p + "/x.sock"
	os.Create(p) // want `predictable temp file path built from constants only`
}

func selfConcatPID() {
	p := "/tmp"
	p = p + "/x-" + strconv.Itoa(os.Getpid())
	os.Create(p) // want `predictable temp file path built from os.Getpid\(\)`
}

func builder() {
	var b strings.Builder
	b.WriteString(os.TempDir())
	b.WriteString("/builder.out")
	os.Create(b.String()) // want `predictable temp file path built from constants only`
}

func joinAppend() {
	parts := []string{os.TempDir()}
	parts = append(parts, "app", "state.json")
	os.Create(strings.Join(parts, "/")) // want `predictable temp file path built from constants only`
}

func joinAppendLit() {
	parts := append([]string{os.TempDir()}, "app", "joined.json")
	os.Create(strings.Join(parts, "/")) // want `predictable temp file path built from constants only`
}

// Look-alikes: a random part from crypto/rand or from os.CreateTemp's name.

func randHex() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func plusAssignRandom() {
	p := os.TempDir()
	p += "/app-"
	p += randHex()
	os.Create(p)
}

func selfConcatRandom() {
	f, _ := os.CreateTemp("", "app-*")
	p := f.Name()
	p = p + ".lock"
	os.Create(p)
}

func builderRandom() {
	var b strings.Builder
	b.WriteString(os.TempDir())
	b.WriteString("/out-")
	b.WriteString(randHex())
	os.Create(b.String())
}

func joinAppendRandom() {
	parts := []string{os.TempDir()}
	parts = append(parts, "app-"+randHex())
	os.Create(strings.Join(parts, "/"))
}

// Look-alike: a relative name built the same way is not in a shared dir.
func plusAssignRelative() {
	p := "out"
	p += "/fixed.lock"
	os.Create(p)
}
