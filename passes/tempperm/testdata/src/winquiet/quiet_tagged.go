//go:build windows

package winquiet

import "os"

func mkdirOnWindows() error {
	return os.MkdirAll(os.TempDir()+`\app`, 0o755)
}
