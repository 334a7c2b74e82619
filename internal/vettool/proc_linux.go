package vettool

import (
	"os"
	"os/exec"
	"syscall"
)

func setChildAttrs(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

func killGroup(cmd *exec.Cmd) {
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
}

// parentDeath makes a vet-tool process that a tempguard driver's go
// command started die with that go command, so that killing tempguard
// leaves nothing running.
func parentDeath() {
	if os.Getenv("TEMPGUARD_DRIVER") != "1" {
		return
	}
	syscall.RawSyscall(syscall.SYS_PRCTL, syscall.PR_SET_PDEATHSIG, uintptr(syscall.SIGKILL), 0)
	if os.Getppid() == 1 { // the go command died before the prctl
		os.Exit(ExitError)
	}
}
