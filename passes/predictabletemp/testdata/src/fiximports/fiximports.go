package fiximports

import (
	"os"
	"strconv"
)

// The fix deletes the only use of strconv: the import goes too.
func only() error {
	f, err := os.Create("/tmp/only-" + strconv.Itoa(os.Getpid()) + ".txt") // want `use os.CreateTemp\("", "only-\*.txt"\)`
	if err != nil {
		return err
	}
	return f.Close()
}
