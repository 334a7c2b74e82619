// Command demo is a small CLI with the temp-file mistakes tempguard finds.
// Run tempguard on it from the repository root:
//
//	go run ./cmd/tempguard -C testdata/demo ./...
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"example.com/demo/cache"
	"example.com/demo/report"
	"example.com/demo/runner"
	"example.com/demo/upload"
)

func main() {
	url := flag.String("url", "https://example.com/upload", "where to upload")
	flag.Parse()
	data := []byte("hello")
	if err := cache.Put("greeting", data); err != nil {
		log.Fatal(err)
	}
	if err := upload.Send(*url, data); err != nil {
		log.Fatal(err)
	}
	if err := runner.Lint("package main\n"); err != nil {
		log.Fatal(err)
	}
	out, err := report.Write([]string{"a", "b"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintln(os.Stderr, "report in", out)
}
