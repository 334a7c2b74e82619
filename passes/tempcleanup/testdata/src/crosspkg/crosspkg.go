package crosspkg

import (
	"os"

	"helpers"
)

func removedByHelper() error {
	dir, err := os.MkdirTemp("", "c")
	if err != nil {
		return err
	}
	defer helpers.RemoveDir(dir)
	return helpers.Use(dir)
}

func discardedByHelper() error {
	f, err := os.CreateTemp("", "c")
	if err != nil {
		return err
	}
	defer helpers.Discard(f)
	_, err = f.WriteString("x")
	return err
}

func keptByHelper() error {
	dir, err := os.MkdirTemp("", "k")
	if err != nil {
		return err
	}
	helpers.Keep(dir)
	return nil
}

func trackedByMethod(r *helpers.Registry) error {
	dir, err := os.MkdirTemp("", "t")
	if err != nil {
		return err
	}
	r.Track(dir)
	return nil
}

func onlyUsed() error {
	dir, err := os.MkdirTemp("", "u") // want `temporary directory from os.MkdirTemp is not removed on every path`
	if err != nil {
		return err
	}
	return helpers.Use(dir)
}

func variadicCleanup() error {
	a, err := os.MkdirTemp("", "a")
	if err != nil {
		return err
	}
	defer helpers.Cleanup(a)
	return helpers.Use(a)
}

func heldByUnexportedType() error {
	dir, err := os.MkdirTemp("", "h")
	if err != nil {
		return err
	}
	s := helpers.NewStore()
	s.Hold(dir)
	return nil
}

// The look-alike of discardedByHelper: the helper in the other package
// closes the file but does not remove it.
func closedByHelper() error {
	f, err := os.CreateTemp("", "c") // want `temporary file from os.CreateTemp is not removed on every path`
	if err != nil {
		return err
	}
	defer helpers.CloseFile(f)
	_, err = f.WriteString("x")
	return err
}
