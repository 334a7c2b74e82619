package flagged

import (
	"bufio"
	"os"
	"os/exec"
)

// An editor launched on a temp file whose template is still in a buffer,
// then the file read back: one fix (flush and close before the editor)
// covers both uses; the second use gets no fix of its own, which would
// flush and close the file a second time.
func editMessage(initial string) (string, error) {
	f, err := os.CreateTemp("", "COMMIT_EDITMSG-*.txt")
	if err != nil {
		return "", err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	w := bufio.NewWriter(f)
	w.WriteString(initial)
	editor := os.Getenv("EDITOR")
	if editor == "" {
		editor = "vi"
	}
	cmd := exec.Command(editor, f.Name()) // want `exec.Command passes f's name to a command while data written through w \(bufio.Writer\) is not flushed`
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", err
	}
	b, err := os.ReadFile(f.Name()) // want `os.ReadFile reopens f's file while data written through w \(bufio.Writer\) is not flushed yet`
	return string(b), err
}

// diff only reads, but the buffered lines are not in the file yet.
func diffBuffered(a, b []string) ([]byte, error) {
	f1, err := os.CreateTemp("", "a")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f1.Name())
	defer f1.Close()
	w := bufio.NewWriter(f1)
	for _, l := range a {
		w.WriteString(l + "\n")
	}
	return exec.Command("diff", "-u", f1.Name(), b[0]).CombinedOutput() // want `exec.Command passes f1's name to a command while data written through w \(bufio.Writer\) is not flushed`
}

// go build replaces its -o output: it cannot while the file is open on
// Windows (goplus/xgo#1867); the -o=name form too.
func buildOut(pkg string) error {
	f, err := os.CreateTemp("", "bin-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	return exec.Command("go", "build", "-o="+f.Name(), pkg).Run() // want `exec.Command passes f.s name as an output to a command`
}

// go test writes its profile over the file.
func coverTo(pkg string) error {
	f, err := os.CreateTemp("", "cover-*.out")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	return exec.Command("go", "test", "-coverprofile", f.Name(), pkg).Run() // want `exec.Command passes f.s name as an output to a command`
}

// Closed (with its error checked) on one branch before the rename: an
// inserted `if err := f.Close(); err != nil` would fail with "file already
// closed" on that branch, so no fix is offered.
func publishWithBackup(dst string, backup bool, data []byte) error {
	f, err := os.CreateTemp("", "x")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if backup {
		if err := f.Close(); err != nil {
			return err
		}
		if err := os.Rename(dst, dst+".bak"); err != nil {
			return err
		}
	}
	return os.Rename(f.Name(), dst) // want `os.Rename of f's file while f is still open`
}
