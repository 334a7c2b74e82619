package lsp

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
)

// Options configures the server.
type Options struct {
	// Debounce is how long the server waits after the last change to a
	// document before analyzing its package (default 300ms). Opening or
	// saving a document analyzes at once.
	Debounce time.Duration
	// BuildFlags are passed to go/packages (e.g. -tags=integration).
	BuildFlags []string
	// Env is the environment of the go command; nil means os.Environ().
	Env []string
	// Logf, if set, receives a line per analysis and per problem
	// (`tempguard lsp -v` sends it to stderr).
	Logf func(format string, args ...any)
	// Version is reported as serverInfo.version.
	Version string

	// hook, if set, observes analyses (tests only).
	hook func(ev event)
	// noCache disables the dependency cache (tests only).
	noCache bool
}

func (o *Options) logf(format string, args ...any) {
	if o.Logf != nil {
		o.Logf(format, args...)
	}
}

// event is an analysis milestone, for tests.
type event struct {
	kind string // "start", "published", "superseded", "broken", "failed"
	dir  string
	gen  int
}

// ErrExitWithoutShutdown is returned by Serve when the client sends exit
// before shutdown (the LSP says the process then exits with code 1).
var ErrExitWithoutShutdown = errors.New("lsp: exit without shutdown")

// Serve runs the language server on in/out until the client sends exit,
// in reaches EOF, or ctx is cancelled. It returns nil after
// shutdown+exit, ErrExitWithoutShutdown after a bare exit, and the read
// error if the input ends or is malformed.
func Serve(ctx context.Context, in io.Reader, out io.Writer, analyzers []*analysis.Analyzer, opts Options) error {
	if opts.Debounce <= 0 {
		opts.Debounce = 300 * time.Millisecond
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &server{
		ctx:       ctx,
		w:         &writer{w: out},
		analyzers: analyzers,
		opts:      &opts,
		docs:      map[string]*document{},
		dirs:      map[string]*dirState{},
	}
	defer s.close()

	type incoming struct {
		body []byte
		err  error
	}
	msgs := make(chan incoming)
	go func() {
		r := newReader(in)
		for {
			body, err := r.read()
			select {
			case msgs <- incoming{body, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case m := <-msgs:
			if m.err != nil {
				if m.err == io.EOF {
					return io.ErrUnexpectedEOF
				}
				return m.err
			}
			if done, err := s.handle(m.body); done {
				return err
			}
		}
	}
}

type server struct {
	ctx       context.Context
	w         *writer
	analyzers []*analysis.Analyzer
	opts      *Options

	mu          sync.Mutex
	docs        map[string]*document // by clean path
	dirs        map[string]*dirState // by directory
	initialized bool
	shutdown    bool
	closing     bool
	docChanges  bool // the client accepts WorkspaceEdit.documentChanges
	wg          sync.WaitGroup
}

type document struct {
	uri     string
	path    string
	version int
	text    []byte
}

// dirState serializes and supersedes the analyses of one directory.
type dirState struct {
	runMu  sync.Mutex // held by the running analysis
	gen    int        // bumped by every change; an analysis publishes only if still current
	timer  *time.Timer
	cancel context.CancelFunc // of the running analysis
	broken bool               // the user has been told that the directory does not type-check
	loud   bool               // a pending analysis may show messages (see schedule)
	// deps caches the dependencies of the directory's packages; used
	// (like deps itself, under s.mu) for evicting the least recently used.
	deps *depCache
	used time.Time
	// published is what was last published per open file.
	published map[string]*published
}

type published struct {
	uri      string
	version  int
	hash     [32]byte // of the text the findings refer to
	findings []finding
}

func (s *server) logf(format string, args ...any) {
	if s.opts.Logf != nil {
		s.opts.Logf(format, args...)
	}
}

func (s *server) hook(kind, dir string, gen int) {
	if s.opts.hook != nil {
		s.opts.hook(event{kind, dir, gen})
	}
}

func (s *server) close() {
	s.mu.Lock()
	s.closing = true
	for _, st := range s.dirs {
		st.gen++
		if st.timer != nil {
			st.timer.Stop()
		}
		if st.cancel != nil {
			st.cancel()
		}
	}
	s.mu.Unlock()
	s.wg.Wait()
}

// handle processes one message; done reports that Serve should return err.
func (s *server) handle(body []byte) (done bool, err error) {
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		s.w.reply(nil, nil, &rpcError{codeParseError, err.Error()})
		return false, nil
	}
	if m.Method == "" {
		return false, nil // a response; the server sends no requests
	}
	isRequest := m.ID != nil
	defer func() {
		if r := recover(); r != nil {
			s.logf("panic handling %s: %v\n%s", m.Method, r, debug.Stack())
			if isRequest {
				s.w.reply(m.ID, nil, &rpcError{codeInternalError, fmt.Sprintf("internal error: %v", r)})
			}
			done, err = false, nil
		}
	}()

	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()

	switch {
	case m.Method == "exit":
		if shutdown {
			return true, nil
		}
		return true, ErrExitWithoutShutdown
	case !initialized && m.Method != "initialize":
		if isRequest {
			s.w.reply(m.ID, nil, &rpcError{codeServerNotInitialized, "server not initialized"})
		}
		return false, nil
	case shutdown:
		if isRequest {
			s.w.reply(m.ID, nil, &rpcError{codeInvalidRequest, "server is shut down"})
		}
		return false, nil
	}

	var result any
	var rerr *rpcError
	switch m.Method {
	case "initialize":
		result, rerr = s.initialize(m.Params)
	case "initialized", "$/setTrace", "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles":
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		s.close()
		result = nil
	case "textDocument/didOpen":
		rerr = notify(m.Params, s.didOpen)
	case "textDocument/didChange":
		rerr = notify(m.Params, s.didChange)
	case "textDocument/didSave":
		rerr = notify(m.Params, s.didSave)
	case "textDocument/didClose":
		rerr = notify(m.Params, s.didClose)
	case "textDocument/codeAction":
		var p CodeActionParams
		if rerr = decode(m.Params, &p); rerr == nil {
			result = s.codeAction(p)
		}
	default:
		if isRequest {
			rerr = &rpcError{codeMethodNotFound, "method not supported: " + m.Method}
		}
	}
	if isRequest {
		s.w.reply(m.ID, result, rerr)
	} else if rerr != nil {
		s.logf("%s: %s", m.Method, rerr.Message)
	}
	return false, nil
}

// notify decodes the params of a notification and hands them to handle.
func notify[P any](raw json.RawMessage, handle func(P)) *rpcError {
	var p P
	if rerr := decode(raw, &p); rerr != nil {
		return rerr
	}
	handle(p)
	return nil
}

func decode(raw json.RawMessage, v any) *rpcError {
	if err := json.Unmarshal(raw, v); err != nil {
		return &rpcError{codeInvalidParams, err.Error()}
	}
	return nil
}

func (s *server) initialize(raw json.RawMessage) (any, *rpcError) {
	var p InitializeParams
	if rerr := decode(raw, &p); rerr != nil {
		return nil, rerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.initialized {
		return nil, &rpcError{codeInvalidRequest, "initialize sent twice"}
	}
	var caps clientCapabilities
	if len(p.Capabilities) > 0 {
		_ = json.Unmarshal(p.Capabilities, &caps) // unknown shapes: use defaults
	}
	s.docChanges = caps.Workspace.WorkspaceEdit.DocumentChanges
	s.initialized = true
	return map[string]any{
		"capabilities": map[string]any{
			"positionEncoding": "utf-16",
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    1, // full
				"save":      map[string]any{"includeText": false},
			},
			"codeActionProvider": map[string]any{
				"codeActionKinds": []string{"quickfix"},
			},
		},
		"serverInfo": map[string]any{"name": "tempguard", "version": s.opts.Version},
	}, nil
}

func (s *server) didOpen(p DidOpenTextDocumentParams) {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		s.logf("didOpen: %v", err)
		return
	}
	if !isGoFile(path, p.TextDocument.LanguageID) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[path] = &document{uri: p.TextDocument.URI, path: path, version: p.TextDocument.Version, text: []byte(p.TextDocument.Text)}
	s.schedule(filepath.Dir(path), 20*time.Millisecond, true)
}

func isGoFile(path, languageID string) bool {
	return languageID == "go" || strings.HasSuffix(path, ".go")
}

func (s *server) didChange(p DidChangeTextDocumentParams) {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		s.logf("didChange: %v", err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.docs[path]
	if doc == nil {
		return
	}
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			doc.text = []byte(c.Text)
			continue
		}
		m := newMapper(doc.text)
		start, err1 := m.offset(c.Range.Start)
		end, err2 := m.offset(c.Range.End)
		if err1 != nil || err2 != nil || end < start {
			s.logf("didChange: bad range %+v", *c.Range)
			continue
		}
		doc.text = slices.Concat(doc.text[:start:start], []byte(c.Text), doc.text[end:])
	}
	if p.TextDocument.Version != nil {
		doc.version = *p.TextDocument.Version
	}
	s.schedule(filepath.Dir(path), s.opts.Debounce, false)
}

func (s *server) didSave(p DidSaveTextDocumentParams) {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.docs[path]
	if doc == nil {
		return
	}
	if p.Text != nil {
		doc.text = []byte(*p.Text)
	}
	dir := filepath.Dir(path)
	s.schedule(dir, 0, true)
	// Packages in other directories may import this one (and use facts
	// about its functions): re-analyze the other directories with open
	// documents too. (Unsaved edits reach them on their next analysis.)
	others := map[string]bool{}
	for p := range s.docs {
		if d := filepath.Dir(p); d != dir {
			others[d] = true
		}
	}
	for d := range others {
		s.schedule(d, s.opts.Debounce, true)
	}
}

func (s *server) didClose(p DidCloseTextDocumentParams) {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return
	}
	s.mu.Lock()
	doc := s.docs[path]
	delete(s.docs, path)
	dir := filepath.Dir(path)
	if st := s.dirs[dir]; st != nil {
		delete(st.published, path)
		if s.openIn(dir) {
			s.schedule(dir, s.opts.Debounce, false) // the overlay went back to disk
		} else {
			st.gen++
			st.deps = nil // free the dependencies
			if st.timer != nil {
				st.timer.Stop()
			}
			if st.cancel != nil {
				st.cancel()
			}
		}
	}
	s.mu.Unlock()
	if doc != nil {
		s.w.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: doc.uri, Diagnostics: []Diagnostic{}})
	}
}

func (s *server) openIn(dir string) bool {
	for p := range s.docs {
		if filepath.Dir(p) == dir {
			return true
		}
	}
	return false
}

// schedule (re)starts the analysis of dir after delay, superseding any
// pending or running one. loud analyses (after open and save) may tell the
// user with window/showMessage that the package does not type-check;
// analyses after edits only log it, since code is often broken mid-typing.
// s.mu must be held.
func (s *server) schedule(dir string, delay time.Duration, loud bool) {
	if s.closing {
		return
	}
	st := s.dirs[dir]
	if st == nil {
		st = &dirState{published: map[string]*published{}}
		s.dirs[dir] = st
	}
	st.gen++
	st.loud = st.loud || loud
	gen := st.gen
	if st.timer != nil {
		st.timer.Stop()
	}
	if st.cancel != nil {
		st.cancel() // a newer edit arrived: stop the running analysis
	}
	st.timer = time.AfterFunc(delay, func() { s.run(dir, st, gen) })
}

// run analyzes dir if gen is still current, then publishes.
func (s *server) run(dir string, st *dirState, gen int) {
	s.mu.Lock()
	if s.closing || st.gen != gen {
		s.mu.Unlock()
		return
	}
	s.wg.Add(1)
	s.mu.Unlock()
	defer s.wg.Done()

	st.runMu.Lock() // one analysis per directory at a time
	defer st.runMu.Unlock()

	s.mu.Lock()
	if s.closing || st.gen != gen {
		s.mu.Unlock()
		s.hook("superseded", dir, gen)
		return
	}
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	st.cancel = cancel
	loud := st.loud
	st.loud = false
	cache := st.deps
	overlay := map[string][]byte{}
	snapshot := map[string]document{} // open documents of dir, as analyzed
	for path, d := range s.docs {
		overlay[path] = d.text
		if filepath.Dir(path) == dir {
			snapshot[path] = *d
		}
	}
	s.mu.Unlock()

	s.hook("start", dir, gen)
	t0 := time.Now()
	res, next, err := analyze(ctx, dir, overlay, s.analyzers, s.opts, cache)
	elapsed := time.Since(t0)

	s.mu.Lock()
	s.keepCache(st, next)
	st.cancel = nil
	if s.closing || st.gen != gen || errors.Is(err, context.Canceled) {
		st.loud = st.loud || loud // the next analysis inherits the duty to tell
		s.mu.Unlock()
		s.logf("analysis of %s superseded after %v", dir, elapsed)
		s.hook("superseded", dir, gen)
		return
	}
	var notes []PublishDiagnosticsParams
	var show, logs []string
	if err != nil {
		logs = append(logs, fmt.Sprintf("tempguard: %v", err))
		if !st.broken && loud {
			show = append(show, fmt.Sprintf("tempguard: cannot analyze %s: %v", dir, firstLine(err.Error())))
			st.broken = true
		}
		notes = s.clearChanged(st, snapshot, nil)
	} else {
		for _, e := range res.errs {
			logs = append(logs, "tempguard: "+e)
		}
		if len(res.problems) > 0 {
			for _, p := range res.problems {
				logs = append(logs, "tempguard: "+p)
			}
			if !st.broken && loud {
				show = append(show, "tempguard: "+res.problems[0]+"; findings resume when it type-checks")
				st.broken = true
			}
		} else {
			st.broken = false
		}
		notes = s.clearChanged(st, snapshot, res.healthy)
		for path, d := range snapshot {
			if !res.healthy[path] {
				continue
			}
			fs := res.files[path]
			for _, f := range fs {
				for i, ri := range f.diag.RelatedInformation {
					// Use the client's spelling of open documents' URIs.
					if rp, err := uriToPath(ri.Location.URI); err == nil && s.docs[rp] != nil {
						f.diag.RelatedInformation[i].Location.URI = s.docs[rp].uri
					}
				}
			}
			v := d.version
			st.published[path] = &published{uri: d.uri, version: v, hash: sha256.Sum256(d.text), findings: fs}
			diags := make([]Diagnostic, 0, len(fs))
			for _, f := range fs {
				diags = append(diags, f.diag)
			}
			notes = append(notes, PublishDiagnosticsParams{URI: d.uri, Version: &v, Diagnostics: diags})
		}
	}
	s.mu.Unlock()

	n := 0
	for _, p := range notes {
		n += len(p.Diagnostics)
		s.w.notify("textDocument/publishDiagnostics", p)
	}
	for _, l := range logs {
		s.w.notify("window/logMessage", ShowMessageParams{Type: MessageWarning, Message: l})
	}
	for _, m := range show {
		s.w.notify("window/showMessage", ShowMessageParams{Type: MessageWarning, Message: m})
	}
	s.logf("analyzed %s in %v: %d findings in %d open files", dir, elapsed.Round(time.Millisecond), n, len(notes))
	if err != nil || len(res.problems) > 0 {
		s.hook("broken", dir, gen)
	} else {
		s.hook("published", dir, gen)
	}
}

// maxCaches bounds how many directories keep their dependencies loaded.
const maxCaches = 3

// keepCache stores c as the cache of st and evicts the least recently used
// caches beyond maxCaches. s.mu must be held.
func (s *server) keepCache(st *dirState, c *depCache) {
	st.deps = c
	st.used = time.Now()
	var cached []*dirState
	for _, d := range s.dirs {
		if d.deps != nil {
			cached = append(cached, d)
		}
	}
	if len(cached) <= maxCaches {
		return
	}
	slices.SortFunc(cached, func(a, b *dirState) int { return a.used.Compare(b.used) })
	for _, d := range cached[:len(cached)-maxCaches] {
		d.deps = nil
	}
}

// clearChanged returns empty diagnostics for the open files of snapshot
// that are not healthy in this analysis and whose text changed since their
// findings were published: their old ranges no longer fit. Findings of
// unchanged files stay. s.mu must be held.
func (s *server) clearChanged(st *dirState, snapshot map[string]document, healthy map[string]bool) []PublishDiagnosticsParams {
	var notes []PublishDiagnosticsParams
	for path, d := range snapshot {
		if healthy[path] {
			continue
		}
		old := st.published[path]
		if old == nil || old.hash == sha256.Sum256(d.text) {
			continue
		}
		delete(st.published, path)
		v := d.version
		notes = append(notes, PublishDiagnosticsParams{URI: d.uri, Version: &v, Diagnostics: []Diagnostic{}})
	}
	return notes
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// codeAction returns a quick fix per suggested fix of each finding that
// overlaps the requested range, if every file the fix edits still has the
// text that was analyzed.
func (s *server) codeAction(p CodeActionParams) []CodeAction {
	actions := []CodeAction{}
	if len(p.Context.Only) > 0 && !slices.ContainsFunc(p.Context.Only, func(k string) bool { return k == "quickfix" || k == "" }) {
		return actions
	}
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return actions
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.dirs[filepath.Dir(path)]
	if st == nil {
		return actions
	}
	pub := st.published[path]
	if pub == nil {
		return actions
	}
	for _, f := range pub.findings {
		if !overlaps(f.diag.Range, p.Range) {
			continue
		}
		for _, fx := range f.fixes {
			edit, ok := s.workspaceEdit(fx)
			if !ok {
				continue // stale: the text changed since analysis
			}
			actions = append(actions, CodeAction{
				Title:       fx.title,
				Kind:        "quickfix",
				Diagnostics: []Diagnostic{f.diag},
				IsPreferred: len(f.fixes) == 1,
				Edit:        edit,
			})
		}
	}
	return actions
}

// workspaceEdit builds the edit of fx if every file it touches still has
// the analyzed text. s.mu must be held.
func (s *server) workspaceEdit(fx fix) (*WorkspaceEdit, bool) {
	paths := make([]string, 0, len(fx.edits))
	for path := range fx.edits {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	we := &WorkspaceEdit{}
	for _, path := range paths {
		var text []byte
		uri := pathToURI(path)
		var version *int
		if d := s.docs[path]; d != nil {
			text, uri = d.text, d.uri
			v := d.version
			version = &v
		} else {
			b, err := os.ReadFile(path)
			if err != nil {
				return nil, false
			}
			text = b
		}
		if sha256.Sum256(text) != fx.hashes[path] {
			return nil, false
		}
		edits := fx.edits[path]
		if s.docChanges {
			we.DocumentChanges = append(we.DocumentChanges, TextDocumentEdit{
				TextDocument: VersionedTextDocumentIdentifier{URI: uri, Version: version},
				Edits:        edits,
			})
		} else {
			if we.Changes == nil {
				we.Changes = map[string][]TextEdit{}
			}
			we.Changes[uri] = edits
		}
	}
	return we, true
}

// overlaps reports whether two ranges share a position (touching counts,
// so a cursor at either end of a finding selects it).
func overlaps(a, b Range) bool {
	return !less(a.End, b.Start) && !less(b.End, a.Start)
}
