package quiet

import (
	"os"
	"os/exec"
	"runtime"
)

// Shapes seen in widely used code that are correct.

// Remove on failure in a deferred func; every path closes explicitly.
func writeTempFile(dir, prefix string, b []byte) (name string, reterr error) {
	f, err := os.CreateTemp(dir, prefix)
	if err != nil {
		return "", err
	}
	defer func() {
		if reterr != nil {
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(b); err != nil {
		f.Close()
		return "", err
	}
	return f.Name(), f.Close()
}

// The write error and the close error are merged before the cleanup.
func writeMerged(dir, prefix string, data []byte) (string, error) {
	file, err := os.CreateTemp(dir, prefix)
	if err != nil {
		return "", err
	}
	_, err = file.Write(data)
	if err1 := file.Close(); err == nil {
		err = err1
	}
	if err != nil {
		os.Remove(file.Name())
		return "", err
	}
	return file.Name(), nil
}

// Names produced by a helper that closed the file.
func diffFiles(b1, b2 []byte) ([]byte, error) {
	f1, err := writeMerged("", "gofmt", b1)
	if err != nil {
		return nil, err
	}
	defer os.Remove(f1)
	f2, err := writeMerged("", "gofmt", b2)
	if err != nil {
		return nil, err
	}
	defer os.Remove(f2)
	cmd := "diff"
	if runtime.GOOS == "plan9" {
		cmd = "/bin/ape/diff"
	}
	return exec.Command(cmd, "-u", f1, f2).CombinedOutput()
}

// Rename inside a deferred cleanup that closes first.
func commit(dst string, data []byte) (err error) {
	f, err := os.CreateTemp("", "commit")
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(f.Name(), dst)
		} else {
			os.Remove(f.Name())
		}
	}()
	_, err = f.Write(data)
	return err
}

// The diff helper copied from old gofmt (golang.org/x/mod): diff only reads
// its inputs, its Windows ports open files with full sharing, and the data
// is written straight to the files.
func diffBytes(b1, b2 []byte) (data []byte, err error) {
	f1, err := os.CreateTemp("", "testdiff")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f1.Name())
	defer f1.Close()

	f2, err := os.CreateTemp("", "testdiff")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f2.Name())
	defer f2.Close()

	f1.Write(b1)
	f2.Write(b2)

	data, err = exec.Command("diff", "-u", f1.Name(), f2.Name()).CombinedOutput()
	if len(data) > 0 {
		err = nil
	}
	return
}

// A checksum tool reading a file written directly.
func sum(data []byte) ([]byte, error) {
	f, err := os.CreateTemp("", "sum")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return nil, err
	}
	return exec.Command("/usr/bin/sha256sum", f.Name()).Output()
}

