package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/batch"
	"github.com/yusuan/yusuan/schema"
)

func init() {
	commands = append(commands, command{"batch", "convert many files into one dataset (xlsx, csv, sqlite or a JSON folder), resumably", runBatch})
}

// batchDelayEnv slows every conversion down by a duration; it exists for
// the kill-and-resume test and is not a user setting.
const batchDelayEnv = "YUSUAN_BATCH_TEST_DELAY"

func runBatch(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("batch", "batch -o OUT.xlsx|OUT.csv|OUT.sqlite|DIR [flags] PATH... (files, folders, globs)", stdout, stderr)
	out := fs.String("o", "", "output: `OUT`.xlsx (one workbook), OUT.csv (one CSV per sheet), OUT.sqlite (one database), or a directory (JSON per document + index.jsonl)")
	format := fs.String("format", "", "xlsx, csv, sqlite or json (default: by -o's extension, else json)")
	labelsFlag := fs.String("labels", "zh", "xlsx and csv: zh (Chinese sheets and headers, 字段说明) or en (English keys, for programs)")
	workers := fs.Int("workers", runtime.NumCPU(), "files converted in parallel")
	timeout := fs.Duration("timeout", defaultTimeout, timeoutUsage)
	quiet := fs.Bool("quiet", false, "no progress line and no summary")
	fresh := fs.Bool("fresh", false, "ignore the journal of an earlier run and start over")
	retry := fs.Bool("retry-failed", false, "convert again the files an earlier run recorded as failed or timed out")
	var cf commonFlags
	cf.register(fs, true)
	if stop, code := parseFlags(fs, args); stop {
		return code
	}
	if *out == "" || len(fs.Args()) == 0 {
		fmt.Fprintln(stderr, "yusuan batch: need -o OUTPUT and at least one PATH")
		fs.Usage()
		return exitUsage
	}
	labels, err := schema.ParseLabels(*labelsFlag)
	if err != nil {
		fmt.Fprintf(stderr, "yusuan batch: --labels: %v\n", err)
		return exitUsage
	}
	// The converter (the segmenter, slow to load) is made by batch.Run once
	// it holds the output's lock, so a second run is refused at once.
	newConv := func() (*yusuan.Converter, error) { return cf.converter(stderr) }
	opts := batch.Options{
		Output: *out, Format: *format, Labels: labels, Workers: *workers, Timeout: *timeout,
		Fresh: *fresh, RetryFailed: *retry, NewConverter: newConv,
	}
	if !*quiet && isTerminal(stderr) {
		opts.Progress = stderr
	}
	if d, err := time.ParseDuration(os.Getenv(batchDelayEnv)); err == nil && d > 0 {
		opts.ConvertFunc = func(ctx context.Context, path string) (*schema.Document, error) {
			select {
			case <-time.After(d):
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			conv, err := newConv()
			if err != nil {
				return nil, err
			}
			return conv.ConvertFile(ctx, path)
		}
	}
	rep, err := batch.Run(ctx, fs.Args(), opts)
	if rep != nil && !*quiet {
		rep.WriteSummary(stderr)
	}
	switch {
	case errors.Is(err, batch.ErrOutput):
		fmt.Fprintf(stderr, "yusuan batch: %v\n", err)
		return exitUsage
	case rep != nil && rep.Interrupted:
		fmt.Fprintf(stderr, "yusuan batch: interrupted; %d files finished are journaled in %s, %d not converted: rerun the same command to finish\n",
			rep.Converted, rep.Journal, rep.Unfinished)
		return exitFail
	case err != nil:
		fmt.Fprintf(stderr, "yusuan batch: %v\n", err)
		return exitFail
	case rep.Failed() > 0:
		return exitFail
	}
	return exitOK
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
