package main

import (
	"os"
	"os/exec"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Interrupts and the go vet child.
//
// The go command runs in its own process group, so tempguard can end it
// and everything it started (the vet tool processes, the compiler) at once.
// On SIGINT or SIGTERM tempguard kills that group, stops -fix between two
// files, and exits 1. If tempguard itself is killed outright (SIGKILL), the
// kernel ends go vet (Linux's parent-death signal), and the vet tool
// processes it started end with it the same way (see vetToolParentDeath).

// interrupted is set once SIGINT or SIGTERM arrived.
var interrupted atomic.Bool

var (
	childMu  sync.Mutex
	children = map[*exec.Cmd]bool{} // running: go vet, and go list beside it for -v and the progress line
)

// driverEnv marks the go command's environment so that the vet tool
// processes it starts know that a tempguard driver runs them.
const driverEnv = "TEMPGUARD_DRIVER=1"

// watchSignals starts handling SIGINT and SIGTERM; the returned function
// restores the default handling.
func watchSignals() (stop func()) {
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

// runChild runs cmd in its own process group, tied to tempguard's life,
// with env added to the environment.
func runChild(cmd *exec.Cmd, env ...string) error {
	setChildAttrs(cmd)
	cmd.Env = append(append(os.Environ(), driverEnv), env...)
	childMu.Lock()
	if interrupted.Load() {
		childMu.Unlock()
		return errInterrupted
	}
	if err := cmd.Start(); err != nil {
		childMu.Unlock()
		return err
	}
	children[cmd] = true
	childMu.Unlock()
	verbosef("running: %s", commandLine(cmd.Args))
	start := time.Now()
	err := cmd.Wait()
	verbosef("go %s took %.1fs", cmd.Args[1], time.Since(start).Seconds())
	childMu.Lock()
	delete(children, cmd)
	childMu.Unlock()
	if interrupted.Load() {
		return errInterrupted
	}
	return err
}

type interruptError struct{}

func (interruptError) Error() string { return "interrupted" }

var errInterrupted error = interruptError{}
