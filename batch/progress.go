package batch

import (
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/yusuan/yusuan/internal/pathtext"
	"github.com/yusuan/yusuan/schema"
)

// progress draws one status line on a terminal: files done/total, rate,
// ETA, failures so far and a file being converted. A nil writer draws
// nothing; all methods are safe for concurrent use.
type progress struct {
	w        io.Writer
	total    int
	mu       sync.Mutex
	finished int
	failed   int
	// preFinished were finished before converting began (not in the rate).
	preFinished int
	begun       time.Time
	current     map[string]time.Time
	quit        chan struct{}
	wg          sync.WaitGroup
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, total: total, current: map[string]time.Time{}, quit: make(chan struct{})}
}

// preset counts what is decided before converting — resumed entries,
// files that failed at probing, arguments that named nothing — so that
// the line's totals are the summary's. Duplicates are not counted.
func (p *progress) preset(entries []Entry, todo []int, missing int) {
	pending := make(map[int]bool, len(todo))
	for _, i := range todo {
		pending[i] = true
	}
	p.total, p.finished, p.failed = missing, missing, missing
	for i, e := range entries {
		if e.Status == StatusDuplicate {
			continue
		}
		p.total++
		if !pending[i] {
			p.finished++
			if !e.Status.Converted() {
				p.failed++
			}
		}
	}
	p.preFinished = p.finished
}

func (p *progress) start() {
	p.begun = time.Now()
	if p.w == nil || p.total == p.finished {
		return
	}
	p.wg.Go(func() {
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				p.draw()
			case <-p.quit:
				return
			}
		}
	})
}

func (p *progress) stop() {
	close(p.quit)
	p.wg.Wait()
	if p.w != nil && p.total > p.preFinished {
		p.draw()
		fmt.Fprint(p.w, "\n")
	}
}

func (p *progress) begin(path string) {
	p.mu.Lock()
	p.current[path] = time.Now()
	p.mu.Unlock()
}

func (p *progress) end(path string) {
	p.mu.Lock()
	delete(p.current, path)
	p.mu.Unlock()
}

func (p *progress) done1(failed bool) {
	p.mu.Lock()
	p.finished++
	if failed {
		p.failed++
	}
	p.mu.Unlock()
}

func (p *progress) done(e Entry) { p.done1(!e.Status.Converted()) }

// line renders the status line.
func (p *progress) line(now time.Time) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	el := now.Sub(p.begun)
	rate := 0.0
	if el > 0 {
		rate = float64(p.finished-p.preFinished) / el.Seconds()
	}
	eta := "--"
	if rate > 0 {
		eta = fmtDuration(time.Duration(float64(p.total-p.finished) / rate * float64(time.Second)))
	}
	s := fmt.Sprintf("%d/%d files  %.1f files/s  ETA %s  failed %d", p.finished, p.total, rate, eta, p.failed)
	// The longest-running file in flight: the one a user wonders about.
	var cur string
	var since time.Time
	for _, path := range slices.Sorted(maps.Keys(p.current)) {
		if t := p.current[path]; cur == "" || t.Before(since) {
			cur, since = path, t
		}
	}
	if cur != "" {
		s += "  " + shorten(pathtext.Display(filepath.Base(cur)), 40)
	}
	return s
}

func (p *progress) draw() {
	fmt.Fprintf(p.w, "\r%s\x1b[K", p.line(time.Now()))
}

// shorten cuts s to n runes with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func fmtDuration(d time.Duration) string {
	switch {
	case d < time.Second:
		return d.Round(time.Millisecond).String()
	case d < time.Minute:
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(time.Second).String()
}

// WriteSummary prints what the run did: counts (ok, with warnings, failed,
// duplicates, resumed, skipped), a table by format, the slowest files and
// the failures with their reasons.
func (r *Report) WriteSummary(w io.Writer) {
	var ok, warn, failed, timeout, dup, government int
	type row struct{ ok, warn, failed, dup int }
	byFormat := map[string]*row{}
	for _, e := range r.Entries {
		if e.Scope == schema.ScopeGovernment && (e.Status == StatusOK || e.Status == StatusWarnings) {
			government++
		}
		f := e.Format
		if f == "" {
			f = "unknown"
		}
		if byFormat[f] == nil {
			byFormat[f] = &row{}
		}
		switch e.Status {
		case StatusOK:
			ok++
			byFormat[f].ok++
		case StatusWarnings:
			warn++
			byFormat[f].warn++
		case StatusDuplicate:
			dup++
			byFormat[f].dup++
		case StatusTimeout:
			timeout++
			failed++
			byFormat[f].failed++
		default:
			failed++
			byFormat[f].failed++
		}
	}
	fmt.Fprintf(w, "%d inputs: %d ok, %d with warnings, %d failed", len(r.Entries), ok, warn, failed)
	if timeout > 0 {
		fmt.Fprintf(w, " (%d timed out)", timeout)
	}
	fmt.Fprintf(w, ", %d duplicates", dup)
	if r.Interrupted {
		fmt.Fprintf(w, "; interrupted: %d not converted", r.Unfinished)
	}
	fmt.Fprintln(w)
	if government > 0 {
		fmt.Fprintf(w, "%d of them are government budget reports to the people's congress (scope government), not department disclosures: meta and sections only\n", government)
	}
	fmt.Fprintf(w, "this run converted %d, resumed %d from the journal; %d skipped (hidden or temp); %d workers; %s (hashing %s, converting %s, writing %s)\n",
		r.Converted, r.Resumed, len(r.Skipped), r.Workers, fmtDuration(r.Elapsed),
		fmtDuration(r.Probing), fmtDuration(r.Converting), fmtDuration(r.Writing))
	if r.Abandoned > 0 {
		fmt.Fprintf(w, "%d conversions were abandoned at their deadline and may still be running\n", r.Abandoned)
	}
	fmt.Fprintf(w, "\n%-8s %6s %9s %7s %6s\n", "format", "ok", "warnings", "failed", "dup")
	for _, f := range slices.Sorted(maps.Keys(byFormat)) {
		c := byFormat[f]
		fmt.Fprintf(w, "%-8s %6d %9d %7d %6d\n", f, c.ok, c.warn, c.failed, c.dup)
	}
	writeDocStatuses(w, r.Entries)
	if s := slowest(r.Entries, 5); len(s) > 0 {
		fmt.Fprintln(w, "\nslowest:")
		for _, e := range s {
			fmt.Fprintf(w, "  %8s  %s\n", fmtDuration(time.Duration(e.Millis)*time.Millisecond), pathtext.Display(e.Path))
		}
	}
	if failed > 0 {
		fmt.Fprintln(w, "\nfailed:")
		n := 0
		for _, e := range r.Entries {
			if e.Status != StatusFailed && e.Status != StatusTimeout {
				continue
			}
			if n++; n > 20 {
				fmt.Fprintf(w, "  … and %d more (see the errors sheet or index.jsonl)\n", failed-20)
				break
			}
			fmt.Fprintf(w, "  %s: %s\n", pathtext.Display(e.Path), firstLine(e.Error))
		}
	}
	if len(r.Written) > 0 {
		fmt.Fprintf(w, "\nwrote %s\n", strings.Join(r.Written, ", "))
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
