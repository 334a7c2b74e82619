package usehelpers

import (
	"bufio"
	"os"

	"helpers"
)

func closedByHelper(dst string) error {
	f, err := os.CreateTemp("", "ch")
	if err != nil {
		return err
	}
	f.WriteString("x")
	helpers.Close(f)
	return os.Rename(f.Name(), dst)
}

func closedByVariadic(dst string) error {
	f, err := os.CreateTemp("", "cv")
	if err != nil {
		return err
	}
	f.WriteString("x")
	helpers.CloseAll(f)
	return os.Rename(f.Name(), dst)
}

func finished(lines []string) ([]byte, error) {
	f, err := os.CreateTemp("", "fin")
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriter(f)
	for _, l := range lines {
		w.WriteString(l)
	}
	if err := helpers.Finish(w, f); err != nil {
		return nil, err
	}
	return os.ReadFile(f.Name())
}

func notClosed(dst string) error {
	f, err := os.CreateTemp("", "nc")
	if err != nil {
		return err
	}
	f.WriteString(helpers.Describe(f))
	return os.Rename(f.Name(), dst) // want `os.Rename of f's file while f is still open`
}

// Closed on some paths only: still open on the others, and no close can
// be inserted (it would fail where the helper closed the file).
func closedSometimes(dst string, keep bool) error {
	f, err := os.CreateTemp("", "cs")
	if err != nil {
		return err
	}
	f.WriteString("x")
	helpers.CloseIf(f, keep)
	return os.Rename(f.Name(), dst) // want `os.Rename of f's file while f is still open`
}

// Closed whenever the helper succeeds.
func writtenAndClosed(dst string, b []byte) error {
	f, err := os.CreateTemp("", "wc")
	if err != nil {
		return err
	}
	if err := helpers.WriteAndClose(f, b); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst)
}
