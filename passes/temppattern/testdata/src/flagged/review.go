package flagged

import "os"

// A config file whose tools go by the extension.
func envFile() (*os.File, error) {
	return os.CreateTemp("", "prod.yaml") // want `os.CreateTemp pattern "prod.yaml" has no "\*"`
}

// A helper that makes a scratch dir.
func scratchDir() (string, error) {
	return os.MkdirTemp("/tmp", "d") // want `os.MkdirTemp dir "/tmp" ignores \$TMPDIR`
}
