package tempcleanup_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/tempguard/tempguard/passes/tempcleanup"
)

// TestVetToolFacts runs the tempguard CLI as `go vet -vettool` on a module
// of two packages: a helper in one package removes its argument, and the
// UseRemove of its tempmodel.Summary fact must keep the caller in the
// other quiet, while a real leak in the same caller package is still
// reported.
func TestVetToolFacts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the CLI")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "cmd", "tempguard", "main.go")); err != nil {
		t.Skip("no cmd/tempguard")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	bin := filepath.Join(t.TempDir(), "tempguard")
	build := exec.Command(goTool, "build", "-o", bin, "./cmd/tempguard")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		// TestVetToolFactsUnitchecker covers the protocol without the CLI.
		t.Skipf("the CLI does not build: %v\n%s", err, out)
	}
	runVet(t, goTool, bin)
}

// TestVetToolFactsUnitchecker is TestVetToolFacts with this test binary as
// the vet tool (unitchecker over tempcleanup alone), so that it does not
// depend on the CLI.
func TestVetToolFactsUnitchecker(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(vetToolEnv, "1")
	runVet(t, goTool, exe)
}

func runVet(t *testing.T, goTool, vettool string) {
	t.Helper()
	mod := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/vetmod\n\ngo 1.22\n",
		"helpers/helpers.go": `package helpers

import "os"

func RemoveDir(dir string) { os.RemoveAll(dir) }

func Use(dir string) error {
	_, err := os.Stat(dir)
	return err
}
`,
		"app/app.go": `package app

import (
	"os"

	"example.com/vetmod/helpers"
)

func Quiet() error {
	dir, err := os.MkdirTemp("", "q")
	if err != nil {
		return err
	}
	defer helpers.RemoveDir(dir)
	return helpers.Use(dir)
}

func Leak() error {
	dir, err := os.MkdirTemp("", "l")
	if err != nil {
		return err
	}
	return helpers.Use(dir)
}
`,
	}
	for name, text := range files {
		p := filepath.Join(mod, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	vet := exec.Command(goTool, "vet", "-vettool="+vettool, "./...")
	vet.Dir = mod
	vet.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
	out, _ := vet.CombinedOutput()
	got := string(out)
	if !strings.Contains(got, "app.go:19:14: temporary directory from os.MkdirTemp is not removed") {
		t.Errorf("go vet did not report the leak in Leak:\n%s", got)
	}
	if strings.Contains(got, "app.go:10:") {
		t.Errorf("go vet reported Quiet, whose helper removes the dir (fact not used):\n%s", got)
	}
}

const vetToolEnv = "TEMPCLEANUP_AS_VETTOOL"

// TestMain makes the test binary a vet tool when go vet runs it.
func TestMain(m *testing.M) {
	if os.Getenv(vetToolEnv) != "" {
		unitchecker.Main(tempcleanup.Analyzer)
	}
	os.Exit(m.Run())
}
