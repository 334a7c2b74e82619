package quiet

import (
	"errors"
	"os"
	"runtime"
	"testing"
)

// Code after a runtime.GOOS test that excludes Windows knows it runs on a
// Unix system, where an open file can be removed and renamed.

func earlyReturnOnWindows(dst string, data []byte) error {
	f, err := os.CreateTemp("", "e")
	if err != nil {
		return err
	}
	defer f.Close()
	f.Write(data)
	if runtime.GOOS == "windows" {
		return errors.New("not supported on windows")
	}
	return os.Rename(f.Name(), dst)
}

func switchUnix(data []byte) error {
	f, err := os.CreateTemp("", "s")
	if err != nil {
		return err
	}
	defer f.Close()
	switch runtime.GOOS {
	case "linux", "darwin":
		os.Remove(f.Name())
	}
	_, err = f.Write(data)
	return err
}

func switchDefault(data []byte) error {
	f, err := os.CreateTemp("", "s")
	if err != nil {
		return err
	}
	defer f.Close()
	switch runtime.GOOS {
	case "windows":
	default:
		os.Remove(f.Name())
	}
	_, err = f.Write(data)
	return err
}

func linuxAndFlag(data []byte, anon bool) error {
	f, err := os.CreateTemp("", "l")
	if err != nil {
		return err
	}
	defer f.Close()
	if anon && runtime.GOOS == "linux" {
		os.Remove(f.Name())
	}
	_, err = f.Write(data)
	return err
}

func deferredOnUnix(data []byte) error {
	f, err := os.CreateTemp("", "d")
	if err != nil {
		return err
	}
	defer f.Close()
	if !(runtime.GOOS == "windows") {
		defer os.Remove(f.Name())
	}
	_, err = f.Write(data)
	return err
}

func TestSkippedOnWindows(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("unlinks open files")
	}
	f, err := os.CreateTemp(t.TempDir(), "x")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("x")
}
