package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/tempguard/tempguard/internal/vettool"
)

// Feedback on long runs.
//
// The first run on a module analyses every dependency, the standard
// library included, for facts (later runs come from go's cache): a minute or
// two of silence. On a terminal the standalone mode therefore shows a
// progress line on stderr once a run takes longer than progressDelay, and
// -v says what it does: the configuration file, the go commands it runs,
// the packages it analyses. Neither writes to stdout, and the progress line
// is left out when stderr is not a terminal or the output is for tools
// (-json, -format=sarif), unless -progress=on asks for it.
//
// The count comes from the vet tool processes themselves: go vet starts one
// per package (a package to report on, or a dependency analysed for its
// facts), and each appends one byte to the file named by vettool.ProgressFileEnv.
// Packages whose results go replays from its cache start none, so a run
// that is mostly cached ends below the total; it is also quick, and the
// line is erased at the end.

// progressDelay is how long a run goes without a progress line.
const progressDelay = 1500 * time.Millisecond

// feedback is where the standalone mode reports what it does.
type feedback struct {
	verbose  io.Writer // -v: nil unless given
	progress io.Writer // the progress line: nil when off
	tty      bool      // progress is a terminal: redraw one line
	delay    time.Duration
}

// fb is the feedback of this run (set by options.main); fbMu orders the
// writes of -v and the progress line.
var (
	fb   feedback
	fbMu sync.Mutex
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// setupFeedback sets fb from the flags: -progress=auto shows progress on a
// terminal for text output only.
func (o *options) setupFeedback() error {
	fb = feedback{delay: progressDelay}
	if o.verbose {
		fb.verbose = o.stderr
	}
	switch o.progress {
	case "auto":
		if o.format == "text" && !o.writeBase && isTerminal(o.stderr) && os.Getenv("TERM") != "dumb" {
			fb.progress, fb.tty = o.stderr, true
		}
	case "on":
		fb.progress, fb.tty = o.stderr, isTerminal(o.stderr) && os.Getenv("TERM") != "dumb"
		fb.delay = 0
	case "off":
	default:
		return fmt.Errorf("-progress=%s: want auto, on or off", o.progress)
	}
	return nil
}

// verbosef prints a line of -v output.
func verbosef(format string, args ...any) {
	if fb.verbose == nil {
		return
	}
	fbMu.Lock()
	defer fbMu.Unlock()
	if fb.tty {
		fmt.Fprint(fb.verbose, "\r\x1b[K") // over the progress line, redrawn at the next tick
	}
	fmt.Fprintf(fb.verbose, "tempguard: "+format+"\n", args...)
}

// progressLine counts the packages of one go vet run on the progress
// writer. Its zero value, and a nil one, do nothing.
type progressLine struct {
	w     io.Writer
	tty   bool
	file  string // the progress file, removed by stop
	start time.Time
	delay time.Duration

	// under fbMu:
	total  int // packages go vet may analyse (0: not known yet)
	shown  bool
	last   string    // the last line printed (not on a terminal)
	lastAt time.Time // and when

	quit chan struct{}
	done chan struct{}
}

// startProgress starts a progress line for a go vet run and returns it
// with the environment entry the run needs, or nil if progress is off.
func startProgress() (*progressLine, string) {
	if fb.progress == nil {
		return nil, ""
	}
	f, err := os.CreateTemp("", "tempguard-progress-*")
	if err != nil {
		return nil, ""
	}
	f.Close()
	p := &progressLine{
		w: fb.progress, tty: fb.tty, file: f.Name(), start: time.Now(), delay: fb.delay,
		quit: make(chan struct{}), done: make(chan struct{}),
	}
	go p.loop()
	return p, vettool.ProgressFileEnv + "=" + f.Name()
}

// setTotal records how many packages go vet may analyse.
func (p *progressLine) setTotal(n int) {
	if p == nil {
		return
	}
	fbMu.Lock()
	p.total = n
	fbMu.Unlock()
}

func (p *progressLine) count() int {
	fi, err := os.Stat(p.file)
	if err != nil {
		return 0
	}
	return int(fi.Size())
}

func (p *progressLine) loop() {
	defer close(p.done)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	p.draw()
	for {
		select {
		case <-p.quit:
			return
		case <-tick.C:
			p.draw()
		}
	}
}

// draw shows the count once the run is older than the delay: on a
// terminal by redrawing one line, elsewhere as a line of its own when the
// count changed, at most once a second.
func (p *progressLine) draw() {
	elapsed := time.Since(p.start)
	if elapsed < p.delay {
		return
	}
	fbMu.Lock()
	defer fbMu.Unlock()
	n, total := p.count(), p.total
	text := fmt.Sprintf("tempguard: analysing packages: %d", n)
	if total > 0 {
		text = fmt.Sprintf("tempguard: analysing packages: %d/%d", min(n, total), total)
	}
	if p.tty {
		fmt.Fprintf(p.w, "\r%s (%ds)\x1b[K", text, int(elapsed.Seconds()))
		p.shown = true
		return
	}
	if text != p.last && time.Since(p.lastAt) >= time.Second {
		fmt.Fprintln(p.w, text)
		p.shown, p.last, p.lastAt = true, text, time.Now()
	}
}

// stop ends the progress line: erased on a terminal, else a last line
// with the count and the time taken. It removes the progress file.
func (p *progressLine) stop() {
	if p == nil {
		return
	}
	close(p.quit)
	<-p.done
	n := p.count()
	os.Remove(p.file)
	fbMu.Lock()
	defer fbMu.Unlock()
	switch {
	case p.tty && p.shown:
		fmt.Fprint(p.w, "\r\x1b[K")
	case !p.tty && p.shown && p.total > n:
		fmt.Fprintf(p.w, "tempguard: analysed %d of %d packages in %.1fs (the others came from go's cache)\n", n, p.total, time.Since(p.start).Seconds())
	case !p.tty && p.shown:
		fmt.Fprintf(p.w, "tempguard: analysed %d packages in %.1fs\n", n, time.Since(p.start).Seconds())
	}
}

// listForFeedback lists, beside go vet, the packages it analyses: the
// progress line's total, and for -v the packages to report on.
func (o *options) listForFeedback(patterns []string, prog *progressLine) {
	listed, err := goList(o.buildFlags(), patterns)
	if err != nil {
		verbosef("listing the packages: %v", err)
		return
	}
	roots, deps := 0, 0
	for _, p := range listed {
		switch {
		case strings.HasSuffix(p.ImportPath, ".test") || p.ImportPath == "unsafe":
			// test mains are not vetted; unsafe has no source
		case p.DepOnly:
			deps++
		default:
			roots++
			verbosef("package %s", p.ImportPath)
		}
	}
	verbosef("%d packages to report on, %d dependencies analysed for their facts (unless go's cache has them)", roots, deps)
	prog.setTotal(roots + deps)
}
