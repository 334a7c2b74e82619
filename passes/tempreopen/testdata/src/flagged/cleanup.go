package flagged

import (
	"os"
	"testing"
)

// Cleanups run last-in-first-out too.
func TestCleanupOrderWrong(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "c")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	t.Cleanup(func() { os.Remove(f.Name()) }) // want `this cleanup's os.Remove runs before the earlier t.Cleanup that closes f \(cleanups run last-in-first-out\)`
	f.WriteString("x")
}

// Deferred calls run before cleanups.
func TestDeferBeforeCleanup(t *testing.T) {
	f, err := os.CreateTemp("", "d")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	defer os.Remove(f.Name()) // want `deferred os.Remove runs before the t.Cleanup that closes f \(deferred calls run before cleanups\)`
	f.WriteString("x")
}

// A checked close cleanup, then a removal registered after it.
func TestCleanupChecked(t *testing.T) {
	f, err := os.CreateTemp("", "mv")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := f.Close(); err != nil {
			t.Error(err)
		}
	})
	t.Cleanup(func() { // want `this cleanup's os.Remove runs before the earlier t.Cleanup that closes f`
		if err := os.Remove(f.Name()); err != nil {
			t.Error(err)
		}
	})
}
