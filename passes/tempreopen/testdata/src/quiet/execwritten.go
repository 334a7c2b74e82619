package quiet

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// Files written directly (no buffer) and handed to a program by name while
// still open: the data is in the file, and whether a program opens it with
// write sharing on Windows cannot be known from the code (these were
// reported before, for every program but a list of names).

func format(src []byte) ([]byte, error) {
	f, err := os.CreateTemp("", "fmt-*.go")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	defer f.Close() // without it, case 6 (never closed, removal deferred)
	if _, err := f.Write(src); err != nil {
		return nil, err
	}
	out, err := exec.Command("gofmt", "-l", f.Name()).Output()
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Inside a shell command line built with +; run later.
func countLines(lines []string) (int, error) {
	f, err := os.CreateTemp("", "lines")
	if err != nil {
		return 0, err
	}
	fmt.Fprint(f, strings.Join(lines, "\n"))
	cmd := exec.Command("sh", "-c", "wc -l < "+f.Name())
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return 0, err
	}
	return len(lines), nil
}

func lintWritten(ctx context.Context, cfg string) error {
	f, err := os.CreateTemp("", "lint-*.yaml")
	if err != nil {
		return err
	}
	f.WriteString(cfg)
	c := exec.CommandContext(ctx, "golangci-lint", "run", fmt.Sprintf("--config=%s", f.Name()))
	return c.Run()
}

func start(text string) (*os.Process, error) {
	f, err := os.CreateTemp("", "sp")
	if err != nil {
		return nil, err
	}
	f.WriteString(text)
	return os.StartProcess("/usr/bin/lp", []string{"lp", f.Name()}, &os.ProcAttr{})
}

func sideBySide(a, b []byte) ([]byte, error) {
	f1, err := os.CreateTemp("", "a")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f1.Name())
	defer f1.Close()
	f2, err := os.CreateTemp("", "b")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f2.Name())
	defer f2.Close()
	f1.Write(a)
	f2.Write(b)
	return exec.Command("code", "--wait", "--diff", f1.Name(), f2.Name()).CombinedOutput()
}

// Written, then named after an output flag: written here, so not a name
// reserved for the program.
func writtenThenOutput(pkg string) error {
	f, err := os.CreateTemp("", "bin-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	f.WriteString("placeholder")
	return exec.Command("go", "build", "-o", f.Name(), pkg).Run()
}

// Handed to an encoder made in the call (it writes the file).
func encodedThenRun(v any) error {
	f, err := os.CreateTemp("", "cfg-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := json.NewEncoder(f).Encode(v); err != nil {
		return err
	}
	return exec.Command("tool", "-config", f.Name()).Run()
}

// A reserved output name, but only on systems that are not Windows.
func outputNotOnWindows(pkg string) error {
	out, err := os.CreateTemp("", "bin-*")
	if err != nil {
		return err
	}
	defer os.Remove(out.Name())
	defer out.Close()
	if runtime.GOOS == "windows" {
		return fmt.Errorf("not supported")
	}
	return exec.Command("go", "build", "-o", out.Name(), pkg).Run()
}

// Closed before the program runs.
func outputClosed(pkg string) error {
	out, err := os.CreateTemp("", "bin-*")
	if err != nil {
		return err
	}
	defer os.Remove(out.Name())
	out.Close()
	return exec.Command("go", "build", "-o", out.Name(), pkg).Run()
}

// Opened read-only: no write handle held.
func readOnlyOutput(path, pkg string) error {
	f, err := os.OpenFile(path, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return exec.Command("go", "build", "-o", path, pkg).Run()
}
