package fiximports

import (
	"fmt"
	"os"
)

// Two fixes share the only uses of fmt: only the first is offered, so that
// applying one or both leaves code that builds.
func first() (*os.File, error) {
	return os.Create(fmt.Sprintf("/tmp/first-%d", os.Getpid())) // want `use os.CreateTemp\("", "first-\*"\)`
}

func second() (*os.File, error) {
	return os.Create(fmt.Sprintf("/tmp/second-%d", os.Getpid())) // want `use os.CreateTemp\("", "second-\*"\)`
}
