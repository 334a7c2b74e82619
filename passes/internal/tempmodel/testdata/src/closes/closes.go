package closes

import (
	"bufio"
	"errors"
	"io"
	"log"
	"os"
)

func Close(c io.Closer) { // want `closes \[0\] may \[0\]`
	if err := c.Close(); err != nil {
		log.Print(err)
	}
}

func CloseAll(cs ...io.Closer) { // want `closes \[0\] may \[0\]`
	for _, c := range cs {
		c.Close()
	}
}

// The early return on the flush error returns that error: the file is
// closed whenever Finish succeeds.
func Finish(w *bufio.Writer, f *os.File) error { // want `closes \[0 1\] may \[0 1\]`
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func writeAndClose(f *os.File, b []byte) error { // want `closes \[0\] may \[0\]`
	if _, err := f.Write(b); err != nil {
		return err
	}
	return f.Close()
}

func deferClose(f *os.File, b []byte) error { // want `closes \[0\] may \[0\]`
	defer f.Close()
	_, err := f.Write(b)
	return err
}

func deferFunc(f *os.File) { // want `closes \[0\] may \[0\]`
	defer func() {
		if err := f.Close(); err != nil {
			log.Print(err)
		}
	}()
	f.WriteString("x")
}

func viaHelper(a *os.File) { Close(a) } // want `closes \[0\] may \[0\]`

func flushOnly(w *bufio.Writer) { w.Flush() } // want `closes \[0\] may \[0\]`

func closeOrPanic(f *os.File, bad bool) { // want `closes \[0\] may \[0\]`
	if bad {
		panic("bad")
	}
	f.Close()
}

// Look-alikes: closed on some path only (UseMayClose), or not a close.

func closeSometimes(f *os.File, ok bool) { // want `closes \[\] may \[0\]`
	if ok {
		f.Close()
	}
}

func failsWithoutError(f *os.File) error {
	return errors.New("not closed")
}

func inGoroutine(f *os.File) { // want `closes \[\] may \[0\]`
	go f.Close()
}

func literalNotRun(f *os.File) func() error { // want `closes \[\] may \[0\]`
	return func() error { return f.Close() }
}

// A method called Close that is not io.Closer's (no error result).
type shutter struct{ n int }

func (s *shutter) Close() { s.n++ }

func shut(s *shutter) { s.Close() }

// Sync and Name are not closes.
func syncOnly(f *os.File) string {
	f.Sync()
	return f.Name()
}

// Through a helper that closes on some path only.
func viaSometimes(f *os.File) { closeSometimes(f, true) } // want `closes \[\] may \[0\]`
