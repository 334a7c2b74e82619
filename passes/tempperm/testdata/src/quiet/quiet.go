package quiet

import (
	"io/ioutil"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func privateMode(data []byte) error {
	return os.WriteFile(filepath.Join(os.TempDir(), "kubeconfig"), data, 0600)
}

func privateDirMode() error {
	return os.MkdirAll(filepath.Join(os.TempDir(), "mycache"), 0o700)
}

func notTemp(data []byte) error {
	return os.WriteFile("/etc/myapp/config.yaml", data, 0644)
}

func relative(data []byte) error {
	return os.WriteFile("out/report.json", data, 0o644)
}

func unknownDir(dir string, data []byte) error {
	return os.WriteFile(filepath.Join(dir, "x.json"), data, 0o644)
}

func underMkdirTemp(data []byte) error {
	dir, err := os.MkdirTemp("", "build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "sub", "x.json"), data, 0o644)
}

func underTestTempDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("a: 1"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "config.yaml"), 0o444); err != nil {
		t.Fatal(err)
	}
}

func createTemp() (*os.File, error) {
	return os.CreateTemp("", "x-*.json")
}

func tempDirItself() error {
	return os.MkdirAll(os.TempDir(), 0o755)
}

func openNoCreate() (*os.File, error) {
	return os.OpenFile("/tmp/server.log", os.O_WRONLY|os.O_APPEND, 0644)
}

func openUnknownFlags(flags int) (*os.File, error) {
	return os.OpenFile("/tmp/server.log", flags, 0644)
}

func modeFromParam(data []byte, mode os.FileMode) error {
	return os.WriteFile("/tmp/x.bin", data, mode)
}

func modeComputed(data []byte, info os.FileInfo) error {
	return os.WriteFile("/tmp/x.bin", data, info.Mode()&0o700)
}

func stickyShared() error {
	return os.Mkdir("/tmp/.X11-unix", os.ModeSticky|0o777)
}

func writeOverCreatedTemp(data []byte) error {
	f, err := os.CreateTemp("", "data-*.json")
	if err != nil {
		return err
	}
	f.Close()
	// The file exists: os.WriteFile keeps its 0600.
	return os.WriteFile(f.Name(), data, 0o644)
}

func writeOverCreatedTempVar(data []byte) error {
	f, err := ioutil.TempFile("", "data")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	return ioutil.WriteFile(name, data, 0644)
}

func atomicWriteViaTemp(dst string, data []byte) error {
	f, err := os.CreateTemp("", "atomic-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	// The mode is meant for dst.
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst)
}

func atomicWritePath(dst string, data []byte) error {
	tmp := filepath.Join(os.TempDir(), filepath.Base(dst)+".tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}

func inPrivateParent(data []byte) error {
	dir := filepath.Join(os.TempDir(), "myapp")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "state.json"), data, 0o644)
}

func inPrivateParentConcat(data []byte) error {
	dir := "/tmp/myapp-cache"
	if err := os.Mkdir(dir, 0700); err != nil {
		return err
	}
	return os.WriteFile(dir+"/blob", data, 0644)
}

func fileChmodNotTemp() error {
	f, err := os.Create("bin/tool")
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Chmod(0o755)
}

func fileChmodParam(f *os.File) error {
	return f.Chmod(0o644)
}

func chmodPrivate() error {
	f, err := os.CreateTemp("", "key-*")
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(f.Name(), 0o400)
}

func createTempInDir(dir string) (*os.File, error) {
	f, err := os.CreateTemp(dir, "x")
	if err != nil {
		return nil, err
	}
	return f, f.Chmod(0o644)
}

func devNull() error {
	return os.WriteFile(os.DevNull, nil, 0o644)
}

func readOnlyOwner(data []byte) error {
	return os.WriteFile("/tmp/golden.txt", data, 0400)
}

func reassignedVar(data []byte, secret bool) error {
	mode := os.FileMode(0o644)
	if secret {
		mode = 0o600
	}
	return os.WriteFile("/tmp/maybe.txt", data, mode)
}

func suppressed(data []byte) error {
	//tempguard:ignore tempperm the file is handed to a container running as another user
	return os.WriteFile("/tmp/container-config.json", data, 0o644)
}

func runAsOtherUser(exe []byte, uid, gid uint32) error {
	f, err := os.CreateTemp("", "helper")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(exe); err != nil {
		return err
	}
	// Another user must be able to execute it.
	if err := f.Chmod(0o755); err != nil {
		return err
	}
	f.Close()
	attr := &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uid, Gid: gid}}
	_ = attr
	return nil
}

func handOver(uid, gid int, data []byte) error {
	p := filepath.Join(os.TempDir(), "handover.json")
	if err := os.WriteFile(p, data, 0o640); err != nil {
		return err
	}
	return os.Chown(p, uid, gid)
}

func sharedWithUmask() error {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	return os.MkdirAll("/tmp/shared-spool", 0o777)
}

var cacheRoot = filepath.Join(os.TempDir(), "myapp-cache")

func initCache() error { return os.MkdirAll(cacheRoot, 0o700) }

func saveEntry(key string, data []byte) error {
	// cacheRoot is made private by initCache.
	return os.WriteFile(filepath.Join(cacheRoot, key), data, 0o644)
}

func ensureDir() (string, error) {
	dir := filepath.Join(os.TempDir(), "myapp-state")
	return dir, os.MkdirAll(dir, 0o700)
}

func saveState(data []byte) error {
	dir, err := ensureDir()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "state.json"), data, 0o644)
}
