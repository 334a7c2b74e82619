package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
)

// testClient drives a server over pipes, as an editor would.
type testClient struct {
	t       *testing.T
	in      *io.PipeWriter // to the server
	r       *reader        // from the server
	served  chan error     // Serve's result
	mu      sync.Mutex
	nextID  int
	pending map[string]chan message
	notes   chan message
	events  chan event
}

func startServer(t *testing.T, analyzers []*analysis.Analyzer, opts Options) *testClient {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &testClient{
		t: t, in: inW, r: newReader(outR), served: make(chan error, 1),
		pending: map[string]chan message{}, notes: make(chan message, 1000), events: make(chan event, 1000),
	}
	opts.hook = func(ev event) { c.events <- ev }
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		err := Serve(ctx, inR, outW, analyzers, opts)
		outW.Close()
		c.served <- err
	}()
	go func() {
		for {
			body, err := c.r.read()
			if err != nil {
				close(c.notes)
				return
			}
			var m message
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("server sent invalid JSON %q: %v", body, err)
				continue
			}
			if m.Method == "" && m.ID != nil {
				c.mu.Lock()
				ch := c.pending[string(*m.ID)]
				delete(c.pending, string(*m.ID))
				c.mu.Unlock()
				if ch == nil {
					t.Errorf("response to unknown id %s", *m.ID)
					continue
				}
				ch <- m
				continue
			}
			c.notes <- m
		}
	}()
	t.Cleanup(func() {
		cancel()
		inW.Close()
		select {
		case <-c.served:
		case <-time.After(10 * time.Second):
			t.Errorf("server did not stop")
		}
	})
	return c
}

func (c *testClient) send(m message) {
	c.t.Helper()
	if err := (&writer{w: c.in}).write(m); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// call sends a request and waits for its response.
func (c *testClient) call(method string, params any) message {
	c.t.Helper()
	c.mu.Lock()
	c.nextID++
	id := json.RawMessage(fmt.Sprint(c.nextID))
	ch := make(chan message, 1)
	c.pending[string(id)] = ch
	c.mu.Unlock()
	raw, _ := json.Marshal(params)
	c.send(message{JSONRPC: "2.0", ID: &id, Method: method, Params: raw})
	select {
	case m := <-ch:
		return m
	case <-time.After(30 * time.Second):
		c.t.Fatalf("no response to %s", method)
	}
	return message{}
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	raw, _ := json.Marshal(params)
	c.send(message{JSONRPC: "2.0", Method: method, Params: raw})
}

func (c *testClient) initialize() {
	c.t.Helper()
	m := c.call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}})
	if m.Error != nil {
		c.t.Fatalf("initialize: %v", m.Error)
	}
	c.notify("initialized", map[string]any{})
}

// waitNote waits for a notification satisfying pred, skipping others.
func (c *testClient) waitNote(what string, pred func(message) bool) message {
	c.t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case m, ok := <-c.notes:
			if !ok {
				c.t.Fatalf("server closed its output while waiting for %s", what)
			}
			if pred(m) {
				return m
			}
		case <-timeout:
			c.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// waitDiags waits for diagnostics of uri at the given document version.
func (c *testClient) waitDiags(uri string, version int) []Diagnostic {
	c.t.Helper()
	var p PublishDiagnosticsParams
	c.waitNote(fmt.Sprintf("diagnostics for %s v%d", uri, version), func(m message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		p = PublishDiagnosticsParams{}
		if err := json.Unmarshal(m.Params, &p); err != nil {
			c.t.Fatal(err)
		}
		return p.URI == uri && p.Version != nil && *p.Version == version
	})
	return p.Diagnostics
}

func (c *testClient) waitShow(substr string) string {
	c.t.Helper()
	var p ShowMessageParams
	c.waitNote("window/showMessage containing "+substr, func(m message) bool {
		if m.Method != "window/showMessage" {
			return false
		}
		json.Unmarshal(m.Params, &p)
		return strings.Contains(p.Message, substr)
	})
	return p.Message
}

func (c *testClient) open(path, text string, version int) string {
	uri := pathToURI(path)
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, LanguageID: "go", Version: version, Text: text}})
	return uri
}

func (c *testClient) change(uri, text string, version int) {
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: &version},
		ContentChanges: []TextDocumentContentChangeEvent{{Text: text}},
	})
}

func (c *testClient) codeActions(uri string, rng Range) []CodeAction {
	c.t.Helper()
	m := c.call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Range: rng})
	if m.Error != nil {
		c.t.Fatalf("codeAction: %v", m.Error)
	}
	var actions []CodeAction
	if err := json.Unmarshal(m.Result, &actions); err != nil {
		c.t.Fatalf("codeAction result %s: %v", m.Result, err)
	}
	return actions
}

// writeModule writes a module with the given files into a new directory
// and returns its (symlink-free) path.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := files["go.mod"]; !ok {
		files["go.mod"] = "module example.com/m\n\ngo 1.22\n"
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// applyEdits applies LSP text edits (UTF-16 ranges) to text, as a client
// does: edits are non-overlapping and applied from the end.
func applyEdits(t *testing.T, text string, edits []TextEdit) string {
	t.Helper()
	type span struct {
		start, end int
		newText    string
	}
	var spans []span
	m := newMapper([]byte(text))
	for _, e := range edits {
		s, err1 := m.offset(e.Range.Start)
		en, err2 := m.offset(e.Range.End)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad edit range %+v", e.Range)
		}
		spans = append(spans, span{s, en, e.NewText})
	}
	for i := len(spans) - 1; i >= 0; i-- {
		sp := spans[i]
		text = text[:sp.start] + sp.newText + text[sp.end:]
	}
	return text
}
