package quiet

import (
	"os"
	"time"
)

// Odd shapes that must neither crash nor be reported.

func methodExpr(dst string) error {
	f, err := os.CreateTemp("", "me")
	if err != nil {
		return err
	}
	f.WriteString("x")
	(*os.File).Close(f)
	return os.Rename(f.Name(), dst)
}

var g, gerr = os.Create("package-level")

func packageLevel() error {
	return os.Remove(g.Name())
}

func labeled(names []string) error {
outer:
	for _, n := range names {
		f, err := os.Create(n)
		if err != nil {
			continue outer
		}
		for i := 0; i < 3; i++ {
			if i == 1 {
				f.Close()
				continue outer
			}
		}
		f.Close()
	}
	return nil
}

func selectWait(ch chan int, dst string) error {
	f, err := os.CreateTemp("", "sel")
	if err != nil {
		return err
	}
	select {
	case <-ch:
		f.Close()
	case <-time.After(time.Second):
		f.Close()
	}
	return os.Rename(f.Name(), dst)
}

func gotoClose(dst string) error {
	f, err := os.CreateTemp("", "goto")
	if err != nil {
		return err
	}
	if dst == "" {
		goto done
	}
	f.WriteString(dst)
done:
	f.Close()
	return os.Rename(f.Name(), dst)
}

func varDecl(dst string) error {
	var f, err = os.Create(dst + ".tmp")
	if err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(dst+".tmp", dst)
}

func blankFile() {
	f, _ := os.Create("x")
	_ = f
}

type generic[T any] struct{ v T }

func (g *generic[T]) save(dst string) error {
	f, err := os.CreateTemp("", "gen")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	return nil
}

func switchCase(mode int, dst string) error {
	f, err := os.CreateTemp("", "sw")
	if err != nil {
		return err
	}
	switch mode {
	case 1:
		f.Close()
		return os.Rename(f.Name(), dst)
	default:
		return f.Close()
	}
}

func nilCheck(dst string) error {
	var f *os.File
	if dst != "" {
		var err error
		f, err = os.Create(dst)
		if err != nil {
			return err
		}
	}
	if f != nil {
		f.Close()
	}
	return os.Remove(dst)
}

func methodValue(dst string) error {
	f, err := os.CreateTemp("", "mv")
	if err != nil {
		return err
	}
	closer := f.Close
	f.WriteString("x")
	closer()
	return os.Rename(f.Name(), dst)
}

func shadowed(dst string) error {
	f, err := os.CreateTemp("", "outer")
	if err != nil {
		return err
	}
	f.Close()
	{
		f, err := os.CreateTemp("", "inner")
		if err != nil {
			return err
		}
		f.WriteString("inner")
		f.Close()
	}
	return os.Rename(f.Name(), dst)
}

func ifInit(p string) error {
	if f, err := os.Create(p); err == nil {
		defer f.Close()
		_, err = f.WriteString("x")
		return err
	} else {
		os.Remove(p)
		return err
	}
}

func closeBoth(a, b string) error {
	fa, err := os.Create(a)
	if err != nil {
		return err
	}
	fb, err := os.Create(b)
	if err != nil {
		fa.Close()
		return err
	}
	closeAll(fa, fb)
	if err := os.Rename(a, a+".done"); err != nil {
		return err
	}
	return os.Rename(b, b+".done")
}

func closeAll(cs ...interface{ Close() error }) {
	for _, c := range cs {
		c.Close()
	}
}
