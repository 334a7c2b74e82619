package quiet

import (
	"io/ioutil"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func good() (*os.File, error) { return os.CreateTemp("", "app-*.json") }

func goodStarEnd() (*os.File, error) { return os.CreateTemp("", "app-*") }

func goodNoExt() (*os.File, error) { return os.CreateTemp("", "app") }

func goodDir(dir string) (string, error) { return os.MkdirTemp(dir, "work-") }

func tempDirCall() (*os.File, error) { return os.CreateTemp(os.TempDir(), "x-*") }

func subdirOfTmp() (*os.File, error) { return os.CreateTemp("/tmp/myapp", "x-*") }

func devShm() (*os.File, error) { return os.CreateTemp("/dev/shm", "x-*") }

func unknownExt() (*os.File, error) { return os.CreateTemp("", "com.example.app") }

func tmpExt() (*os.File, error) { return os.CreateTemp("", "download.tmp") }

func partExt() (*os.File, error) { return os.CreateTemp("", "file.json.part") }

func versionLike() (*os.File, error) { return os.CreateTemp("", "app-v1.2") }

func dirWithExt() (string, error) { return os.MkdirTemp("", "bundle.json") }

func dirWithExt2() (string, error) { return ioutil.TempDir("", "site.html") }

func starInside() (*os.File, error) { return os.CreateTemp("", "a*b.json") }

func backslash() (*os.File, error) { return os.CreateTemp("", `a\b-*`) }

func runtimeBase(src string) (*os.File, error) {
	return os.CreateTemp("", filepath.Base(src)+"-*")
}

func runtimeExtVar(ext string) (*os.File, error) {
	return os.CreateTemp("", "x-*"+ext)
}

func runtimeStarFirst(name string) (*os.File, error) {
	return os.CreateTemp("", "*-"+name+".json")
}

func renamedAfterwards(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), "config.json")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), dst)
}

func unixListener(listen func(network, addr string) error) error {
	dir, err := os.MkdirTemp("/tmp", "srv")
	if err != nil {
		return err
	}
	return listen("unix", filepath.Join(dir, "s"))
}

func platformAware() (string, error) {
	dir := ""
	if runtime.GOOS != "windows" {
		return os.MkdirTemp("/tmp", "p-")
	}
	return os.MkdirTemp(dir, "p-")
}

func topLevelTestName(t *testing.T) {
	// Not a test function called with a subtest: unknown, quiet.
	dir, err := os.MkdirTemp("", t.Name())
	if err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(dir)
}

func TestTop(t *testing.T) {
	dir, err := os.MkdirTemp("", t.Name())
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	t.Run("sub", func(st *testing.T) {
		// The outer t's name has no "/".
		f, err := os.CreateTemp("", t.Name()+"-*")
		if err != nil {
			st.Fatal(err)
		}
		f.Close()
	})
}

func TestSanitized(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		dir, err := os.MkdirTemp("", strings.ReplaceAll(t.Name(), "/", "_"))
		if err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(dir)
	})
}

func TestBase(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		dir, err := os.MkdirTemp("", filepath.Base(t.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(dir)
	})
}

func joinedPatternWithDir(dir string) (*os.File, error) {
	// Not a path under a temp dir: we do not know it has a separator.
	return os.CreateTemp(dir, filepath.Join("x", "y"))
}

func suppressed() (*os.File, error) {
	//tempguard:ignore temppattern the CI image sets TMPDIR to a noexec mount
	return os.CreateTemp("/tmp", "tool-*")
}

func notTheCall() {
	_ = filepath.Join("/tmp", "sub/x.json")
	_ = os.Remove("/tmp/x.json")
}

func trimmedPath(p string) (*os.File, error) {
	full := filepath.Join(os.TempDir(), p)
	return os.CreateTemp("", strings.TrimPrefix(full, os.TempDir()+"/"))
}

func renamedViaName(dst string) error {
	f, err := os.CreateTemp(filepath.Dir(dst), "data.json")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	return os.Rename(name, dst)
}

func helperNotCalledFromSubtest(t *testing.T) string {
	dir, err := os.MkdirTemp("", t.Name())
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestCallsHelperTopLevel(t *testing.T) {
	_ = helperNotCalledFromSubtest(t)
}
