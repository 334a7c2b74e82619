//go:build linux && (amd64 || arm64 || 386 || arm || riscv64 || loong64 || ppc64le || s390x)

package main

import (
	"os"
	"strconv"
	"syscall"
	"unsafe"
)

// oTmpfile is O_TMPFILE: __O_TMPFILE (020000000 on these architectures)
// with O_DIRECTORY.
const oTmpfile = 0o20000000 | syscall.O_DIRECTORY

// openTemp opens an unnamed file in dir (O_TMPFILE): if tempguard dies
// before linkTemp names it, nothing is left behind. Where the file system
// does not support it, it falls back to a named temporary file.
func openTemp(dir, base string, perm os.FileMode) (*os.File, string, error) {
	fd, err := syscall.Open(dir, oTmpfile|syscall.O_WRONLY|syscall.O_CLOEXEC, uint32(perm))
	if err != nil {
		return namedTemp(dir, base, perm)
	}
	return os.NewFile(uintptr(fd), dir), "", nil
}

// linkTemp gives the unnamed file f a name in dir, through /proc (which
// linkat needs to follow; AT_EMPTY_PATH would need a capability).
func linkTemp(f *os.File, dir, base string) (string, error) {
	src := "/proc/self/fd/" + strconv.Itoa(int(f.Fd()))
	for i := 0; ; i++ {
		name, err := claimName(dir, base)
		if err != nil {
			return "", err
		}
		err = linkat(src, name)
		if err == syscall.EEXIST && i < 100 {
			releaseName(name)
			continue
		}
		if err != nil {
			releaseName(name)
			return "", &os.LinkError{Op: "link", Old: src, New: name, Err: err}
		}
		return name, nil
	}
}

func linkat(oldpath, newpath string) error {
	o, err := syscall.BytePtrFromString(oldpath)
	if err != nil {
		return err
	}
	n, err := syscall.BytePtrFromString(newpath)
	if err != nil {
		return err
	}
	const atFdcwd, atSymlinkFollow = -100, 0x400
	cwd := atFdcwd // a variable: the conversion of a negative constant to uintptr is not allowed
	_, _, e := syscall.Syscall6(syscall.SYS_LINKAT, uintptr(cwd), uintptr(unsafe.Pointer(o)),
		uintptr(cwd), uintptr(unsafe.Pointer(n)), atSymlinkFollow, 0)
	if e != 0 {
		return e
	}
	return nil
}
