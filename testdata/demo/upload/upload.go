// Package upload sends data to a server, keeping a copy in the spool.
package upload

import (
	"bufio"
	"net/http"
	"os"
	"path/filepath"

	"example.com/demo/internal/tmputil"
)

// Send writes data to a temp file, uploads it and moves it to the spool.
func Send(url string, data []byte) error {
	f, err := os.CreateTemp("", "upload")
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if _, err := w.Write(data); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if _, err := f.Seek(0, 0); err != nil {
		return err
	}
	resp, err := http.Post(url, "application/octet-stream", f)
	if err != nil {
		return err
	}
	resp.Body.Close()
	f.Close()
	spool := filepath.Join(os.Getenv("HOME"), ".demo", "spool", "last.bin")
	return os.Rename(f.Name(), spool)
}

// Scratch writes a scratch file named after the process.
func Scratch(data []byte) error {
	f, err := os.Create(tmputil.ScratchPath("scratch.txt"))
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(data)
	return err
}

// Stage prepares a private staging directory and cleans it up with a helper.
func Stage(data []byte) error {
	dir, err := os.MkdirTemp("", "stage-*")
	if err != nil {
		return err
	}
	defer tmputil.Cleanup(dir)
	return os.WriteFile(filepath.Join(dir, "payload"), data, 0o600)
}
