package main

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
)

// The janitor.
//
// -fix writes each file through a temporary copy in the same directory
// that is renamed over the original (fixwrite.go). On Linux the copy has
// no name until just before the rename (O_TMPFILE, then linkat), but a
// SIGKILL in the instant between naming it and renaming it would still
// leave it behind, and elsewhere the copy has a name from the start. So
// before -fix writes its first file it starts a janitor: a second
// tempguard process, in its own process group, that reads from a pipe the
// names of the temporary copies tempguard is about to create ("+name") and
// has renamed away ("-name"). When the pipe closes (tempguard is done or
// was killed, however) the janitor removes every copy still listed, then
// exits. It ignores SIGINT, SIGTERM and SIGHUP so that it outlives
// whatever stopped tempguard.

// janitorEnv marks the environment of the janitor process.
const janitorEnv = "TEMPGUARD_INTERNAL_JANITOR"

// isJanitor reports whether this process is a janitor.
func isJanitor() bool { return os.Getenv(janitorEnv) == "1" }

// runJanitor is the janitor's main loop over the records on r: a '+' or
// '-' and a path, each record ended by a NUL byte (paths may hold
// newlines). It writes a line to ready once it ignores the signals that
// stop tempguard. At end of input it removes the paths still listed.
func runJanitor(r io.Reader, ready io.Writer) int {
	signal.Ignore(os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	fmt.Fprintln(ready, "ready")
	pending := map[string]bool{}
	br := bufio.NewReader(r)
	for {
		rec, err := br.ReadString(0)
		if err != nil {
			break // EOF, or the pipe broke: either way tempguard is gone
		}
		rec = rec[:len(rec)-1]
		if len(rec) < 2 {
			continue
		}
		switch rec[0] {
		case '+':
			pending[rec[1:]] = true
		case '-':
			delete(pending, rec[1:])
		}
	}
	for path := range pending {
		os.Remove(path)
	}
	return 0
}

// janitor is tempguard's side of the janitor process.
type janitor struct {
	mu  sync.Mutex
	cmd *exec.Cmd
	w   io.WriteCloser // nil once stopped or if it could not start
}

var theJanitor janitor

// startJanitor starts the janitor if it does not run yet. If it cannot be
// started, -fix goes on without it: every file is still replaced
// atomically, only a copy left by a SIGKILL would not be removed.
func startJanitor() {
	j := &theJanitor
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.w != nil {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		verbosef("no janitor for temporary files: %v", err)
		return
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), janitorEnv+"=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // not stopped with tempguard's group
	w, err := cmd.StdinPipe()
	var out io.ReadCloser
	if err == nil {
		out, err = cmd.StdoutPipe()
	}
	if err == nil {
		err = cmd.Start()
	}
	if err == nil {
		// Wait until it ignores SIGINT and SIGTERM: from then on it
		// outlives whatever stops tempguard.
		_, err = bufio.NewReader(out).ReadString('\n')
		if err != nil {
			w.Close()
			cmd.Wait()
		}
	}
	if err != nil {
		verbosef("no janitor for temporary files: %v", err)
		return
	}
	j.cmd, j.w = cmd, w
}

// stopJanitor closes the pipe and waits for the janitor to exit.
func stopJanitor() {
	j := &theJanitor
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.w == nil {
		return
	}
	j.w.Close()
	j.cmd.Wait()
	j.cmd, j.w = nil, nil
}

// janitorSend tells the janitor that path is about to be created ('+') or
// is gone ('-'). It reports false if no janitor runs.
func janitorSend(op byte, path string) bool {
	j := &theJanitor
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.w == nil {
		return false
	}
	rec := make([]byte, 0, len(path)+2)
	rec = append(append(append(rec, op), path...), 0)
	if _, err := j.w.Write(rec); err != nil {
		j.w.Close()
		j.cmd.Wait()
		j.cmd, j.w = nil, nil
		return false
	}
	return true
}

// claimName returns a fresh name for a temporary copy of base in dir,
// registered with the janitor (if one runs) before anything is created
// there: ".<base>.tempguard-<pid>-<random>", which go tools ignore (a
// leading dot, no .go suffix). The name is absolute, as the janitor may
// resolve relative names elsewhere. Call releaseName once the name is
// renamed away or was never created.
func claimName(dir, base string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	var r [6]byte
	rand.Read(r[:])
	name := filepath.Join(abs, "."+base+".tempguard-"+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(r[:]))
	janitorSend('+', name)
	return name, nil
}

// releaseName tells the janitor that name needs no removal.
func releaseName(name string) { janitorSend('-', name) }
