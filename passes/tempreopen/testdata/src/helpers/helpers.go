package helpers

import (
	"bufio"
	"io"
	"log"
	"os"
)

// Close closes c and logs a failure.
func Close(c io.Closer) {
	if err := c.Close(); err != nil {
		log.Print(err)
	}
}

// CloseAll closes every closer.
func CloseAll(cs ...io.Closer) {
	for _, c := range cs {
		c.Close()
	}
}

// Finish flushes w and closes f.
func Finish(w *bufio.Writer, f *os.File) error {
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// Describe only reads the file's name.
func Describe(f *os.File) string { return f.Name() }

// CloseIf closes f when ok: on some paths only.
func CloseIf(f *os.File, ok bool) {
	if ok {
		f.Close()
	}
}

// WriteAndClose writes b and closes f, returning early when the write fails.
func WriteAndClose(f *os.File, b []byte) error {
	if _, err := f.Write(b); err != nil {
		return err
	}
	return f.Close()
}
