// Package glogstyle models golang/glog before CVE-2024-45339: log files in
// os.TempDir() named from the program, host, user, time and PID.
package glogstyle

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"
)

var (
	pid      = os.Getpid()
	program  = filepath.Base(os.Args[0])
	host     = "unknownhost"
	userName = "unknownuser"
)

func init() {
	h, err := os.Hostname()
	if err == nil {
		host = shortHostname(h)
	}
	current, err := user.Current()
	if err == nil {
		userName = current.Username
	}
	userName = strings.Replace(userName, `\`, "_", -1)
}

func shortHostname(hostname string) string {
	if i := strings.Index(hostname, "."); i >= 0 {
		return hostname[:i]
	}
	return hostname
}

func logName(tag string, t time.Time) string {
	return fmt.Sprintf("%s.%s.%s.log.%s.%04d%02d%02d-%02d%02d%02d.%d",
		program, host, userName, tag,
		t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), pid)
}

// Every caller passes a constant tag.
func create(tag string, t time.Time) (*os.File, error) {
	fname := filepath.Join(os.TempDir(), logName(tag, t))
	return os.Create(fname) // want `predictable temp file path built from os.Args, the host name, the user name, time.Now\(\) and os.Getpid\(\)`
}

func rotate(now time.Time) {
	create("INFO", now)
	create("WARNING", now)
}

// The fixed glog: O_EXCL.
func createExcl(tag string, t time.Time) (*os.File, error) {
	fname := filepath.Join(os.TempDir(), logName(tag, t))
	return os.OpenFile(fname, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o400)
}

func rotateExcl(now time.Time) {
	createExcl("INFO", now)
}

// Look-alikes: the tag's callers are not all visible.

// Exported: other packages may pass anything.
func Create(tag string) (*os.File, error) {
	return os.Create(filepath.Join(os.TempDir(), "app."+tag))
}

// Its caller here passes a constant: the call is reported (by Create's
// Summary), not Create's body.
func useExported() { Create("INFO") } // want `glogstyle.Create creates a file with os.Create at a predictable temp path built from constants only`

// Used as a value: callers unknown.
func createVia(tag string) (*os.File, error) {
	return os.Create(filepath.Join(os.TempDir(), "app2."+tag))
}

var creator = createVia

// A caller passes a random tag.
func createMixed(tag string) (*os.File, error) {
	return os.Create(filepath.Join(os.TempDir(), "app3."+tag))
}

func useMixed() {
	createMixed("INFO")
	b := make([]byte, 8)
	rand.Read(b)
	createMixed(hex.EncodeToString(b))
}

// Reassigned parameter.
func createDefault(tag string) (*os.File, error) {
	if tag == "" {
		tag = "INFO"
	}
	return os.Create(filepath.Join(os.TempDir(), "app4."+tag))
}

func useDefault(t string) { createDefault(t) }

// Never called.
func createUnused(tag string) (*os.File, error) {
	return os.Create(filepath.Join(os.TempDir(), "app5."+tag))
}

// A random name with an appended hostname slice.
func createRandom() (*os.File, error) {
	b := make([]byte, 8)
	rand.Read(b)
	return os.Create(filepath.Join(os.TempDir(), hex.EncodeToString(b)+"."+host[:1]))
}
