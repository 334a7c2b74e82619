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
