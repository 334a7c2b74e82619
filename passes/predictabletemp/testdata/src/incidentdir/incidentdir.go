// Package incidentdir is modelled on Incus GHSA-73hr-m85f-64v9: an output
// directory at a fixed name in the shared temp dir, accepted when it
// already exists, then written into. Another user can make the name first
// (a directory of theirs, or a symlink to one) and receive the files. The
// name is predictable, so predictabletemp proves it: no check races here,
// the existing directory is simply accepted.
package incidentdir

import (
	"os"
	"path/filepath"
)

func export(data []byte) error {
	dir := filepath.Join(os.TempDir(), "vmtool-export")
	if err := os.Mkdir(dir, 0o700); err != nil && !os.IsExist(err) { // want `predictable temp directory path built from constants only; another user can create it first: use os.MkdirTemp`
		return err
	}
	return os.WriteFile(filepath.Join(dir, "export.tar"), data, 0o600) // want `predictable temp file path built from constants only; an attacker's symlink redirects the write`
}

func exportAll(data []byte) error {
	dir := filepath.Join(os.TempDir(), "vmtool-export-all")
	if err := os.MkdirAll(dir, 0o700); err != nil { // want `predictable temp directory path built from constants only; another user can create it first: use os.MkdirTemp`
		return err
	}
	return os.WriteFile(filepath.Join(dir, "export.tar"), data, 0o600) // want `predictable temp file path built from constants only; an attacker's symlink redirects the write`
}
