package fixes

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"
)

func inline() error {
	f, err := os.Create(filepath.Join(os.TempDir(), fmt.Sprintf("report-%d.csv", os.Getpid()))) // want `built from os.Getpid\(\); use os.CreateTemp\("", "report-\*.csv"\)`
	if err != nil {
		return err
	}
	return f.Close()
}

func variable() error {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("upload-%d.bin", time.Now().UnixNano()))
	f, err := os.Create(path) // want `built from time.Now\(\); use os.CreateTemp\("", "upload-\*.bin"\)`
	if err != nil {
		return err
	}
	defer os.Remove(path)
	log.Printf("wrote %s", path)
	return f.Close()
}

func openFile() error {
	f, err := os.OpenFile(fmt.Sprintf("/tmp/app-%d.log", os.Getpid()), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600) // want `without O_EXCL`
	if err != nil {
		return err
	}
	return f.Close()
}

// No fix: the path is used before the create.
func usedBefore() error {
	path := fmt.Sprintf("/tmp/app-%d.sock", os.Getpid())
	os.Remove(path)
	f, err := os.Create(path) // want `built from os.Getpid\(\)`
	if err != nil {
		return err
	}
	return f.Close()
}

// No fix: the same name is computed again elsewhere.
func recomputed() error {
	f, err := os.Create(fmt.Sprintf("/tmp/app-%d.out", os.Getpid())) // want `built from os.Getpid\(\)`
	if err != nil {
		return err
	}
	f.Close()
	_, err = os.ReadFile(fmt.Sprintf("/tmp/app-%d.out", os.Getpid()))
	return err
}

// Keeps path/filepath and time in use, so that the fixes above delete no import.
func private(dir string) string {
	return filepath.Join(dir, time.Now().Format("2006"))
}
