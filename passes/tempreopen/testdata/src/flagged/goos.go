package flagged

import (
	"log"
	"os"
	"runtime"
)

// Mentioning runtime.GOOS does not make the removal safe: only a test
// that excludes Windows on the way to it does.
func mentionsGOOS(dst string, data []byte) error {
	f, err := os.CreateTemp("", "m")
	if err != nil {
		return err
	}
	log.Printf("writing on %s", runtime.GOOS)
	if _, err := f.Write(data); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // want `os.Rename of f's file while f is still open`
}

func notPlan9(data []byte) error {
	f, err := os.CreateTemp("", "p")
	if err != nil {
		return err
	}
	defer f.Close()
	if runtime.GOOS != "plan9" {
		os.Remove(f.Name()) // want `os.Remove of f's file while f is still open`
	}
	_, err = f.Write(data)
	return err
}

func windowsCase(data []byte) error {
	f, err := os.CreateTemp("", "w")
	if err != nil {
		return err
	}
	defer f.Close()
	switch runtime.GOOS {
	case "linux":
	case "windows":
		os.Remove(f.Name()) // want `os.Remove of f's file while f is still open`
	}
	_, err = f.Write(data)
	return err
}
