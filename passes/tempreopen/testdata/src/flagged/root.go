package flagged

import (
	"bufio"
	"os"
)

// Buffered data is not in the file whoever reopens it, through the root
// or not.
func rootReadBack(r *os.Root, lines []string) ([]byte, error) {
	f, err := r.Create("list")
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriter(f)
	for _, l := range lines {
		w.WriteString(l)
	}
	return r.ReadFile("list") // want `Root.ReadFile reopens f's file while data written through w \(bufio.Writer\) is not flushed yet`
}

// Two handles on one file through the root clobber each other.
func rootRewrite(r *os.Root, a, b []byte) error {
	f, err := r.OpenFile("data", os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(a); err != nil {
		return err
	}
	return r.WriteFile("data", b, 0o600) // want `Root.WriteFile reopens f's file for writing while f is still open with data written`
}
