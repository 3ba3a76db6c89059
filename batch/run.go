package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/schema"
)

// Options configure a batch. Output is required; the rest have defaults.
type Options struct {
	// Output is the .xlsx file, the .csv file name, or the directory to
	// write (see the package doc).
	Output string
	// Format is xlsx, csv or json; empty means by Output's extension
	// (.xlsx, .csv), else a directory of JSON.
	Format string
	// Workers converting in parallel; default runtime.NumCPU().
	Workers int
	// Timeout per file; zero means none.
	Timeout time.Duration
	// MaxBytes is the largest input taken; default the extractors' limit.
	MaxBytes int64
	// Fresh ignores and clears the journal and parts of an earlier run.
	Fresh bool
	// RetryFailed converts again the files an earlier run journaled as
	// failed or timed out.
	RetryFailed bool
	// Convert configures each conversion (dictionaries, extractor limits).
	// Its Extract.MaxBytes is set from MaxBytes when that is non-zero.
	Convert yusuan.Options
	// Progress receives a live status line (rewritten with \r); nil for
	// none. Pass a terminal only.
	Progress io.Writer
	// Log receives the debug log (panic stacks, timeouts); nil writes it to
	// the state location (X.log or D/.yusuan-batch/debug.log) when there is
	// something to say.
	Log *slog.Logger
	// ConvertFunc replaces yusuan.ConvertFile (tests: slow, hanging or
	// panicking conversions). It must be safe for concurrent use.
	ConvertFunc func(ctx context.Context, path string) (*schema.Document, error)
}

// Report is what a run did.
type Report struct {
	Output  string   // the final output (file, CSV stem, or directory)
	Written []string // files written at the end
	Journal string
	Entries []Entry // one per input, in path order
	Skipped []Skipped
	Missing []Missing
	// Resumed counts inputs found done in the journal; Converted those
	// converted (or failed) in this run.
	Resumed, Converted int
	// Abandoned counts conversions still running after their deadline.
	Abandoned int
	Elapsed   time.Duration
	// Phases of Elapsed: hashing and sniffing the inputs, converting,
	// writing the final output.
	Probing, Converting, Writing time.Duration
	Workers                      int
	// Interrupted is set when the context ended the run early: the journal
	// holds what finished, the final output was not written.
	Interrupted bool
}

// Run converts the inputs named by paths into opts.Output. It returns an
// error only for what stops the whole batch (bad output, lock held, output
// not writable, interrupted); a file that fails is an Entry with its reason.
func Run(ctx context.Context, paths []string, opts Options) (*Report, error) {
	start := time.Now()
	t, err := resolveTarget(opts.Output, opts.Format)
	if err != nil {
		return nil, err
	}
	if err := t.prepare(); err != nil {
		return nil, err
	}
	lock, err := acquireLock(t.lock)
	if err != nil {
		return nil, err
	}
	defer lock.release()
	t.removeStaleTemps()

	logger, closeLog := opts.Log, func() {}
	if logger == nil {
		lw := &lazyFile{path: t.log}
		logger, closeLog = slog.New(slog.NewTextHandler(lw, &slog.HandlerOptions{Level: slog.LevelDebug})), lw.close
	}
	defer closeLog()

	if opts.Fresh {
		if err := t.clearState(); err != nil {
			return nil, fmt.Errorf("--fresh: %w", err)
		}
		if t.parts != "" {
			if err := os.MkdirAll(t.parts, 0o755); err != nil {
				return nil, fmt.Errorf("output: %w", err)
			}
		}
	}
	done, jformat, bad, err := readJournal(t.journal)
	if err != nil {
		return nil, err
	}
	if bad > 0 {
		logger.Warn("journal lines dropped (torn or unreadable)", "journal", t.journal, "lines", bad)
	}
	if jformat != "" && jformat != t.format {
		logger.Info("journal was written for another format; starting afresh", "journal", jformat, "now", t.format)
		if err := t.clearState(); err != nil {
			return nil, err
		}
		if err := t.prepare(); err != nil {
			return nil, err
		}
		done = map[string]Entry{}
	}

	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	maxBytes := opts.MaxBytes
	if maxBytes <= 0 {
		maxBytes = opts.Convert.Extract.WithDefaults().MaxBytes
	}
	copts := opts.Convert
	copts.Extract.MaxBytes = maxBytes
	convert := opts.ConvertFunc
	if convert == nil {
		// One shared normalizer (and segmenter) for every worker, built
		// before any starts.
		if _, err := yusuan.Normalizer(copts); err != nil {
			return nil, err
		}
		convert = func(ctx context.Context, path string) (*schema.Document, error) {
			return yusuan.ConvertFile(ctx, path, copts)
		}
	}

	in := Collect(paths, t.excluded())
	rep := &Report{Output: t.path, Journal: t.journal, Skipped: in.Skipped, Missing: in.Missing, Workers: workers}

	phase := time.Now()
	probes, err := probeAll(ctx, in.Files, maxBytes, workers)
	rep.Probing = time.Since(phase)
	if err != nil {
		rep.Interrupted = true
		return rep, err
	}
	dups := dedup(probes)

	j, err := openJournal(t.journal, t.format)
	if err != nil {
		return nil, err
	}
	defer j.close()

	// Decide what to do for each input; name JSON outputs in path order so
	// names are stable from run to run.
	names := newNamer()
	for _, e := range done {
		if e.Output != "" {
			names.reserve(e.Output)
		}
	}
	entries := make([]Entry, len(probes))
	var todo []int
	for i, p := range probes {
		if d, ok := dups[i]; ok {
			entries[i] = Entry{Path: p.Path, SHA256: p.SHA256, Bytes: p.Bytes, Format: p.Format, Status: StatusDuplicate, DuplicateOf: probes[d].Path}
			continue
		}
		if e, ok := done[p.Path]; ok && e.SHA256 == p.SHA256 && t.partOK(e) &&
			!(opts.RetryFailed && !e.Status.Converted()) {
			entries[i] = e
			rep.Resumed++
			continue
		}
		e := Entry{Path: p.Path, SHA256: p.SHA256, Bytes: p.Bytes, Format: p.Format}
		if p.Err != nil {
			e.Status, e.Error, e.Time = StatusFailed, p.Err.Error(), time.Now().UTC()
			if err := j.append(e); err != nil {
				return nil, err
			}
			entries[i] = e
			rep.Converted++
			continue
		}
		if t.format == FormatJSON {
			if old, ok := done[p.Path]; ok && old.Output != "" {
				e.Output = old.Output
			} else {
				e.Output = names.name(p.Path)
			}
		} else {
			e.Part = t.partRel(p.SHA256)
		}
		entries[i] = e
		todo = append(todo, i)
	}

	phase = time.Now()
	prog := newProgress(opts.Progress, len(todo))
	prog.start()
	abandoned, err := runWorkers(ctx, todo, entries, workers, opts.Timeout, convert, t, j, logger, prog)
	prog.stop()
	rep.Converting = time.Since(phase)
	rep.Converted += len(todo)
	rep.Abandoned = int(abandoned)
	rep.Entries = entries
	if err != nil {
		rep.Interrupted = true
		rep.Elapsed = time.Since(start)
		return rep, err
	}

	// Arguments that named nothing are reported with the files.
	for _, m := range in.Missing {
		entries = append(entries, Entry{Path: m.Path, Status: StatusFailed, Error: m.Err.Error()})
	}
	slices.SortStableFunc(entries, func(a, b Entry) int { return strings.Compare(a.Path, b.Path) })
	rep.Entries = entries
	phase = time.Now()
	if err := t.finalize(entries); err != nil {
		return rep, fmt.Errorf("writing %s: %w", t.path, err)
	}
	rep.Writing = time.Since(phase)
	// Keep the parts of the latest entry of every path the journal knows.
	latest := maps.Clone(done)
	for _, e := range entries {
		latest[e.Path] = e
	}
	keep := map[string]bool{}
	for _, e := range latest {
		if e.Part != "" {
			keep[path.Base(e.Part)] = true
		}
	}
	t.pruneParts(keep)
	rep.Written = t.written()
	rep.Elapsed = time.Since(start)
	return rep, nil
}

// written lists the files finalize produced.
func (t *target) written() []string {
	switch {
	case t.format == FormatXLSX:
		return []string{t.path}
	case t.format == FormatJSON:
		return []string{filepath.Join(t.path, "index.jsonl")}
	case t.dir:
		return []string{filepath.Join(t.path, "documents.csv"), "…"}
	}
	return []string{t.csvName("documents.csv"), "…"}
}

// result is one finished conversion.
type result struct {
	i     int
	entry Entry
}

// runWorkers converts entries[todo...] with n workers, writing each
// document (part or JSON file) and then its journal line. It returns the
// number of conversions abandoned at their deadline, and ctx's error if the
// run was interrupted (unfinished files are then not journaled).
func runWorkers(ctx context.Context, todo []int, entries []Entry, n int, timeout time.Duration,
	convert func(context.Context, string) (*schema.Document, error),
	t *target, j *journal, logger *slog.Logger, prog *progress) (int64, error) {
	jobs := make(chan int)
	results := make(chan result)
	var abandoned atomic.Int64
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for i := range jobs {
				e := entries[i]
				prog.begin(e.Path)
				e = convertOne(ctx, e, timeout, convert, t, logger, &abandoned)
				prog.end(e.Path)
				if ctx.Err() != nil {
					continue // interrupted: not done, not journaled
				}
				results <- result{i, e}
			}
		})
	}
	go func() {
		defer close(jobs)
		for _, i := range todo {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	var jerr error
	for r := range results {
		if jerr == nil {
			jerr = j.append(r.entry)
		}
		entries[r.i] = r.entry
		prog.done(r.entry)
	}
	if jerr != nil {
		return abandoned.Load(), jerr
	}
	return abandoned.Load(), ctx.Err()
}

// outcome is what the conversion goroutine hands back.
type outcome struct {
	doc *schema.Document
	err error
}

// errPanic marks a conversion that panicked.
var errPanic = errors.New("internal error (panic) while converting")

// convertOne converts one file under its deadline and stores the
// document. A panic becomes the file's error (stack to the log); a
// conversion that outlives the deadline is abandoned.
func convertOne(ctx context.Context, e Entry, timeout time.Duration,
	convert func(context.Context, string) (*schema.Document, error),
	t *target, logger *slog.Logger, abandoned *atomic.Int64) Entry {
	start := time.Now()
	cctx, cancel := ctx, context.CancelFunc(func() {})
	if timeout > 0 {
		cctx, cancel = context.WithTimeout(ctx, timeout)
	}
	defer cancel()
	ch := make(chan outcome, 1) // buffered: an abandoned goroutine does not block
	go func() {
		var o outcome
		defer func() {
			if r := recover(); r != nil {
				logger.Error("panic while converting", "path", e.Path, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				o = outcome{err: fmt.Errorf("%w: %v (stack in the debug log)", errPanic, r)}
			}
			ch <- o
		}()
		o.doc, o.err = convert(cctx, e.Path)
	}()
	var o outcome
	select {
	case o = <-ch:
	case <-cctx.Done():
		// Give a conversion that honours its context a moment to return.
		select {
		case o = <-ch:
		case <-time.After(50 * time.Millisecond):
			abandoned.Add(1)
			o.err = cctx.Err()
		}
	}
	e.Millis = time.Since(start).Milliseconds()
	e.Time = time.Now().UTC()
	switch {
	case o.err != nil && errors.Is(cctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil:
		// Whatever error an extractor returns once its deadline passed.
		e.Status = StatusTimeout
		e.Error = fmt.Sprintf("timed out after %v", timeout)
		logger.Warn("timed out", "path", e.Path, "timeout", timeout, "error", o.err)
		return e
	case o.err != nil:
		// Messages lead with the path, which the entry already holds.
		e.Status, e.Error = StatusFailed, strings.TrimPrefix(o.err.Error(), e.Path+": ")
		return e
	case o.doc == nil:
		e.Status, e.Error = StatusFailed, "conversion returned no document"
		return e
	}
	doc := o.doc
	describe(&e, doc)
	var err error
	if t.format == FormatJSON {
		err = writeDocJSON(filepath.Join(t.path, e.Output), doc, true)
	} else {
		err = writeDocJSON(t.partPath(e.Part), doc, false)
	}
	if err != nil {
		e.Status, e.Error = StatusFailed, fmt.Sprintf("converted, but writing the document failed: %v", err)
	}
	return e
}

// describe copies the headline facts of doc into e.
func describe(e *Entry, doc *schema.Document) {
	if doc.Source.Format != "" {
		e.Format = doc.Source.Format
	}
	e.Issuer = doc.Meta.Issuer.Name
	e.Year = doc.Meta.FiscalYear
	e.Kind = doc.Meta.Kind
	e.Scope = doc.Meta.Scope
	e.Status = StatusOK
	e.Findings = nil
	for _, f := range doc.Findings {
		if e.Findings == nil {
			e.Findings = map[string]int{}
		}
		e.Findings[f.Severity]++
		if f.Severity == schema.SevWarning || f.Severity == schema.SevError {
			e.Status = StatusWarnings
		}
	}
}

// lazyFile creates its file on the first write, so a run with nothing to
// log leaves no log behind.
type lazyFile struct {
	path string
	mu   sync.Mutex
	f    *os.File
	err  error
}

func (l *lazyFile) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil && l.err == nil {
		l.f, l.err = os.OpenFile(l.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	}
	if l.err != nil {
		return len(p), nil // the debug log is best effort
	}
	return l.f.Write(p)
}

func (l *lazyFile) close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f != nil {
		l.f.Close()
	}
}

// Failed counts the entries that are neither documents nor duplicates.
func (r *Report) Failed() int {
	n := 0
	for _, e := range r.Entries {
		if e.Status == StatusFailed || e.Status == StatusTimeout {
			n++
		}
	}
	return n
}

// slowest returns the n entries that took longest.
func slowest(entries []Entry, n int) []Entry {
	s := slices.Clone(entries)
	s = slices.DeleteFunc(s, func(e Entry) bool { return e.Millis <= 0 })
	slices.SortStableFunc(s, func(a, b Entry) int { return int(b.Millis - a.Millis) })
	return s[:min(n, len(s))]
}
