package quiet

import (
	"io"
	"os"
	"testing"
)

// Look-alikes of "never closed, removal deferred" that close the file.

func closedByLaterDefer(data []byte) error {
	f, err := os.CreateTemp("", "ok")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	_, err = f.Write(data)
	return err
}

func closedOnEveryPath(data []byte) error {
	f, err := os.CreateTemp("", "ok")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func closeThenRemoveInOneDefer(data []byte) error {
	f, err := os.CreateTemp("", "ok")
	if err != nil {
		return err
	}
	defer func() {
		f.Close()
		os.Remove(f.Name())
	}()
	_, err = f.Write(data)
	return err
}

func closeHelper(c io.Closer) { c.Close() }

func closedByHelper(data []byte) error {
	f, err := os.CreateTemp("", "ok")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(data)
	closeHelper(f)
	return err
}

func maybeClose(f *os.File, done bool) {
	if done {
		f.Close()
	}
}

// A helper that closes on some paths only: cannot tell, quiet.
func closedMaybe(done bool) {
	f, err := os.CreateTemp("", "maybe")
	if err != nil {
		return
	}
	defer os.Remove(f.Name())
	maybeClose(f, done)
}

// The error "checked" with t.Fatal stops: the other path closes.
func TestFatalStops(t *testing.T) {
	f, err := os.CreateTemp("", "fatal")
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	if _, err := f.WriteString("x"); err != nil {
		t.Fatalf("write: %v", err)
	} else if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestCleanupClosesFirst(t *testing.T) {
	f, err := os.CreateTemp("", "t")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(f.Name()) })
	t.Cleanup(func() { f.Close() })
	f.WriteString("x")
}
