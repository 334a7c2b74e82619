//go:build !unix

package vettool

import "os/exec"

func setChildAttrs(cmd *exec.Cmd) {}

func killGroup(cmd *exec.Cmd) { cmd.Process.Kill() }

func parentDeath() {}
