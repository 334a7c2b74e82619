package usecreators

import (
	"crypto/rand"
	"os"
	"path/filepath"

	"creators"
)

func use(userDir string) {
	creators.OpenLog(os.TempDir(), "app")                         // want `creators.OpenLog creates a file with os.Create at a predictable temp path built from constants only \(from these arguments\)`
	creators.WriteState(filepath.Join(os.TempDir(), "app"), nil)  // want `creators.WriteState creates a file with os.WriteFile at a predictable temp path built from constants only`
	creators.EnsureDir("/tmp/app-cache")                          // want `creators.EnsureDir creates a directory with os.MkdirAll at a predictable temp path`
	creators.OpenLog(filepath.Join(os.TempDir(), "app"), userDir) // the name is the caller's input: quiet

	// Look-alikes: a private directory, a random name, the callee's own
	// safe creations.
	d, _ := os.MkdirTemp("", "app-")
	creators.OpenLog(d, "app")
	creators.OpenLog(os.TempDir(), rand.Text())
	creators.OpenExcl(os.TempDir())
	creators.OpenRandom("/tmp/app")
	creators.OpenChecked(os.TempDir())
	creators.SharedDir("/tmp/app-shared")
	creators.EnsureDir(userDir)
}
