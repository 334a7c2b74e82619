package a

import (
	"os"
	"strconv"
)

// Names created through an *os.Root opened on a shared temp dir are as
// predictable as the same paths joined by hand: the root stops symlinks
// from escaping it, not another user from creating the name first.
func rootLog() error {
	r, err := os.OpenRoot(os.TempDir())
	if err != nil {
		return err
	}
	defer r.Close()
	f, err := r.Create("app-" + strconv.Itoa(os.Getpid()) + ".log") // want `predictable name built from os.Getpid\(\) in an os.Root opened on a shared temp dir`
	if err != nil {
		return err
	}
	defer f.Close()
	_ = r.WriteFile("state-"+strconv.Itoa(os.Getpid()), nil, 0o600)                              // want `in an os.Root opened on a shared temp dir`
	g, err := r.OpenFile("x-"+strconv.Itoa(os.Getpid()), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600) // O_EXCL: quiet
	if err != nil {
		return err
	}
	return g.Close()
}

func rootNested() {
	r, _ := os.OpenRoot("/tmp")
	sub, _ := r.OpenRoot("shared")
	sub.Create("out-" + strconv.Itoa(os.Getpid())) // want `in an os.Root opened on a shared temp dir`
}

// Look-alikes: a root on a private dir, on a caller's dir, a relative open.
func rootPrivate() {
	d, _ := os.MkdirTemp("", "x")
	r, _ := os.OpenRoot(d)
	r.Create("app-" + strconv.Itoa(os.Getpid()))
}

func rootUnknown(dir string) {
	r, _ := os.OpenRoot(dir)
	r.Create("a-" + strconv.Itoa(os.Getpid()))
}

func rootMkdirChecked() error {
	r, err := os.OpenRoot(os.TempDir())
	if err != nil {
		return err
	}
	// Mkdir fails on an existing name: with the error checked, another
	// user can make it fail but not take the name over.
	if err := r.Mkdir("d-"+strconv.Itoa(os.Getpid()), 0o700); err != nil {
		return err
	}
	return nil
}
