// Package glogcve is modelled on the log-file code of golang/glog before
// CVE-2024-45339 (klog shared it): the log directories are a package-level
// list that a flag may start and os.TempDir() ends, filled once; a log
// file's name is built from the program, host, user, time and PID; it is
// made with os.Create, and a symlink at a fixed name points at it. Another
// user who creates the name first (a symlink to a victim's file) gets the
// log written there. The fixed form (a private per-user directory and an
// O_EXCL open) is the look-alike that stays quiet.
package glogcve

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// The flag's value is the user's choice: unknown, whatever its default.
var logDir = flag.String("log_dir", "", "If non-empty, write log files in this directory")

var (
	dirsOnce sync.Once
	logDirs  []string
)

func createLogDirs() {
	if *logDir != "" {
		logDirs = append(logDirs, *logDir)
	}
	logDirs = append(logDirs, os.TempDir())
}

var (
	pid      = os.Getpid()
	program  = filepath.Base(os.Args[0])
	host     = "unknownhost"
	userName = "unknownuser"
)

func init() {
	if h, err := os.Hostname(); err == nil {
		host = h
	}
	if u, err := user.Current(); err == nil {
		userName = u.Username
	}
	userName = strings.ReplaceAll(userName, `\`, "_")
}

// logName returns a log file's name and the name of the link to it.
func logName(tag string, t time.Time) (name, link string) {
	name = fmt.Sprintf("%s.%s.%s.log.%s.%04d%02d%02d-%02d%02d%02d.%d",
		program, host, userName, tag,
		t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), pid)
	return name, program + "." + tag
}

func create(tag string, t time.Time) (*os.File, string, error) {
	dirsOnce.Do(createLogDirs)
	if len(logDirs) == 0 {
		return nil, "", errors.New("log: no log dirs")
	}
	name, link := logName(tag, t)
	var lastErr error
	for _, dir := range logDirs {
		fname := filepath.Join(dir, name)
		f, err := os.Create(fname) // want `predictable temp file path built from os.Args, the host name, the user name, time.Now\(\) and os.Getpid\(\)`
		if err == nil {
			symlink := filepath.Join(dir, link)
			os.Remove(symlink)
			os.Symlink(name, symlink) // want `predictable temp path for a new link built from os.Args`
			return f, fname, nil
		}
		lastErr = err
	}
	return nil, "", fmt.Errorf("log: cannot create log: %v", lastErr)
}

func rotate(now time.Time) {
	create("INFO", now)
	create("WARNING", now)
}

// The fixed form: the fallback directory is the user's own, made by
// os.MkdirTemp, and the file is opened with O_EXCL.
var (
	privOnce sync.Once
	privDirs []string
)

func createPrivDirs() {
	if *logDir != "" {
		privDirs = append(privDirs, *logDir)
	}
	if d, err := os.MkdirTemp("", "glog-"); err == nil {
		privDirs = append(privDirs, d)
	}
}

func createFixed(tag string, t time.Time) (*os.File, string, error) {
	privOnce.Do(createPrivDirs)
	name, link := logName(tag, t)
	var lastErr error
	for _, dir := range privDirs {
		fname := filepath.Join(dir, name)
		f, err := os.OpenFile(fname, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o400)
		if err == nil {
			symlink := filepath.Join(dir, link)
			os.Remove(symlink)
			os.Symlink(name, symlink)
			return f, fname, nil
		}
		lastErr = err
	}
	return nil, "", fmt.Errorf("log: cannot create log: %v", lastErr)
}

func rotateFixed(now time.Time) {
	createFixed("INFO", now)
	createFixed("WARNING", now)
}
