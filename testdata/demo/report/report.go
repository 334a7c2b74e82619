// Package report writes CSV reports.
package report

import (
	"encoding/csv"
	"os"
)

// Write writes rows to a new report file and returns its name.
func Write(rows []string) (string, error) {
	f, err := os.CreateTemp("/tmp", "report.csv")
	if err != nil {
		return "", err
	}
	defer f.Close()
	w := csv.NewWriter(f)
	if err := w.Write(rows); err != nil {
		return "", err
	}
	w.Flush()
	return f.Name(), w.Error()
}
