package lsp

import (
	"encoding/json"
	"errors"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
)

func TestLifecycle(t *testing.T) {
	t.Parallel()
	c := startServer(t, []*analysis.Analyzer{fixme}, Options{})

	// Before initialize: ServerNotInitialized.
	if m := c.call("textDocument/codeAction", CodeActionParams{}); m.Error == nil || m.Error.Code != codeServerNotInitialized {
		t.Fatalf("request before initialize: got %+v, want error %d", m.Error, codeServerNotInitialized)
	}
	m := c.call("initialize", map[string]any{"processId": 1, "capabilities": map[string]any{}})
	if m.Error != nil {
		t.Fatal(m.Error)
	}
	var res struct {
		Capabilities struct {
			TextDocumentSync struct {
				OpenClose bool `json:"openClose"`
				Change    int  `json:"change"`
			} `json:"textDocumentSync"`
			CodeActionProvider struct {
				CodeActionKinds []string `json:"codeActionKinds"`
			} `json:"codeActionProvider"`
		} `json:"capabilities"`
		ServerInfo struct {
			Name string `json:"name"`
		} `json:"serverInfo"`
	}
	if err := json.Unmarshal(m.Result, &res); err != nil {
		t.Fatal(err)
	}
	if !res.Capabilities.TextDocumentSync.OpenClose || res.Capabilities.TextDocumentSync.Change != 1 ||
		len(res.Capabilities.CodeActionProvider.CodeActionKinds) != 1 || res.ServerInfo.Name != "tempguard" {
		t.Errorf("initialize result: %s", m.Result)
	}
	c.notify("initialized", map[string]any{})
	if m := c.call("initialize", map[string]any{}); m.Error == nil {
		t.Errorf("second initialize succeeded")
	}
	if m := c.call("textDocument/hover", map[string]any{}); m.Error == nil || m.Error.Code != codeMethodNotFound {
		t.Errorf("unknown method: got %+v", m.Error)
	}
	c.notify("$/cancelRequest", map[string]any{"id": 99}) // ignored
	if m := c.call("shutdown", nil); m.Error != nil || string(m.Result) != "null" {
		t.Fatalf("shutdown: %+v %s", m.Error, m.Result)
	}
	if m := c.call("textDocument/codeAction", CodeActionParams{}); m.Error == nil || m.Error.Code != codeInvalidRequest {
		t.Errorf("request after shutdown: got %+v", m.Error)
	}
	c.notify("exit", nil)
	select {
	case err := <-c.served:
		if err != nil {
			t.Errorf("Serve after shutdown+exit: %v", err)
		}
		c.served <- err
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after exit")
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	t.Parallel()
	c := startServer(t, []*analysis.Analyzer{fixme}, Options{})
	c.initialize()
	c.notify("exit", nil)
	err := <-c.served
	c.served <- err
	if !errors.Is(err, ErrExitWithoutShutdown) {
		t.Errorf("Serve = %v, want ErrExitWithoutShutdown", err)
	}
}

// A line with non-ASCII text before the finding: byte column 29, rune
// column 23, UTF-16 column 24.
const utf16Src = `package m

import "os"

func Open() (*os.File, error) {
	/* π≈3.14 🙂 */ return os.Create("/tmp/ü.txt")
}
`

const utf16Fixed = `package m

import "os"

import "io/fs"

func Open() (*os.File, error) {
	/* π≈3.14 🙂 */ return os.OpenFile("/tmp/ü.txt", os.O_RDWR|os.O_CREATE|os.O_EXCL, fs.FileMode(0o600))
}
`

func TestDiagnosticsUTF16AndQuickFix(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"a.go": utf16Src,
		// An in-package test file makes "m" and "m [m.test]": the finding
		// in a.go must still be reported once.
		"a_test.go": "package m\n\nimport \"testing\"\n\nfunc TestOpen(t *testing.T) { Open() }\n",
	})
	c := startServer(t, []*analysis.Analyzer{fixme}, Options{Debounce: 50 * time.Millisecond})
	c.initialize()
	uri := c.open(filepath.Join(dir, "a.go"), utf16Src, 1)
	diags := c.waitDiags(uri, 1)
	if len(diags) != 1 {
		t.Fatalf("got %d diagnostics, want 1 (test variants de-duplicated): %+v", len(diags), diags)
	}
	d := diags[0]
	want := Range{Start: Position{5, 24}, End: Position{5, 47}}
	if d.Range != want {
		t.Errorf("range = %+v, want %+v (UTF-16 columns)", d.Range, want)
	}
	if d.Source != "tempguard" || d.Code != "fixme" || d.CodeDescription == nil ||
		d.CodeDescription.Href != "https://github.com/tempguard/tempguard#fixme" || d.Severity != SeverityWarning {
		t.Errorf("diagnostic fields: %+v", d)
	}
	if !strings.Contains(d.Message, `os.Create("/tmp/ü.txt")`) {
		t.Errorf("message %q lacks the argument text", d.Message)
	}
	if len(d.RelatedInformation) != 1 || d.RelatedInformation[0].Location.URI != uri ||
		d.RelatedInformation[0].Location.Range != (Range{Position{4, 5}, Position{4, 9}}) ||
		d.RelatedInformation[0].Message != "in function Open" {
		t.Errorf("related information: %+v", d.RelatedInformation)
	}

	// Code actions: none away from the finding, one on it.
	if acts := c.codeActions(uri, Range{Position{2, 0}, Position{2, 0}}); len(acts) != 0 {
		t.Errorf("code actions on line 2: %+v", acts)
	}
	acts := c.codeActions(uri, Range{Position{5, 30}, Position{5, 30}})
	if len(acts) != 1 {
		t.Fatalf("got %d code actions, want 1", len(acts))
	}
	a := acts[0]
	if a.Kind != "quickfix" || a.Title != "Use os.OpenFile with O_EXCL" || !a.IsPreferred || len(a.Diagnostics) != 1 || a.Edit == nil {
		t.Fatalf("code action: %+v", a)
	}
	edits := a.Edit.Changes[uri]
	if len(edits) != 2 || len(a.Edit.Changes) != 1 {
		t.Fatalf("edit: %+v", a.Edit)
	}
	fixed := applyEdits(t, utf16Src, edits)
	if fixed != utf16Fixed {
		t.Fatalf("fixed text:\n%s\nwant:\n%s", fixed, utf16Fixed)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "a.go", fixed, 0); err != nil {
		t.Fatalf("fixed text does not parse: %v", err)
	}

	// Applying the fix clears the diagnostic.
	c.change(uri, fixed, 2)
	if diags := c.waitDiags(uri, 2); len(diags) != 0 {
		t.Errorf("after the fix: %+v", diags)
	}

	// The test file, opened, gets its own findings.
	testSrc := "package m\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\nfunc TestOpen(t *testing.T) { os.Create(\"x\") }\n"
	turi := c.open(filepath.Join(dir, "a_test.go"), testSrc, 1)
	if diags := c.waitDiags(turi, 1); len(diags) != 1 || diags[0].Range.Start.Line != 7 {
		t.Errorf("a_test.go: %+v", diags)
	}
	c.notify("textDocument/didClose", DidCloseTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: turi}})
	c.waitNote("cleared diagnostics on close", func(m message) bool {
		var p PublishDiagnosticsParams
		json.Unmarshal(m.Params, &p)
		return m.Method == "textDocument/publishDiagnostics" && p.URI == turi && len(p.Diagnostics) == 0
	})
}

func TestDocumentChangesCapability(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{"a.go": utf16Src})
	c := startServer(t, []*analysis.Analyzer{fixme}, Options{})
	m := c.call("initialize", map[string]any{"capabilities": map[string]any{
		"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true}}}})
	if m.Error != nil {
		t.Fatal(m.Error)
	}
	uri := c.open(filepath.Join(dir, "a.go"), utf16Src, 7)
	c.waitDiags(uri, 7)
	acts := c.codeActions(uri, Range{Position{5, 0}, Position{6, 0}})
	if len(acts) != 1 || len(acts[0].Edit.DocumentChanges) != 1 || acts[0].Edit.Changes != nil {
		t.Fatalf("actions: %+v", acts)
	}
	dc := acts[0].Edit.DocumentChanges[0]
	if dc.TextDocument.URI != uri || dc.TextDocument.Version == nil || *dc.TextDocument.Version != 7 {
		t.Errorf("documentChanges target: %+v", dc.TextDocument)
	}
	if got := applyEdits(t, utf16Src, dc.Edits); got != utf16Fixed {
		t.Errorf("fixed:\n%s", got)
	}
}

// Unsaved edits are analyzed, and fixes are built from the overlay text
// (pass.ReadFile must see the buffer, not the file on disk).
func TestOverlayEdits(t *testing.T) {
	t.Parallel()
	disk := "package m\n\nimport \"os\"\n\nvar _ = os.Getpid\n"
	dir := writeModule(t, map[string]string{"a.go": disk})
	path := filepath.Join(dir, "a.go")
	c := startServer(t, []*analysis.Analyzer{fixme}, Options{Debounce: 20 * time.Millisecond})
	c.initialize()
	uri := c.open(path, disk, 1)
	if diags := c.waitDiags(uri, 1); len(diags) != 0 {
		t.Fatalf("clean file: %+v", diags)
	}
	edited := "package m\n\nimport (\n\t\"io/fs\"\n\t\"os\"\n)\n\nvar _ fs.FileMode\n\n// ünïcode\nfunc F(name string) { os.Create(name + \".log\") }\n"
	c.change(uri, edited, 2)
	diags := c.waitDiags(uri, 2)
	if len(diags) != 1 || diags[0].Range.Start != (Position{10, 22}) {
		t.Fatalf("overlay diagnostics: %+v", diags)
	}
	acts := c.codeActions(uri, diags[0].Range)
	if len(acts) != 1 {
		t.Fatalf("actions: %+v", acts)
	}
	edits := acts[0].Edit.Changes[uri]
	if len(edits) != 1 || edits[0].NewText != `os.OpenFile(name + ".log", os.O_RDWR|os.O_CREATE|os.O_EXCL, fs.FileMode(0o600))` {
		t.Fatalf("fix built from the wrong text: %+v", edits)
	}
	if b, _ := os.ReadFile(path); string(b) != disk {
		t.Fatalf("server wrote to disk")
	}

	// Incremental changes (sent by some clients although the server asks
	// for full text): replace ".log" by ".txt" on the line with "ünïcode"
	// above it, then insert a line at the top.
	v3 := 3
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument: VersionedTextDocumentIdentifier{URI: uri, Version: &v3},
		ContentChanges: []TextDocumentContentChangeEvent{
			{Range: &Range{Position{10, 40}, Position{10, 44}}, Text: ".txt"},
			{Range: &Range{Position{1, 0}, Position{1, 0}}, Text: "// é\n"},
		},
	})
	diags = c.waitDiags(uri, 3)
	if len(diags) != 1 || diags[0].Range.Start != (Position{11, 22}) || !strings.Contains(diags[0].Message, `name + ".txt"`) {
		t.Fatalf("after incremental changes: %+v", diags)
	}
}

// A fix is never offered for text that changed since analysis.
func TestNoStaleFixes(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{"a.go": utf16Src})
	c := startServer(t, []*analysis.Analyzer{fixme}, Options{Debounce: time.Hour})
	c.initialize()
	uri := c.open(filepath.Join(dir, "a.go"), utf16Src, 1)
	diags := c.waitDiags(uri, 1)
	if len(diags) != 1 {
		t.Fatalf("diagnostics: %+v", diags)
	}
	if acts := c.codeActions(uri, diags[0].Range); len(acts) != 1 {
		t.Fatalf("fresh: %d actions", len(acts))
	}
	// An edit that is not analyzed yet (debounce is an hour): no fix.
	c.change(uri, "// new first line\n"+utf16Src, 2)
	if acts := c.codeActions(uri, diags[0].Range); len(acts) != 0 {
		t.Fatalf("stale fix offered: %+v", acts)
	}
	if acts := c.codeActions(uri, Range{Position{6, 0}, Position{7, 0}}); len(acts) != 0 {
		t.Fatalf("stale fix offered on the shifted line: %+v", acts)
	}
	// Undo: the text is the analyzed text again, so the fix is valid again.
	c.change(uri, utf16Src, 3)
	acts := c.codeActions(uri, diags[0].Range)
	if len(acts) != 1 {
		t.Fatalf("after undo: %d actions", len(acts))
	}
	if got := applyEdits(t, utf16Src, acts[0].Edit.Changes[uri]); got != utf16Fixed {
		t.Errorf("after undo, fix gives:\n%s", got)
	}
}

func TestBrokenPackage(t *testing.T) {
	t.Parallel()
	good := "package m\n\nimport \"os\"\n\nfunc F() { os.Create(\"/tmp/x\") }\n"
	dir := writeModule(t, map[string]string{"a.go": good})
	c := startServer(t, []*analysis.Analyzer{fixme}, Options{Debounce: 20 * time.Millisecond})
	c.initialize()
	uri := c.open(filepath.Join(dir, "a.go"), good, 1)
	if diags := c.waitDiags(uri, 1); len(diags) != 1 {
		t.Fatalf("good: %+v", diags)
	}
	// A type error, saved (while typing, it is only logged).
	c.change(uri, "package m\n\nimport \"os\"\n\nvar x int = \"s\"\n\nfunc F() { os.Create(\"/tmp/x\") }\n", 2)
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: uri}})
	// The old finding's range no longer fits the text: cleared.
	if diags := c.waitDiags(uri, 2); len(diags) != 0 {
		t.Errorf("stale diagnostics kept: %+v", diags)
	}
	msg := c.waitShow("does not type-check")
	if !strings.Contains(msg, "a.go:5") {
		t.Errorf("message lacks the error position: %q", msg)
	}
	if acts := c.codeActions(uri, Range{Position{4, 0}, Position{7, 0}}); len(acts) != 0 {
		t.Errorf("actions on a broken package: %+v", acts)
	}
	// A syntax error: still serving, no second pop-up while it stays broken.
	c.change(uri, "package m\n\nfunc F( {\n", 3)
	c.waitNote("log message for the syntax error", func(m message) bool {
		return m.Method == "window/logMessage" && strings.Contains(string(m.Params), "expected")
	})
	// Fixed again: findings return.
	c.change(uri, good, 4)
	if diags := c.waitDiags(uri, 4); len(diags) != 1 {
		t.Fatalf("after repair: %+v", diags)
	}
	// Broken again while typing: logged, no pop-up; then saved: a pop-up.
	c.change(uri, "package m\n\nvar y = undefinedName\n", 5)
	c.waitNote("log message for undefinedName", func(m message) bool {
		if m.Method == "window/showMessage" {
			t.Errorf("pop-up while typing: %s", m.Params)
		}
		return m.Method == "window/logMessage" && strings.Contains(string(m.Params), "undefinedName")
	})
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: uri}})
	c.waitShow("undefinedName")
}

func TestNotAModule(t *testing.T) {
	t.Parallel()
	dir, _ := filepath.EvalSymlinks(t.TempDir())
	src := "package m\n\nimport \"os\"\n\nfunc F() { os.Create(\"/tmp/x\") }\n"
	os.WriteFile(filepath.Join(dir, "a.go"), []byte(src), 0o644)
	c := startServer(t, []*analysis.Analyzer{fixme}, Options{Env: append(os.Environ(), "GO111MODULE=on", "GOFLAGS=-mod=mod")})
	c.initialize()
	c.open(filepath.Join(dir, "a.go"), src, 1)
	c.waitShow("tempguard")
	if m := c.call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: pathToURI(filepath.Join(dir, "a.go"))}}); m.Error != nil {
		t.Errorf("server stopped serving: %v", m.Error)
	}
}

func TestAnalyzerPanic(t *testing.T) {
	t.Parallel()
	src := "package m\n\nimport \"os\"\n\nfunc F() { os.Create(\"/tmp/x\") }\n"
	dir := writeModule(t, map[string]string{"a.go": src})
	c := startServer(t, []*analysis.Analyzer{panicky}, Options{})
	c.initialize()
	uri := c.open(filepath.Join(dir, "a.go"), src, 1)
	c.waitShow("panic")
	if acts := c.codeActions(uri, Range{}); len(acts) != 0 {
		t.Errorf("actions: %+v", acts)
	}
	if m := c.call("shutdown", nil); m.Error != nil {
		t.Fatal(m.Error)
	}
}

// A newer edit cancels the running analysis; only the newest text is
// published, and a directory never has two analyses at once.
func TestCancellation(t *testing.T) {
	t.Parallel()
	src := "package m\n\nimport \"os\"\n\nfunc F() { os.Create(\"/tmp/x\") }\n"
	dir := writeModule(t, map[string]string{"a.go": src})
	slow := &slowAnalyzer{}
	c := startServer(t, []*analysis.Analyzer{slow.analyzer(400 * time.Millisecond), fixme}, Options{Debounce: 10 * time.Millisecond})
	c.initialize()
	uri := c.open(filepath.Join(dir, "a.go"), src, 1)
	waitEvent(t, c, "start")
	for v := 2; v <= 5; v++ {
		c.change(uri, strings.Repeat("\n", v)+src, v)
		time.Sleep(30 * time.Millisecond)
	}
	superseded := 0
	for {
		ev := waitEvent(t, c, "")
		if ev.kind == "superseded" {
			superseded++
		}
		if ev.kind == "published" {
			break
		}
	}
	if superseded == 0 {
		t.Errorf("no analysis was superseded")
	}
	// The first publication is for the last version.
	var p PublishDiagnosticsParams
	c.waitNote("first diagnostics", func(m message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		json.Unmarshal(m.Params, &p)
		return true
	})
	if p.Version == nil || *p.Version != 5 || len(p.Diagnostics) != 1 || p.Diagnostics[0].Range.Start.Line != 9 {
		t.Errorf("first publication: version %v, %+v", p.Version, p.Diagnostics)
	}
	if m := slow.maxRunning.Load(); m != 1 {
		t.Errorf("%d analyses ran at once", m)
	}
	if r := slow.runs.Load(); r >= 5 {
		t.Errorf("slow analyzer ran %d times for 5 versions: nothing was skipped", r)
	}
}

func waitEvent(t *testing.T, c *testClient, kind string) event {
	t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case ev := <-c.events:
			if kind == "" || ev.kind == kind {
				return ev
			}
		case <-timeout:
			t.Fatalf("timed out waiting for event %q", kind)
		}
	}
}

// Saving a file re-analyzes the other directories with open documents:
// their packages may import the saved one.
func TestSaveReanalyzesImporters(t *testing.T) {
	t.Parallel()
	asrc := "package a\n\nimport (\n\t\"os\"\n\n\t\"example.com/m/b\"\n)\n\nfunc F() { os.Create(b.Name()) }\n"
	bsrc := "package b\n\nfunc Name() string { return \"/tmp/b\" }\n"
	dir := writeModule(t, map[string]string{"a/a.go": asrc, "b/b.go": bsrc})
	c := startServer(t, []*analysis.Analyzer{fixme}, Options{Debounce: 20 * time.Millisecond})
	c.initialize()
	auri := c.open(filepath.Join(dir, "a", "a.go"), asrc, 1)
	if d := c.waitDiags(auri, 1); len(d) != 1 {
		t.Fatalf("a: %+v", d)
	}
	buri := c.open(filepath.Join(dir, "b", "b.go"), bsrc, 1)
	c.waitDiags(buri, 1)
	// b loses Name: a no longer type-checks once b is saved.
	broken := "package b\n\nfunc Other() string { return \"/tmp/b\" }\n"
	os.WriteFile(filepath.Join(dir, "b", "b.go"), []byte(broken), 0o644)
	c.change(buri, broken, 2)
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: buri}})
	msg := c.waitShow("does not type-check")
	if !strings.Contains(msg, "example.com/m/a") || !strings.Contains(msg, "Name") {
		t.Errorf("message: %q", msg)
	}
}

// Malformed messages get errors (or are logged), and the server goes on.
func TestMalformedMessages(t *testing.T) {
	t.Parallel()
	c := startServer(t, []*analysis.Analyzer{fixme}, Options{})
	c.initialize()
	// Not JSON: a parse error response with a null id.
	if _, err := c.in.Write([]byte("Content-Length: 8\r\n\r\nnot json")); err != nil {
		t.Fatal(err)
	}
	// Wrong parameter shapes.
	raw := json.RawMessage(`"a string"`)
	c.send(message{JSONRPC: "2.0", Method: "textDocument/didOpen", Params: raw})
	c.send(message{JSONRPC: "2.0", Method: "textDocument/didChange", Params: json.RawMessage(`{"textDocument":{"uri":"file:///nowhere/x.go","version":2},"contentChanges":[{"text":"package x"}]}`)})
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: "untitled:Untitled-1", LanguageID: "go", Text: "package x"}})
	if m := c.call("textDocument/codeAction", "a string"); m.Error == nil || m.Error.Code != codeInvalidParams {
		t.Errorf("codeAction with bad params: %+v", m.Error)
	}
	if m := c.call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: "file:///nowhere/x.go"}}); m.Error != nil || string(m.Result) != "[]" {
		t.Errorf("codeAction on an unknown document: %+v %s", m.Error, m.Result)
	}
	if m := c.call("shutdown", nil); m.Error != nil {
		t.Fatalf("shutdown: %v", m.Error)
	}
}
