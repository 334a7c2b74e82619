// Package imports checks that fixes add the imports they need.
package imports

import "os"

func create(p string) error {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		f, err := os.Create(p) // want `os.Create\(p\) after os.Stat found it missing`
		if err != nil {
			return err
		}
		return f.Close()
	}
	return nil
}
