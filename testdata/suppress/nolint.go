package suppress

import "os"

// Nolint is suppressed by golangci-lint's directive, in every mode.
func Nolint() error {
	return os.WriteFile("/tmp/suppress-nolint", nil, 0o600) //nolint:predictabletemp // root-owned directory
}

// NolintAll: a bare //nolint above a statement covers all of it.
func NolintAll() error {
	//nolint // root-owned directory, read by a daemon of another user
	return os.WriteFile(
		"/tmp/suppress-nolint-all",
		nil, 0o644)
}
