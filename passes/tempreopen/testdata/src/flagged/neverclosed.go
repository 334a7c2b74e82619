package flagged

import (
	"bufio"
	"log"
	"os"
	"testing"
)

// Never closed, removal deferred: the handle leaks and the removal fails
// on Windows, where an open file cannot be removed.
func scratchNeverClosed(data []byte) error {
	f, _ := os.CreateTemp("", "scratch")
	defer os.Remove(f.Name()) // want `deferred os.Remove runs while f is still open: nothing closes f on some path before the function returns, so the handle leaks and the removal fails on Windows; defer f.Close\(\) after this, so that it runs first`
	_, err := f.Write(data)
	return err
}

// Closed on the success path only: the write's failure returns with the
// file open.
func closedOnSuccessOnly(data []byte) error {
	f, err := os.CreateTemp("", "half")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // want `deferred os.Remove runs while f is still open`
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Close()
}

// Wrapped in a buffered writer and a logger: flushing or logging does not
// close the file.
func wrappedInWriter(lines []string) error {
	f, err := os.CreateTemp("", "buf")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // want `deferred os.Remove runs while f is still open`
	w := bufio.NewWriter(f)
	for _, l := range lines {
		w.WriteString(l)
	}
	return w.Flush()
}

func wrappedInLogger(msg string) {
	f, err := os.CreateTemp("", "log")
	if err != nil {
		return
	}
	defer os.Remove(f.Name()) // want `deferred os.Remove runs while f is still open`
	l := log.New(f, "", 0)
	l.Print(msg)
}

// A test that removes in a cleanup and never closes.
func TestCleanupNeverClosed(t *testing.T) {
	f, err := os.CreateTemp("", "t")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(f.Name()) }) // want `the t.Cleanup's os.Remove runs while f is still open`
	f.WriteString("x")
}

// The error "checked" with t.Errorf goes on: that path returns with the
// file open.
func TestErrorfGoesOn(t *testing.T) {
	f, err := os.CreateTemp("", "errorf")
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name()) // want `deferred os.Remove runs while f is still open`
	if _, err := f.WriteString("x"); err != nil {
		t.Errorf("write: %v", err)
	} else if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
