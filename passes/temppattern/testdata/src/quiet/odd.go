package quiet

import (
	"fmt"
	"io/ioutil"
	"os"
)

// Odd but valid code: nothing to report, nothing to crash on.

func methodValue() (*os.File, error) {
	ct := os.CreateTemp
	return ct("/tmp", "x.json") // a dynamic call: not followed
}

func variadicSprint(parts ...any) (*os.File, error) {
	return os.CreateTemp("", fmt.Sprint(parts...))
}

func genericPattern[S ~string](s S) (string, error) {
	return ioutil.TempDir("", string(s))
}

func emptyPattern() (*os.File, error) { return os.CreateTemp("", "") }

func starOnly() (*os.File, error) { return os.CreateTemp("", "*") }

func dotOnly() (*os.File, error) { return os.CreateTemp("", "name.") }
