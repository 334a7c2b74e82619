//go:build unix

package unixonly

import (
	"bufio"
	"os"
	"os/exec"
	"syscall"
)

// Unlink while open: a deliberate anonymous scratch file on Unix.
func anonymous() (*os.File, error) {
	f, err := os.CreateTemp("", "anon")
	if err != nil {
		return nil, err
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func scratch(data []byte) error {
	f, err := os.CreateTemp("", "scratch")
	if err != nil {
		return err
	}
	os.Remove(f.Name())
	defer f.Close()
	_, err = f.Write(data)
	return err
}

// Defer order does not matter on Unix.
func deferOrder(data []byte) error {
	f, err := os.CreateTemp("", "do")
	if err != nil {
		return err
	}
	defer f.Close()
	defer os.Remove(f.Name())
	_, err = f.Write(data)
	return err
}

// Another program may read a file we hold open on Unix.
func catOpen(data []byte) error {
	f, err := os.CreateTemp("", "cat")
	if err != nil {
		return err
	}
	defer f.Close()
	f.Write(data)
	return exec.Command("cat", f.Name()).Run()
}

// But exec of the open file fails with ETXTBSY on Linux too.
func runOpen(script string) error {
	f, err := os.CreateTemp("", "s-*.sh")
	if err != nil {
		return err
	}
	f.WriteString(script)
	os.Chmod(f.Name(), 0o700)
	return exec.Command(f.Name()).Run() // want `exec.Command runs f's file while f is still open for writing: exec fails with "text file busy" on Linux`
}

// And buffered data is missing on every OS.
func bufferedCat(lines []string) error {
	f, err := os.CreateTemp("", "bc")
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	for _, l := range lines {
		w.WriteString(l + "\n")
	}
	return exec.Command("sort", f.Name()).Run() // want `exec.Command passes f's name to a command while data written through w \(bufio.Writer\) is not flushed`
}

// syscall.Exec of the file still open for writing.
func execSelf(script string) error {
	f, err := os.CreateTemp("", "x-*.sh")
	if err != nil {
		return err
	}
	f.WriteString(script)
	return syscall.Exec(f.Name(), []string{f.Name()}, os.Environ()) // want `syscall.Exec runs f's file while f is still open for writing`
}
