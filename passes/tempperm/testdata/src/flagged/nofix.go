package flagged

import "os"

func computedOwnerless() error {
	// The owner has no bits: no safe fix.
	return os.WriteFile("/tmp/odd", nil, 0o044) // want `mode 0o044, readable by other users; use 0o600`
}

func localVarNoFix(data []byte) error {
	mode := os.FileMode(0o644)
	if err := os.WriteFile("/tmp/a.txt", data, mode); err != nil { // want `mode 0644, readable by other users; use 0o600`
		return err
	}
	return os.WriteFile("/tmp/a.txt", data, 0o600)
}
