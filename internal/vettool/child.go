package vettool

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Interrupts and the children.
//
// A child (the go command, or the vet suite that `tempguard vet` forwards
// to) runs in its own process group, so that tempguard can end it and
// everything it started (the vet-tool processes, the compiler) at once. On
// SIGINT or SIGTERM tempguard kills that group and exits 1 (the standalone
// mode's -fix stops between two files first). If tempguard itself is killed
// outright (SIGKILL), the kernel ends the child (Linux's parent-death
// signal), and the vet-tool processes the go command started end with it
// the same way (see parentDeath).

// interrupted is set once SIGINT or SIGTERM arrived.
var interrupted atomic.Bool

// Interrupted reports whether SIGINT or SIGTERM arrived since WatchSignals.
func Interrupted() bool { return interrupted.Load() }

var (
	childMu  sync.Mutex
	children = map[*exec.Cmd]bool{} // running: go vet, and go list beside it for -v and the progress line
)

// driverEnv marks the child's environment so that the vet-tool processes
// the go command starts know that a tempguard driver runs them.
const driverEnv = "TEMPGUARD_DRIVER=1"

// WatchSignals starts handling SIGINT and SIGTERM: they kill the running
// children. The returned function restores the default handling.
func WatchSignals() (stop func()) {
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				interrupted.Store(true)
				childMu.Lock()
				for c := range children {
					if c.Process != nil {
						killGroup(c)
					}
				}
				childMu.Unlock()
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// RunChild runs cmd in its own process group, tied to this process's
// life, with env added to the environment. It returns ErrInterrupted once
// WatchSignals saw a signal. logf, if not nil, is told the command line
// and the time it took.
func RunChild(cmd *exec.Cmd, logf func(format string, args ...any), env ...string) error {
	setChildAttrs(cmd)
	cmd.Env = append(append(os.Environ(), driverEnv), env...)
	childMu.Lock()
	if interrupted.Load() {
		childMu.Unlock()
		return ErrInterrupted
	}
	if err := cmd.Start(); err != nil {
		childMu.Unlock()
		return err
	}
	children[cmd] = true
	childMu.Unlock()
	if logf != nil {
		logf("running: %s", CommandLine(cmd.Args))
	}
	start := time.Now()
	err := cmd.Wait()
	if logf != nil {
		logf("go %s took %.1fs", cmd.Args[1], time.Since(start).Seconds())
	}
	childMu.Lock()
	delete(children, cmd)
	childMu.Unlock()
	if interrupted.Load() {
		return ErrInterrupted
	}
	return err
}

type interruptError struct{}

func (interruptError) Error() string { return "interrupted" }

// ErrInterrupted is RunChild's error once SIGINT or SIGTERM arrived.
var ErrInterrupted error = interruptError{}

// Exec runs the program at path with args as a child (RunChild) on this
// process's standard input, output and error, handling SIGINT and SIGTERM
// meanwhile, and returns the exit code to exit with: the child's, or
// ExitError, with a line on stderr, if it was interrupted or could not run.
// what names the child in that line.
func Exec(stderr io.Writer, what, path string, args ...string) int {
	defer WatchSignals()()
	cmd := exec.Command(path, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := RunChild(cmd, nil)
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	case err == ErrInterrupted:
		fmt.Fprintln(stderr, "tempguard: interrupted")
		return ExitError
	}
	fmt.Fprintf(stderr, "tempguard: running %s: %v\n", what, err)
	return ExitError
}

// CommandLine renders a command for a log, quoting what a shell would need.
func CommandLine(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\n\"'\\$`|&;<>(){}*?[]#~") {
			a = strconv.Quote(a)
		}
		q[i] = a
	}
	return strings.Join(q, " ")
}
