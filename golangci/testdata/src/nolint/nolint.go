package nolint

import "os"

// Under golangci-lint with the tempguard linter, golangci-lint itself
// applies the bare directive, its "all" form and the "tempguard" form (the
// analyzer leaves them to it, so that nolintlint sees them used); the
// analyzer applies the "predictabletemp" form, which golangci-lint does not
// know. (A doc comment line that starts with the directive is one, for
// golangci-lint too.)
func f() {
	_ = os.WriteFile("/tmp/nolint-a", nil, 0o600) //nolint:predictabletemp // root-owned directory
	_ = os.WriteFile("/tmp/nolint-b", nil, 0o600) //nolint:tempguard // want `predictable temp file path`
	_ = os.WriteFile("/tmp/nolint-c", nil, 0o600) //nolint // want `predictable temp file path`
	_ = os.WriteFile("/tmp/nolint-d", nil, 0o600) //tempguard:ignore predictabletemp root-owned directory
}
