package usehelpers

import (
	"os"
	"strconv"

	"helpers"
)

func local() string { return "/tmp/local-" + strconv.Itoa(os.Getpid()) }

func use(user string) {
	os.WriteFile(helpers.PIDFile(), nil, 0o600)                           // want `built from os.Getpid\(\)`
	os.WriteFile(helpers.InTemp("fixed.txt"), nil, 0o600)                 // want `predictable temp file path built from constants only`
	os.WriteFile(helpers.InTemp(strconv.Itoa(os.Getpid())), nil, 0o600)   // want `built from os.Getpid\(\)`
	os.WriteFile(local(), nil, 0o600)                                     // want `built from os.Getpid\(\)`
	os.WriteFile(helpers.InTemp(user), nil, 0o600)                        // user input: quiet
	os.WriteFile(helpers.Private("fixed.txt"), nil, 0o600)                // private: quiet
}
