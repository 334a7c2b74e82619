package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/tempguard/tempguard/internal/config"
	"github.com/tempguard/tempguard/internal/lsp"
	"github.com/tempguard/tempguard/passes"
)

func init() { subcommands["lsp"] = runLSP }

// runLSP implements `tempguard lsp`: a language server on stdin/stdout.
func runLSP(args []string) int {
	fs := flag.NewFlagSet("tempguard lsp", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: tempguard lsp [flags]\n\n"+
			"Speaks the Language Server Protocol on stdin/stdout: tempguard's findings\n"+
			"as diagnostics and its suggested fixes as quick fixes, in any LSP client.\n\nflags:\n")
		fs.PrintDefaults()
	}
	debounce := fs.Duration("debounce", 300*time.Millisecond, "wait this long after the last edit before analyzing")
	tags := fs.String("tags", "", "comma-separated build tags")
	verbose := fs.Bool("v", false, "log analyses to stderr")
	configFile := fs.String("config", "", "read the configuration from `file` (default: "+config.FileName+" in the working directory or its nearest parent)")
	fs.Bool("stdio", true, "talk over stdin/stdout (the only transport; accepted because some clients pass --stdio)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "tempguard lsp: unexpected arguments %q\n", fs.Args())
		return exitUsage
	}
	opts := lsp.Options{Debounce: *debounce}
	if *tags != "" {
		opts.BuildFlags = []string{"-tags=" + strings.TrimSpace(*tags)}
	}
	if *verbose {
		logger := log.New(os.Stderr, "tempguard lsp: ", log.LstdFlags)
		opts.Logf = logger.Printf
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		opts.Version = bi.Main.Version
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The configuration comes from the server's working directory (the
	// editor starts it in the workspace root) or -config.
	var cfg *config.Config
	var err error
	if *configFile != "" {
		cfg, err = config.Load(*configFile)
	} else {
		cfg, err = config.FindAndLoad(".")
	}
	if err == nil {
		err = cfg.ApplyOptions()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "tempguard lsp: %v\n", err)
		return exitUsage
	}
	passes.SetEnabled(cfg.EnabledNames(passes.Names()))
	err = lsp.Serve(ctx, os.Stdin, os.Stdout, cfg.Wrap(passes.All()), opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "tempguard lsp: %v\n", err)
		return exitError
	}
	return exitClean
}
