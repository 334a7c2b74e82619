package quiet

import (
	"os"
	"path/filepath"
	"strconv"
)

// Entries of a directory the function made itself with a strict os.Mkdir
// (mode 0o700, error checked): other users cannot reach them, whatever
// their mode. The flagged look-alike, the same file straight in the shared
// dir, is flagged/modern.go's tcpServerWritesFile; a Chmod of the
// directory itself is flagged (chmodCreated).
func writeInOwnDir(data []byte) error {
	dir := filepath.Join(os.TempDir(), "gen-"+strconv.Itoa(os.Getpid()))
	if err := os.Mkdir(dir, 0o700); err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	return os.WriteFile(filepath.Join(dir, "out.txt"), data, 0o644)
}
