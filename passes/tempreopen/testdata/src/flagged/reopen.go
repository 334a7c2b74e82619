package flagged

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// Buffered writes read back before the flush.
func bufferedReadBack(lines []string) ([]byte, error) {
	f, err := os.CreateTemp("", "buf")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	return os.ReadFile(f.Name()) // want `os.ReadFile reopens f's file while data written through w \(bufio.Writer\) is not flushed yet`
}

// A deferred Flush has not run yet either.
func deferredFlush(rows [][]string) (int, error) {
	f, err := os.CreateTemp("", "rows-*.csv")
	if err != nil {
		return 0, err
	}
	cw := csv.NewWriter(f)
	defer cw.Flush()
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return 0, err
		}
	}
	data, err := os.ReadFile(f.Name()) // want `os.ReadFile reopens f's file while data written through cw \(csv.Writer\) is not flushed yet`
	if err != nil {
		return 0, err
	}
	return len(data), nil
}

// gzip data is only complete after Close.
func gzipReadBack(payload []byte) (io.ReadCloser, error) {
	f, err := os.CreateTemp("", "gz")
	if err != nil {
		return nil, err
	}
	zw := gzip.NewWriter(f)
	if _, err := zw.Write(payload); err != nil {
		return nil, err
	}
	r, err := os.Open(f.Name()) // want `os.Open reopens f's file while data written through zw \(gzip.Writer\) is not flushed yet`
	if err != nil {
		return nil, err
	}
	return r, nil
}

// A json.Encoder over a bufio.Writer.
func encodeAll(vs []any) ([]byte, error) {
	f, err := os.CreateTemp("", "json")
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriter(f)
	enc := json.NewEncoder(bw)
	for _, v := range vs {
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
	}
	return os.ReadFile(f.Name()) // want `os.ReadFile reopens f's file while data written through bw \(bufio.Writer\) is not flushed yet`
}

// bufio over gzip: both must be finished.
func layered(lines []string) ([]byte, error) {
	f, err := os.CreateTemp("", "layers")
	if err != nil {
		return nil, err
	}
	gz := gzip.NewWriter(f)
	bw := bufio.NewWriter(gz)
	for _, l := range lines {
		bw.WriteString(l)
	}
	return os.ReadFile(f.Name()) // want `os.ReadFile reopens f's file while data written through bw \(bufio.Writer\) is not flushed yet`
}

// tar entries are read back before the archive is closed.
func tarReadBack(name string, body []byte) ([]byte, error) {
	f, err := os.CreateTemp("", "t-*.tar")
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(f)
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: int64(len(body))}); err != nil {
		return nil, err
	}
	if _, err := tw.Write(body); err != nil {
		return nil, err
	}
	return os.ReadFile(f.Name()) // want `os.ReadFile reopens f's file while data written through tw \(tar.Writer\) is not flushed yet`
}

// Reopened for writing (truncation) after writing through f.
func truncateAgain(a, b string) error {
	f, err := os.CreateTemp("", "twice")
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.WriteString(a); err != nil {
		return err
	}
	g, err := os.Create(f.Name()) // want `os.Create reopens f's file for writing while f is still open with data written`
	if err != nil {
		return err
	}
	defer g.Close()
	_, err = g.WriteString(b)
	return err
}

// os.WriteFile over a file written with fmt.Fprintf.
func overwrite(data []byte) error {
	f, err := os.CreateTemp("", "ow")
	if err != nil {
		return err
	}
	fmt.Fprintf(f, "header\n")
	return os.WriteFile(f.Name(), data, 0o600) // want `os.WriteFile reopens f's file for writing while f is still open with data written`
}

// Appending through a second handle.
func appendTwice(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	io.WriteString(f, "first\n")
	g, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0) // want `os.OpenFile reopens f's file for writing while f is still open with data written`
	if err != nil {
		return err
	}
	defer g.Close()
	_, err = io.WriteString(g, "second\n")
	return err
}

// Flush-only fix: the file is still used afterwards.
func flushOnly(lines []string) (int64, error) {
	f, err := os.CreateTemp("", "fo")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	for _, l := range lines {
		w.WriteString(l)
	}
	data, err := os.ReadFile(f.Name()) // want `os.ReadFile reopens f's file while data written through w \(bufio.Writer\) is not flushed yet`
	if err != nil {
		return 0, err
	}
	n, err := f.Seek(0, io.SeekEnd)
	return n + int64(len(data)), err
}
