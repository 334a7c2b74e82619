package flagged

import (
	"io/ioutil"
	"os"
	"path/filepath"
)

func writeKubeconfig(cfg []byte) error {
	path := filepath.Join(os.TempDir(), "kubeconfig")
	return os.WriteFile(path, cfg, 0644) // want `os.WriteFile creates a file in a shared temp dir with mode 0644, readable by other users; use 0600`
}

func writeLegacy(data []byte) error {
	return ioutil.WriteFile("/tmp/app-state.json", data, 0666) // want `ioutil.WriteFile creates a file .* mode 0666, readable and writable by other users; use 0600`
}

func writeScript(script []byte) error {
	// An executable stays executable for its owner.
	return os.WriteFile(filepath.Join(os.TempDir(), "run.sh"), script, 0755) // want `mode 0755, readable by other users; use 0700`
}

func openLog() (*os.File, error) {
	return os.OpenFile("/tmp/server.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0644) // want `os.OpenFile creates a file in a shared temp dir with mode 0644`
}

func openExcl(name string) (*os.File, error) {
	return os.OpenFile(filepath.Join(os.TempDir(), name), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0640) // want `mode 0640, readable by other users; use 0600`
}

func cacheDir() (string, error) {
	dir := filepath.Join(os.TempDir(), "mycache")
	if err := os.MkdirAll(dir, 0755); err != nil { // want `os.MkdirAll creates a directory in a shared temp dir with mode 0755, readable by other users; use 0700`
		return "", err
	}
	return dir, nil
}

func mkdirShared() error {
	return os.Mkdir("/var/tmp/build-output", 0777) // want `os.Mkdir creates a directory .* mode 0777, readable and writable by other users; use 0700`
}

func chmodTemp() error {
	f, err := os.CreateTemp("", "report-*.pdf")
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(f.Name(), 0644) // want `os.Chmod sets mode 0644 on a path in a shared temp dir, readable by other users; use 0600`
}

func fileChmod() (*os.File, error) {
	f, err := ioutil.TempFile("", "token")
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0604); err != nil { // want `File.Chmod sets mode 0604 on a file in a shared temp dir, readable by other users; use 0600`
		return nil, err
	}
	return f, nil
}

func writeOnly() error {
	return os.WriteFile("/tmp/drop-box", nil, 0622) // want `mode 0622, writable by other users; use 0600`
}

func traverse() error {
	return os.Mkdir("/tmp/only-x", 0711) // want `mode 0711, accessible by other users; use 0700`
}

func envTmp(data []byte) error {
	return os.WriteFile(os.Getenv("TMPDIR")+"/session.txt", data, os.FileMode(0644)) // want `os.WriteFile creates a file .* use 0600`
}

func randomNameStillShared(data []byte, id string) error {
	// A random or unknown name is still readable by everybody.
	return os.WriteFile(filepath.Join(os.TempDir(), id+".json"), data, 0644) // want `use 0600`
}

const dumpPerm = 0644

func dumpHeap(data []byte) error {
	// A named constant: replaced at the call in the file's style (0600).
	return os.WriteFile(filepath.Join(os.TempDir(), "heap.pprof"), data, dumpPerm) // want `mode 0644, readable by other users; use 0600`
}

func ownerReadOnly(data []byte) error {
	return os.WriteFile("/tmp/golden.txt", data, 0444) // want `mode 0444, readable by other users; use 0400`
}
