package noimport

import "os"

// F29: the fix adds the path/filepath import.
func Write(path string, data []byte) error {
	f, err := os.CreateTemp("", "w-*.tmp")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path) // want `create the temp file in filepath.Dir\(path\)`
}

// F30: filepath is shadowed where the temp file is made: no fix.
func Shadowed(path string, filepath []byte) error {
	f, err := os.CreateTemp("", "s")
	if err != nil {
		return err
	}
	f.Write(filepath)
	f.Close()
	return os.Rename(f.Name(), path) // want `fails with EXDEV`
}

// F35: the dir variable would be left unused: no fix.
func OnlyUse(path string) error {
	tmpDir := os.TempDir()
	f, err := os.CreateTemp(tmpDir, "o")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), path) // want `\(os.CreateTemp in os.TempDir\(\)\) to path fails with EXDEV`
}

// F36: the dir variable is used elsewhere: fixed.
func OtherUse(path string) (string, error) {
	tmpDir := os.TempDir()
	f, err := os.CreateTemp(tmpDir, "o")
	if err != nil {
		return tmpDir, err
	}
	f.Close()
	return tmpDir, os.Rename(f.Name(), path) // want `\(os.CreateTemp in os.TempDir\(\)\) to path fails with EXDEV`
}

func scratch() string {
	d, _ := os.MkdirTemp("", "scratch")
	return d
}

// F37: the dir argument is a call with effects: no fix.
func EffectfulDir(path string) error {
	f, err := os.CreateTemp(scratch(), "e")
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), path) // want `to path fails with EXDEV`
}

// F41: the destination's directory is made after the temp file: no fix
// (the temp file could not be created there yet).
func MakeThenMove(path string) error {
	f, err := os.CreateTemp("", "mk")
	if err != nil {
		return err
	}
	f.Close()
	if err := os.MkdirAll(path+".d", 0o755); err != nil {
		return err
	}
	return os.Rename(f.Name(), path) // want `to path fails with EXDEV`
}

// F42: the destination is built from the environment after the temp file.
func Spool(data []byte) error {
	f, err := os.CreateTemp("", "upload")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	spool := os.Getenv("HOME") + "/.demo/spool/last.bin"
	return os.Rename(f.Name(), spool) // want `to spool fails with EXDEV`
}
