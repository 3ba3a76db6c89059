// Package compare owns "yusuan compare": it reads documents (disclosures,
// converted with a yusuan.Converter; JSON documents; batch outputs through
// their index.jsonl), keeps each one's headline figures (收入, 支出, 基本/项目
// 支出, 三公 and its parts, 机关运行经费), lines them up per department, kind,
// scope and year with the change against the latest earlier year, and
// writes the table as Markdown, CSV or XLSX. Disclosures are converted in
// parallel by batch.ConvertEach, under the batch's panic policy: a file
// that fails or panics is an error in the result, the others go on.
package compare

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/batch"
	"github.com/yusuan/yusuan/internal/pathtext"
	"github.com/yusuan/yusuan/schema"
)

// Options configure Load.
type Options struct {
	// Converter returns the converter for the disclosures among the
	// inputs; it is called only when there are some (loading one costs half
	// a second). Nil makes one with the zero yusuan.Options.
	Converter func() (*yusuan.Converter, error)
	// Workers converting in parallel; default runtime.NumCPU().
	Workers int
	// Log receives the stacks of conversions that panicked; nil means
	// slog.Default().
	Log *slog.Logger
	// ConvertFunc replaces the Converter (tests).
	ConvertFunc func(ctx context.Context, path string) (*schema.Document, error)
}

// Result is the compared table and what could not be read.
type Result struct {
	Rows      []Row
	Documents int
	Errors    []error // one per input that failed, leading with its path
}

// Load reads every input — JSON documents (yusuan extract or batch
// output), index.jsonl files and batch output folders (through their
// index), and disclosures, converted in parallel — and builds the table.
// A document met twice (same SHA-256) counts once. ctx ending stops the
// conversions; Load then returns ctx's error.
func Load(ctx context.Context, args []string, opts Options) (*Result, error) {
	var docs []figures
	var errs []error
	seen := map[string]bool{}
	add := func(d *schema.Document) {
		if d.Meta.Scope == schema.ScopeGovernment {
			return // a report to the people's congress is no department's disclosure
		}
		key := cmp.Or(d.Source.SHA256, d.Source.Path)
		if !seen[key] {
			seen[key] = true
			docs = append(docs, summarize(d))
		}
	}
	toConvert, readErrs := readInputs(args, add)
	errs = append(errs, readErrs...)
	if len(toConvert) > 0 {
		convert, err := converter(opts)
		if err != nil {
			errs = append(errs, err)
			toConvert = nil
		}
		for _, r := range batch.ConvertEach(ctx, toConvert, opts.Workers, convert, opts.Log) {
			switch {
			case r.Err != nil:
				errs = append(errs, r.Err)
			case r.Doc != nil:
				add(r.Doc)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &Result{Rows: withNotes(buildRows(mergeDisclosures(docs))), Documents: len(docs), Errors: errs}, nil
}

func converter(opts Options) (func(context.Context, string) (*schema.Document, error), error) {
	if opts.ConvertFunc != nil {
		return opts.ConvertFunc, nil
	}
	newConv := opts.Converter
	if newConv == nil {
		newConv = func() (*yusuan.Converter, error) { return yusuan.NewConverter(yusuan.Options{Log: opts.Log}) }
	}
	c, err := newConv()
	if err != nil {
		return nil, err
	}
	return c.ConvertFile, nil
}

// readInputs reads the JSON inputs (documents, indexes, batch folders)
// through add and returns the disclosures left to convert.
func readInputs(args []string, add func(*schema.Document)) (toConvert []string, errs []error) {
	var collectArgs []string
	for _, a := range args {
		if st, err := os.Stat(a); err == nil && st.IsDir() {
			if idx := filepath.Join(a, "index.jsonl"); fileExists(idx) {
				errs = append(errs, loadJSONDocs(idx, add)...)
				continue
			}
		}
		collectArgs = append(collectArgs, a)
	}
	in := batch.Collect(collectArgs, nil)
	for _, m := range in.Missing {
		errs = append(errs, fmt.Errorf("%s: %w", m.Path, m.Err))
	}
	for _, p := range in.Files {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".json", ".jsonl":
			errs = append(errs, loadJSONDocs(p, add)...)
		default:
			toConvert = append(toConvert, p)
		}
	}
	return toConvert, errs
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// loadJSONDocs reads a JSON document, an array of them (yusuan extract),
// JSON Lines of documents, or a batch index (lines naming output files,
// read relative to the index's folder).
func loadJSONDocs(path string, add func(*schema.Document)) []error {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		// Reading a named pipe would wait for a writer forever.
		return []error{fmt.Errorf("%s: %w", pathtext.Display(path), yusuan.ErrNotRegular)}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return []error{err}
	}
	trimmed := bytes.TrimSpace(b)
	if bytes.HasPrefix(trimmed, []byte("[")) {
		var ds []*schema.Document
		if err := json.Unmarshal(trimmed, &ds); err != nil {
			return []error{fmt.Errorf("%s: %w", path, err)}
		}
		for _, d := range ds {
			add(d)
		}
		return nil
	}
	// One object, or one per line: a decoder reads both.
	var errs []error
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	for {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err == io.EOF {
			break
		} else if err != nil {
			return append(errs, fmt.Errorf("%s: %w", path, err))
		}
		var probe struct {
			SchemaVersion string       `json:"schema_version"`
			Status        batch.Status `json:"status"`
		}
		json.Unmarshal(raw, &probe)
		switch {
		case probe.SchemaVersion != "":
			var d schema.Document
			if err := json.Unmarshal(raw, &d); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", path, err))
				continue
			}
			add(&d)
		case probe.Status != "":
			var e batch.Entry
			if err := json.Unmarshal(raw, &e); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", path, err))
				continue
			}
			if !e.Status.Converted() || e.Output == "" {
				continue // failures and duplicates have no document
			}
			doc := filepath.Join(filepath.Dir(path), e.Output)
			if err := loadJSONDocs(doc, add); err != nil {
				errs = append(errs, err...)
			}
		default:
			errs = append(errs, fmt.Errorf("%s: neither a yusuan document nor a batch index", path))
			return errs
		}
	}
	return errs
}
