//go:build unix && !linux

package vettool

import (
	"os/exec"
	"syscall"
)

func setChildAttrs(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

func killGroup(cmd *exec.Cmd) {
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
}

// parentDeath: there is no parent-death signal here.
func parentDeath() {}
