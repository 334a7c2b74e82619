package helpers

import (
	"bufio"
	"io"
	"log"
	"os"
)

// Close closes c and logs a failure.
func Close(c io.Closer) { // want Close:"closes\\[0\\]"
	if err := c.Close(); err != nil {
		log.Print(err)
	}
}

// CloseAll closes every closer.
func CloseAll(cs ...io.Closer) { // want CloseAll:"closes\\[0\\]"
	for _, c := range cs {
		c.Close()
	}
}

// Finish flushes w and closes f.
func Finish(w *bufio.Writer, f *os.File) error { // want Finish:"closes\\[0 1\\]"
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// Describe only reads the file's name.
func Describe(f *os.File) string { return f.Name() }
