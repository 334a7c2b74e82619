package vettool

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/tempguard/tempguard/internal/config"
	"github.com/tempguard/tempguard/passes"
)

// configured returns tempguard's vet-tool analyzers filtered by the
// configuration: the -settings flag when the standalone mode runs us, else
// the .tempguard.yaml found from the package's directory (the Dir of the
// vet.cfg file that is the last argument) upward. A bad configuration
// file stops the tool with exit code 1 and a message that names the file,
// the line and the key.
func configured(args []string, analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	flag.Var(versionFlag{}, "V", "print version and exit")
	settings := flag.String(SettingsFlag, "", "tempguard configuration as JSON (the standalone mode passes it; without it, "+config.FileName+" is looked for from the package's directory upward)")
	var once sync.Once
	var cfg *config.Config
	get := func() (*config.Config, error) {
		once.Do(func() {
			var err error
			if *settings != "" {
				cfg, err = config.Decode(*settings)
			} else {
				cfg, err = config.FindAndLoad(packageDir(args))
				if err == nil && cfg.Severity != "" {
					// go vet fails on any finding: with a severity in
					// the file, report from that threshold up. Without
					// one, report what the standalone mode shows.
					cfg.Report = cfg.Threshold()
				}
			}
			if err == nil && reportGenerated() {
				cfg.Generated = true // -report-generated
			}
			if err == nil {
				err = cfg.ApplyOptions()
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "tempguard: %v\n", err)
				os.Exit(ExitError)
			}
			// A problem with a suppression comment is reported by an
			// analyzer the configuration leaves on.
			passes.SetEnabled(cfg.EnabledNames(enabled))
		})
		return cfg, nil
	}
	return config.WrapLazy(analyzers, get)
}

// packageDir returns the package directory from the vet.cfg file the go
// command passes last, or the working directory.
func packageDir(args []string) string {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return "."
	}
	f, err := os.Open(args[len(args)-1])
	if err != nil {
		return "."
	}
	defer f.Close()
	dir, goFiles := cfgDir(json.NewDecoder(bufio.NewReader(f)))
	switch {
	case dir != "":
		return dir
	case len(goFiles) > 0:
		return filepath.Dir(goFiles[0])
	}
	return "."
}

// cfgDir reads the "Dir" (or else "GoFiles") member of a vet.cfg object,
// and stops at Dir: the go command writes it third, before the import
// maps that make most of a large package's file, which unitchecker reads
// and parses anyway. Both are empty if the file is not such an object.
func cfgDir(dec *json.Decoder) (dir string, goFiles []string) {
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return "", nil
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return "", nil
		}
		switch t {
		case "Dir":
			if dec.Decode(&dir) != nil {
				return "", nil
			}
			if dir != "" {
				return dir, nil
			}
		case "GoFiles":
			if dec.Decode(&goFiles) != nil {
				return "", nil
			}
		default:
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return "", nil
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return "", nil // not a complete object
	}
	return dir, goFiles
}

// versionFlag answers the go command's -V=full, whose output is the tool's
// ID in the keys of the vet results it caches: a hash of the executable,
// as unitchecker's own flag gives, and then
//   - for tempguard, of the configuration file found from the go command's
//     directory upward, so that editing .tempguard.yaml does not replay
//     results cached under the old one;
//   - for the suite, of a mark of its own: results of tempguard alone are
//     never replayed for the suite, or the other way round, even for a
//     build of both from one binary.
type versionFlag struct{ suite bool }

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) Get() any         { return nil }
func (versionFlag) String() string   { return "" }
func (v versionFlag) Set(s string) error {
	if s != "full" {
		return fmt.Errorf("unsupported flag value: -V=%s (use -V=full)", s)
	}
	progname, err := os.Executable()
	if err != nil {
		return err
	}
	h := sha256.New()
	f, err := os.Open(progname)
	if err != nil {
		return err
	}
	_, err = io.Copy(h, f)
	f.Close()
	if err != nil {
		return err
	}
	mark := "comments-go-here"
	if v.suite {
		mark = "tempguard-vet-suite"
		io.WriteString(h, "\x00go vet suite")
	} else if p, err := config.Find("."); err == nil && p != "" {
		if data, err := os.ReadFile(p); err == nil {
			fmt.Fprintf(h, "\x00%s\x00%s", p, data)
		}
	}
	fmt.Printf("%s version devel %s buildID=%02x\n", progname, mark, h.Sum(nil))
	os.Exit(0)
	return nil
}

// vetxOnly reports whether the vet.cfg file the go command passes last
// asks for facts only (its VetxOnly member): the package is a dependency
// of the ones being vetted, and its diagnostics are thrown away.
func vetxOnly(args []string) bool {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	name := args[len(args)-1]
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	// The go command writes the member near the end, after the import
	// maps: read the tail, and the whole file only if it is not there.
	const tail = 2048
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	off := max(0, fi.Size()-tail)
	buf := make([]byte, fi.Size()-off)
	if _, err := f.ReadAt(buf, off); err != nil {
		return false
	}
	if v, ok := vetxOnlyMember(buf); ok {
		return v
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return false
	}
	var c struct{ VetxOnly bool }
	return json.Unmarshal(data, &c) == nil && c.VetxOnly
}

// vetxOnlyMember finds the last "VetxOnly" member name in part of a
// vet.cfg file and decodes its boolean value. The top-level member is
// the last such name: the maps that could hold the same string as a key
// come before it, and the strings after it would have their quotes
// escaped.
func vetxOnlyMember(data []byte) (v, ok bool) {
	key := []byte(`"VetxOnly"`)
	i := bytes.LastIndex(data, key)
	if i < 0 {
		return false, false
	}
	rest := bytes.TrimLeft(data[i+len(key):], " \t\r\n")
	if len(rest) == 0 || rest[0] != ':' {
		return false, false
	}
	if json.NewDecoder(bytes.NewReader(rest[1:])).Decode(&v) != nil {
		return false, false
	}
	return v, true
}

// factsOnly returns the analyzers with every one that declares no fact
// type and has no result made to do nothing. In a dependency's run
// unitchecker still runs each analyzer that requires one with facts (all
// of tempguard's passes require tempmodel's), and discards what they
// report: only tempmodel's facts are wanted there.
func factsOnly(as []*analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		if len(a.FactTypes) > 0 || a.ResultType != nil {
			out[i] = a
			continue
		}
		w := *a
		w.Run = func(*analysis.Pass) (any, error) { return nil, nil }
		out[i] = &w
	}
	return out
}
