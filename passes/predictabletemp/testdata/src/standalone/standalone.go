package standalone

import (
	"errors"
	"io/fs"
	"os"
)

// predictabletemp alone reports a predictable path even when the call is
// also a check-then-create race (checkthenopen's) or has a permissive mode
// (tempperm's): no analyzer stays silent because another covers the line.
func checkedFirst(data []byte) error {
	if _, err := os.Stat("/tmp/app.state"); errors.Is(err, fs.ErrNotExist) {
		return os.WriteFile("/tmp/app.state", data, 0o600) // want `predictable temp file path built from constants only`
	}
	if _, err := os.Lstat("/tmp/app.out"); err == nil {
		return errors.New("exists")
	}
	f, err := os.Create("/tmp/app.out") // want `predictable temp file path built from constants only`
	if err != nil {
		return err
	}
	f.Close()
	return os.MkdirAll("/tmp/shared-cache", 0o777) // want `predictable temp directory path built from constants only`
}
