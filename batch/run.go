package batch

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/internal/deadline"
	"github.com/yusuan/yusuan/internal/guard"
	"github.com/yusuan/yusuan/internal/pathtext"
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
	// Labels names the sheets and columns of xlsx and csv outputs: the
	// zero value keeps the English keys (programs), schema.LabelsZH writes
	// them in Chinese with a 字段说明 sheet (people; the command's default).
	Labels schema.Labels
	// Workers converting in parallel; default runtime.NumCPU().
	Workers int
	// Timeout per file; zero means none.
	Timeout time.Duration
	// Fresh ignores and clears the journal and parts of an earlier run.
	Fresh bool
	// RetryFailed converts again the files an earlier run journaled as
	// failed or timed out. Files that failed because the output could not
	// be written (a full disk) are retried without it.
	RetryFailed bool
	// Converter converts each file; its options hold the limits (the
	// largest input, pages). Nil makes one with NewConverter, else with the
	// zero yusuan.Options.
	Converter *yusuan.Converter
	// NewConverter makes the Converter when Converter is nil. It is called
	// only once the output's lock is held: loading the segmenter takes a
	// second or more, and a second run on the same output must be refused
	// before it, not after the first run has finished.
	NewConverter func() (*yusuan.Converter, error)
	// Progress receives a live status line (rewritten with \r); nil for
	// none. Pass a terminal only.
	Progress io.Writer
	// Log receives the debug log (panic stacks, timeouts); nil writes it to
	// the state location (X.log or D/.yusuan-batch/debug.log) when there is
	// something to say.
	Log *slog.Logger
	// ConvertFunc replaces the Converter (tests: slow, hanging or
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
	// Unfinished counts the files an interrupted run did not get to (or
	// did not finish): they are neither done nor failed.
	Unfinished int
	Elapsed    time.Duration
	// Phases of Elapsed: hashing and sniffing the inputs, converting,
	// writing the final output.
	Probing, Converting, Writing time.Duration
	Workers                      int
	// Interrupted is set when the context ended the run early: the journal
	// holds what finished, the final output was not written.
	Interrupted bool
	// Version is the yusuan build that ran (see yusuan.BuildVersion).
	Version string
}

// converterFunc converts the file at path.
type converterFunc = func(ctx context.Context, path string) (*schema.Document, error)

// Run converts the inputs named by paths into opts.Output. It returns an
// error only for what stops the whole batch (bad output, lock held, output
// not writable, interrupted); a file that fails is an Entry with its reason.
func Run(ctx context.Context, paths []string, opts Options) (*Report, error) {
	start := time.Now()
	t, err := resolveTarget(opts.Output, opts.Format)
	if err != nil {
		return nil, err
	}
	t.labels = opts.Labels
	if err := t.prepare(); err != nil {
		return nil, err
	}
	lock, err := acquireLock(t.lock)
	if err != nil {
		return nil, err
	}
	defer lock.release()
	t.removeStaleTemps()

	logger, closeLog := runLogger(opts.Log, t)
	defer closeLog()
	done, err := loadState(t, opts.Fresh, logger)
	if err != nil {
		return nil, err
	}
	convert, maxBytes, err := converterFor(opts, logger)
	if err != nil {
		return nil, err
	}
	workers := workerCount(opts.Workers)

	in := Collect(paths, t.excluded())
	rep := &Report{Output: t.path, Journal: t.journal, Skipped: in.Skipped, Missing: in.Missing,
		Workers: workers, Version: yusuan.BuildVersion()}

	phase := time.Now()
	probes, err := probeAll(ctx, in.Files, maxBytes, workers)
	rep.Probing = time.Since(phase)
	if err != nil {
		rep.Interrupted = true
		return rep, err
	}

	j, err := openJournal(t.journal, t.format)
	if err != nil {
		return nil, err
	}
	defer j.close()
	entries, todo, err := plan(probes, done, t, opts.RetryFailed, j, rep)
	if err != nil {
		return nil, err
	}

	phase = time.Now()
	prog := newProgress(opts.Progress, 0)
	prog.preset(entries, todo, len(in.Missing))
	prog.start()
	finished, abandoned, err := runWorkers(ctx, todo, entries, workers, opts.Timeout, convert, t, j, logger, prog)
	prog.stop()
	rep.Converting = time.Since(phase)
	rep.Converted += finished
	rep.Abandoned = int(abandoned)
	rep.Entries = entries
	if err != nil {
		rep.Interrupted = true
		rep.Unfinished = len(todo) - finished
		rep.Entries = slices.DeleteFunc(slices.Clone(entries), func(e Entry) bool { return e.Status == "" })
		rep.Elapsed = time.Since(start)
		return rep, err
	}
	err = finish(rep, entries, in.Missing, done, t)
	rep.Elapsed = time.Since(start)
	return rep, err
}

// runLogger returns opts' logger, or one writing to the state location's
// debug log on first use.
func runLogger(l *slog.Logger, t *target) (*slog.Logger, func()) {
	if l != nil {
		return l, func() {}
	}
	lw := &lazyFile{path: t.log}
	return slog.New(slog.NewTextHandler(lw, &slog.HandlerOptions{Level: slog.LevelDebug})), lw.close
}

// loadState returns the journal's last entry per input (keyed by
// resumeKey), after clearing it for a fresh run or a run in another format.
func loadState(t *target, fresh bool, logger *slog.Logger) (map[string]Entry, error) {
	if fresh {
		if err := t.clearState(); err != nil {
			return nil, fmt.Errorf("--fresh: %w", err)
		}
		if err := t.prepare(); err != nil {
			return nil, err
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
		return map[string]Entry{}, nil
	}
	byKey := make(map[string]Entry, len(done))
	for _, e := range done {
		k := resumeKey(e.Path)
		if old, ok := byKey[k]; !ok || e.Time.After(old.Time) {
			byKey[k] = e // "in/a" and "/abs/in/a" in one journal: the later
		}
	}
	return byKey, nil
}

// converterFor returns the conversion every worker calls, guarded by the
// one panic policy (internal/guard), and the largest input it takes.
func converterFor(opts Options, logger *slog.Logger) (converterFunc, int64, error) {
	conv := opts.Converter
	if conv == nil && opts.NewConverter != nil {
		var err error
		if conv, err = opts.NewConverter(); err != nil {
			return nil, 0, err
		}
	}
	if opts.ConvertFunc != nil {
		maxBytes := int64(extract.DefaultMaxBytes)
		if conv != nil {
			maxBytes = conv.MaxBytes()
		}
		return guarded(opts.ConvertFunc, logger), maxBytes, nil
	}
	if conv == nil {
		var err error
		if conv, err = yusuan.NewConverter(yusuan.Options{}); err != nil {
			return nil, 0, err
		}
	}
	conv = conv.WithLog(logger) // panic stacks go to the batch's debug log
	return guarded(conv.ConvertFile, logger), conv.MaxBytes(), nil
}

// guarded applies the panic policy to convert.
func guarded(convert converterFunc, logger *slog.Logger) converterFunc {
	return func(ctx context.Context, path string) (*schema.Document, error) {
		return guard.Call(path, logger, func() (*schema.Document, error) { return convert(ctx, path) })
	}
}

func workerCount(n int) int {
	if n <= 0 {
		return runtime.NumCPU()
	}
	return n
}

// plan decides what to do for each probed input: a duplicate, resumed from
// the journal, failed at probing (journaled now), or to convert (listed in
// todo). JSON outputs are named in path order so names are stable from run
// to run.
func plan(probes []probe, done map[string]Entry, t *target, retryFailed bool, j *journal, rep *Report) ([]Entry, []int, error) {
	dups := dedup(probes)
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
		old, seen := done[resumeKey(p.Path)]
		if seen && resumable(old, p, t, retryFailed) {
			old.Path = p.Path // as typed this time
			entries[i] = old
			rep.Resumed++
			continue
		}
		e := Entry{Path: p.Path, SHA256: p.SHA256, Bytes: p.Bytes, Format: p.Format}
		if p.Err != nil {
			e.Status, e.Error, e.Time = StatusFailed, p.Err.Error(), time.Now().UTC()
			if err := j.append(e); err != nil {
				return nil, nil, err
			}
			entries[i] = e
			rep.Converted++
			continue
		}
		switch {
		case t.format != FormatJSON:
			e.Part = t.partRel(p.SHA256)
		case seen && old.Output != "":
			e.Output = old.Output
		default:
			e.Output = names.name(p.Path)
		}
		entries[i] = e
		todo = append(todo, i)
	}
	return entries, todo, nil
}

// resumable reports whether the journal's entry old still stands for the
// input p: same content, its part intact, and not a failure to redo (asked
// for, or caused by the output rather than the file).
func resumable(old Entry, p probe, t *target, retryFailed bool) bool {
	switch {
	case old.SHA256 != p.SHA256 || !t.partOK(old):
		return false
	case old.Status.Converted():
		return true
	}
	return !retryFailed && !old.Environmental
}

// resumeKey identifies an input across runs: its cleaned absolute path, so
// "in/a.pdf" and "/work/in/a.pdf" are the same file.
func resumeKey(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// finish writes the final output from entries (plus the arguments that
// named nothing) and prunes the parts no journal line refers to.
func finish(rep *Report, entries []Entry, missing []Missing, done map[string]Entry, t *target) error {
	for _, m := range missing {
		entries = append(entries, Entry{Path: m.Path, Status: StatusFailed, Error: m.Err.Error()})
	}
	slices.SortStableFunc(entries, func(a, b Entry) int { return strings.Compare(a.Path, b.Path) })
	rep.Entries = entries
	phase := time.Now()
	if err := t.finalize(entries); err != nil {
		return fmt.Errorf("writing %s: %w", t.path, err)
	}
	rep.Writing = time.Since(phase)
	t.pruneParts(partsToKeep(done, entries))
	rep.Written = t.written()
	return nil
}

// partsToKeep names the parts of the latest entry of every input the
// journal knows.
func partsToKeep(done map[string]Entry, entries []Entry) map[string]bool {
	latest := maps.Clone(done)
	for _, e := range entries {
		latest[resumeKey(e.Path)] = e
	}
	keep := map[string]bool{}
	for _, e := range latest {
		if e.Part != "" {
			keep[path.Base(e.Part)] = true
		}
	}
	return keep
}

// written lists the files finalize produced.
func (t *target) written() []string {
	switch {
	case t.format == FormatXLSX, t.format == FormatSQLite:
		return []string{t.path}
	case t.format == FormatJSON:
		return []string{filepath.Join(t.path, "index.jsonl")}
	case t.dir:
		return []string{filepath.Join(t.path, schema.SheetName(t.labels)+".csv"), "…"}
	}
	return []string{t.csvName(schema.SheetName(t.labels) + ".csv"), "…"}
}

// result is one finished conversion.
type result struct {
	i     int
	entry Entry
}

// runWorkers converts entries[todo...] with n workers, writing each
// document (part or JSON file) and then its journal line. It returns how
// many files finished, the number of conversions abandoned at their
// deadline, and ctx's error if the run was interrupted (unfinished files
// are then not journaled and keep an empty status).
func runWorkers(ctx context.Context, todo []int, entries []Entry, n int, timeout time.Duration,
	convert converterFunc, t *target, j *journal, logger *slog.Logger, prog *progress) (int, int64, error) {
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
	finished := 0
	for r := range results {
		if jerr == nil {
			jerr = j.append(r.entry)
		}
		entries[r.i] = r.entry
		finished++
		prog.done(r.entry)
	}
	if jerr != nil {
		return finished, abandoned.Load(), jerr
	}
	return finished, abandoned.Load(), ctx.Err()
}

// convertOne converts one file under its deadline and stores the
// document. convert is guarded (a panic is the file's error); a
// conversion that outlives the deadline is abandoned.
func convertOne(ctx context.Context, e Entry, timeout time.Duration, convert converterFunc,
	t *target, logger *slog.Logger, abandoned *atomic.Int64) Entry {
	start := time.Now()
	o := deadline.Run(ctx, timeout, func(cctx context.Context) (*schema.Document, error) { return convert(cctx, e.Path) })
	if o.Abandoned {
		abandoned.Add(1)
	}
	e.Millis = time.Since(start).Milliseconds()
	e.Time = time.Now().UTC()
	e.Environmental = false
	switch {
	case o.TimedOut:
		// Whatever error an extractor returns once its deadline passed.
		e.Status = StatusTimeout
		e.Error = fmt.Sprintf("timed out after %v", timeout)
		logger.Warn("timed out", "path", e.Path, "timeout", timeout, "error", o.Err)
		return e
	case o.Err != nil:
		// Messages lead with the path, which the entry already holds.
		e.Status, e.Error = StatusFailed, strings.TrimPrefix(o.Err.Error(), pathtext.Display(e.Path)+": ")
		return e
	case o.Value == nil:
		e.Status, e.Error = StatusFailed, "conversion returned no document"
		return e
	}
	return store(e, o.Value, t)
}

// store writes doc (part or JSON file) and describes it in e. A write
// failure is the environment's (a full disk), not the file's: the entry
// says so, and the next run converts the file again.
func store(e Entry, doc *schema.Document, t *target) Entry {
	describe(&e, doc)
	var err error
	if t.format == FormatJSON {
		err = writeDocJSON(filepath.Join(t.path, e.Output), doc, true)
	} else {
		err = writeDocJSON(t.partPath(e.Part), doc, false)
	}
	if err != nil {
		e.Status, e.Error = StatusFailed, fmt.Sprintf("converted, but writing the document failed: %v", err)
		e.Environmental = true
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
	e.Producer = doc.Source.Producer
	e.DocStatus = doc.Status
	e.Disclosure = schema.DisclosureID(doc)
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
