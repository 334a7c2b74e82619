package removes

import (
	"os"
	"syscall"

	"removeslib"
)

func removeDir(dir string) { os.RemoveAll(dir) } // want `removes \[0\] keeps \[\]`

func statDir(dir string) bool { // reads only: nothing
	_, err := os.Stat(dir)
	return err == nil
}

func discard(f *os.File) { // want `removes \[0\] keeps \[\]`
	f.Close()
	os.Remove(f.Name())
}

func closeOnly(f *os.File) { f.Close() } // the look-alike: closed, not removed

func unlink(path string) error { return syscall.Unlink(path) } // want `removes \[0\] keeps \[\]`

func removeSome(paths ...string) { // want `removes \[0\] keeps \[\]`
	for _, p := range paths {
		os.RemoveAll(p)
	}
}

// The second parameter is removed on some path only: that still counts.
func maybeRemove(keep bool, dir string) { // want `removes \[1\] keeps \[\]`
	if !keep {
		os.RemoveAll(dir)
	}
}

func viaLib(dir string) { removeslib.RemoveDir(dir) } // want `removes \[0\] keeps \[\]`

func usesLib(dir string) error { return removeslib.Use(dir) } // the look-alike across packages

func keptByLib(dir string) { removeslib.Keep(dir) } // want `removes \[\] keeps \[0\]`

var global string

func store(dir string) { global = dir } // want `removes \[\] keeps \[0\]`

func send(ch chan string, dir string) { ch <- dir } // want `removes \[\] keeps \[1\]`

func background(dir string) { go os.RemoveAll(dir) } // want `removes \[\] keeps \[0\]`

type holder struct{ dirs []string }

func (h *holder) add(dir string) { h.dirs = append(h.dirs, dir) } // want `removes \[\] keeps \[0\]`

// Removed, then kept: a kept object is not the function's to remove.
func removeAndKeep(dir string) { // want `removes \[\] keeps \[0\]`
	defer os.RemoveAll(dir)
	global = dir
}

// A renamed path is handed off, not removed.
func rename(dir, to string) error { return os.Rename(dir, to) } // want `removes \[0\] keeps \[\]`

func chdir(dir string) error { return os.Chdir(dir) } // want `removes \[\] keeps \[0\]`

func writeName(name, dir string) error { return os.WriteFile(name, []byte(dir), 0o600) } // want `removes \[\] keeps \[1\]`

// Recursion: a parameter passed round a cycle counts as kept.
func ping(dir string, n int) { // want `removes \[\] keeps \[0\]`
	if n > 0 {
		pong(dir, n-1)
	}
}

func pong(dir string, n int) { // want `removes \[\] keeps \[0\]`
	ping(dir, n)
}
