package quiet

import (
	"os"
	"testing"
)

// Files opened through an *os.Root are opened with FILE_SHARE_DELETE on
// Windows: removing or renaming them while open works there.

func rootRemoveOpen(dir string, data []byte) error {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer r.Close()
	f, err := r.Create("scratch")
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return r.Remove("scratch")
}

func rootRenameByName(dir string, data []byte) error {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer r.Close()
	f, err := r.OpenFile("part", os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	f.Write(data)
	return os.Rename(f.Name(), dir+"/final")
}

func rootDeferOrder(dir string, data []byte) error {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer r.Close()
	f, err := r.Create("tmp")
	if err != nil {
		return err
	}
	defer f.Close()
	defer r.Remove("tmp")
	_, err = f.Write(data)
	return err
}

// Another root's entry of the same name is another file.
func otherRoot(a, b *os.Root, data []byte) error {
	f, err := a.Create("x")
	if err != nil {
		return err
	}
	defer f.Close()
	f.Write(data)
	_, err = b.ReadFile("x")
	return err
}

func TestRootNeverClosed(t *testing.T) {
	r, err := os.OpenRoot(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	f, err := r.Create("x")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("x")
}
