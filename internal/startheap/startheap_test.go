package startheap

import (
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// The test runs in a child process: Adjust changes the process's GOGC.
func TestMain(m *testing.M) {
	switch os.Getenv("STARTHEAP_CHILD") {
	case "":
		os.Exit(m.Run())
	case "grow":
		os.Exit(childGrow())
	case "env":
		if Adjust(64 << 20) {
			os.Stdout.WriteString("adjusted\n")
		} else {
			os.Stdout.WriteString("unchanged\n")
		}
		os.Exit(0)
	}
}

// childGrow: with a 32 MiB goal, allocating 8 MiB runs no collection;
// growing the live heap past 16 MiB puts GOGC back to its value before.
func childGrow() int {
	if !Adjust(32 << 20) {
		os.Stdout.WriteString("not adjusted\n")
		return 1
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.NumGC
	keep := make([][]byte, 0, 1024)
	for i := 0; i < 8; i++ {
		keep = append(keep, make([]byte, 1<<20))
	}
	runtime.ReadMemStats(&ms)
	if ms.NumGC != before {
		os.Stdout.WriteString("collected below the goal\n")
		return 1
	}
	for i := 0; i < 64; i++ {
		keep = append(keep, make([]byte, 1<<20))
		runtime.GC() // each collection runs the finalizer that re-checks
	}
	runtime.GC()
	if g := debug.SetGCPercent(100); g != 100 {
		os.Stdout.WriteString("GOGC not restored: " + itoa(g) + "\n")
		return 1
	}
	runtime.KeepAlive(keep)
	os.Stdout.WriteString("ok\n")
	return 0
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

func child(t *testing.T, mode string, env ...string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "STARTHEAP_CHILD="+mode, "GOGC=", "GOMEMLIMIT=")
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child %s: %v\n%s", mode, err, out)
	}
	return strings.TrimSpace(string(out))
}

func TestAdjustThenRestore(t *testing.T) {
	if got := child(t, "grow"); got != "ok" {
		t.Errorf("child: %s", got)
	}
}

func TestUserSettingsWin(t *testing.T) {
	if got := child(t, "env"); got != "adjusted" {
		t.Errorf("no GOGC/GOMEMLIMIT: %s, want adjusted", got)
	}
	if got := child(t, "env", "GOGC=50"); got != "unchanged" {
		t.Errorf("GOGC=50: %s, want unchanged", got)
	}
	if got := child(t, "env", "GOMEMLIMIT=1GiB"); got != "unchanged" {
		t.Errorf("GOMEMLIMIT set: %s, want unchanged", got)
	}
}
