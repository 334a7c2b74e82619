package fixes

import (
	"fmt"
	"os"
	"path/filepath"
)

func workDir() (string, error) {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("build-%d", os.Getpid()))
	if err := os.MkdirAll(dir, 0o755); err != nil { // want `use os.MkdirTemp\("", "build-\*"\)`
		return "", err
	}
	return dir, nil
}

func ignored() string {
	dir := fmt.Sprintf("/tmp/scratch-%d", os.Getpid())
	os.Mkdir(dir, 0o700) // want `use os.MkdirTemp\("", "scratch-\*"\)`
	return dir
}

// No fix: err exists in an outer scope.
func outerErr() (err error) {
	dir := fmt.Sprintf("/tmp/outer-%d", os.Getpid())
	if err := os.MkdirAll(dir, 0o755); err != nil { // want `use os.MkdirTemp`
		return err
	}
	return err
}

// No fix: a constant name is shared with later runs (a cache).
func cacheDir() error {
	dir := filepath.Join(os.TempDir(), "app-cache")
	if err := os.MkdirAll(dir, 0o755); err != nil { // want `built from constants only`
		return err
	}
	return nil
}

// No fix: the definition is not right before.
func notAdjacent() error {
	dir := fmt.Sprintf("/tmp/na-%d", os.Getpid())
	fmt.Println("making", dir)
	return os.MkdirAll(dir, 0o755) // want `use os.MkdirTemp`
}
