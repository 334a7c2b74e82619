// Package lsp is tempguard's language server: `tempguard lsp` speaks the
// Language Server Protocol over stdin/stdout so that any LSP client (Neovim,
// Helix, Emacs eglot, Zed, Sublime LSP, VS Code through a generic client)
// shows tempguard's findings as diagnostics and offers its suggested fixes
// as quick fixes. gopls cannot load third-party analyzers, which is why this
// server exists; it runs beside gopls and only ever reports tempguard's own
// findings.
//
// # What it does
//
//   - Lifecycle: initialize, initialized, shutdown, exit. Requests before
//     initialize fail with ServerNotInitialized, requests after shutdown with
//     InvalidRequest; exit without shutdown makes [Serve] return an error.
//   - Documents: full text sync (incremental changes are accepted too),
//     didOpen, didChange, didSave, didClose. The text of every open document
//     is handed to go/packages as [packages.Config.Overlay], so unsaved
//     buffers are analyzed.
//   - Analysis: the directory of an open file is loaded with go/packages
//     (Tests: true) and analyzed with the public
//     golang.org/x/tools/go/analysis/checker API. Test variants are
//     de-duplicated: "p [p.test]" contains every file of p, so p itself is
//     not analyzed again (unless only the test variant fails to type-check),
//     and identical findings are reported once. Edits are debounced
//     ([Options.Debounce]); a newer edit cancels the pending or running
//     analysis of that directory (the go list process is killed through the
//     context and remaining analyzer actions are skipped); at most one
//     analysis per directory runs at a time and results of a superseded run
//     are dropped. Saving a file also re-analyzes the other directories
//     with open documents, whose packages may import it.
//   - Speed: the first analysis of a directory loads the dependency closure
//     from source (the checker needs syntax for every dependency, because
//     passes with facts run on each). Function bodies of standard-library
//     packages are dropped while parsing (the passes export no facts for
//     GOROOT packages, and know the standard library by name), which
//     halves that cost. The loaded dependencies are then kept per
//     directory (for the three most recently analyzed directories): each
//     later analysis runs a metadata-only go list, and if no dependency
//     file changed (same overlay text, or same size and mtime on disk) only
//     the directory's own packages are parsed and type-checked again. A
//     dependency that imports the directory's package (a test variant)
//     disables the reuse for that directory. The analyzer runs on cached
//     dependencies are memoized too (their result and the facts they
//     exported are replayed into the new action graph), so a warm analysis
//     runs the analyzers only on the directory's own packages. Measured on
//     this repository (2 cores, shared with other work): cmd/tempguard
//     (about 200 packages in its closure) takes 4-7 s cold and 0.5-0.9 s
//     warm, of which about 0.3 s is go list; the editor fixture (standard
//     library only) 1.3-1.6 s cold and 0.15 s warm.
//   - Diagnostics: textDocument/publishDiagnostics, for each open document
//     of the analyzed directory, with UTF-16 ranges (Go
//     positions are byte offsets; they are converted with the text that was
//     analyzed), source "tempguard", code = analyzer name,
//     codeDescription.href = the README section of the analyzer, related
//     information, and the document version that was analyzed. Publishing an
//     empty list clears fixed findings.
//   - Quick fixes: textDocument/codeAction returns one action of kind
//     "quickfix" per suggested fix, carrying every text edit of the fix
//     (import edits included) as a WorkspaceEdit. A fix is offered only while
//     the text of each file it edits is byte-identical to the text that was
//     analyzed (a SHA-256 per file is kept), so a stale fix is never applied
//     to text that changed since analysis.
//   - Broken code: a package that does not load or type-check produces a
//     window/logMessage every time, and a window/showMessage once (until
//     it type-checks again) when an analysis after open or save finds it
//     broken; analyses after edits do not pop up messages, since code is
//     often broken mid-typing. Diagnostics of files that changed are
//     cleared; those of unchanged files stay. A panicking analyzer is
//     recovered and reported the same way. The server keeps serving.
//
// # Overlays and Pass.ReadFile
//
// The checker package gives each pass a ReadFile that reads from disk
// (its Options has no public ReadFile hook yet), while the syntax trees come
// from the overlay. Passes that slice file content by token offsets (the
// tempmodel's Source does) would then mix disk text with overlay positions.
// The server therefore runs a copy of the analyzer graph: each copy's Run
// restores the original *analysis.Analyzer in the Pass and in
// Pass.ResultOf, installs a ReadFile that serves open documents from the
// overlay, checks for cancellation, and calls the original Run. Facts are
// keyed by type, so they are unaffected.
//
// # Why the standard library for JSON-RPC
//
// LSP over stdio needs only Content-Length framing, JSON bodies, a handful
// of request/notification shapes, and server-to-client notifications; no
// server-to-client requests are used. That is about 150 lines with
// bufio, net/textproto-style header parsing and encoding/json. The
// candidates on the Go module proxy (go.lsp.dev/jsonrpc2 and
// go.lsp.dev/protocol, sourcegraph/jsonrpc2) would add dependencies and a
// second set of generated protocol types to a module whose only dependency
// is golang.org/x/tools, and the gopls protocol package is internal to
// x/tools and cannot be imported. The protocol types used here are the
// small subset of LSP 3.17 the server needs.
package lsp
