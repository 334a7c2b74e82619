package quiet

import (
	"fmt"
	"os"
)

// A failure branch with calls of fewer than two arguments that uses the
// check's error. (The crash these calls caused on containerd/continuity
// needs its exact shape; scripts/realworld.sh pins that one.)
func statFailureLogged(p string) error {
	if _, err := os.Stat(p); err != nil {
		fmt.Println(err)
		fmt.Println()
		return fmt.Errorf("stat: %w", err)
	}
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	return f.Close()
}
