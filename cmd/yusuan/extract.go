package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/internal/atomicfile"
	"github.com/yusuan/yusuan/internal/pathtext"
	"github.com/yusuan/yusuan/schema"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("extract", "extract [-o FILE.json|.jsonl|.xlsx|.csv|.sqlite] [--format F] FILE... (- reads standard input)", stdout, stderr)
	format := fs.String("format", "", "output format: json, jsonl, xlsx, csv or sqlite (default: by -o's extension, else json)")
	out := fs.String("o", "", "write to `FILE` instead of standard output; its extension gives the format (xlsx, csv, sqlite need it); left as it was when nothing converts")
	labelsFlag := fs.String("labels", "zh", "xlsx and csv: zh (Chinese sheets and headers, 字段说明) or en (English keys, for programs)")
	compactOut := fs.Bool("compact", false, "json: no indentation")
	timeout := fs.Duration("timeout", defaultTimeout, timeoutUsage)
	var cf commonFlags
	cf.register(fs, true)
	if stop, code := parseFlags(fs, args); stop {
		return code
	}
	files := fs.Args()
	if len(files) == 0 {
		fmt.Fprintln(stderr, "yusuan extract: no input files (use - for standard input)")
		fs.Usage()
		return exitUsage
	}
	// What -o is (a folder, an input) before what its name says.
	if err := checkOutput(*out, files); err != nil {
		fail(stderr, "extract", err)
		return exitUsage
	}
	fmtName, err := extractFormat(*format, *out)
	if err != nil {
		fmt.Fprintf(stderr, "yusuan extract: %v\n", err)
		return exitUsage
	}
	*format = fmtName
	labels, err := schema.ParseLabels(*labelsFlag)
	if err != nil {
		fmt.Fprintf(stderr, "yusuan extract: --labels: %v\n", err)
		return exitUsage
	}
	conv, err := cf.converter(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "yusuan: %v\n", err)
		return exitFail
	}
	sink, err := newSink(*format, *out, !*compactOut, stdout, labels)
	if err != nil {
		fail(stderr, "extract", err)
		return exitFail
	}
	defer sink.abort()
	sink.multi = len(files) > 1
	code := exitOK
	for _, f := range files {
		if ctx.Err() != nil {
			break
		}
		doc, err := withTimeout(ctx, *timeout, f, func(ctx context.Context) (*schema.Document, error) {
			return convertOne(ctx, conv, f)
		})
		if err != nil {
			fmt.Fprintf(stderr, "yusuan: %v\n", err)
			code = exitFail
			if aerr := sink.addError(f, err); aerr != nil {
				fail(stderr, "extract", aerr)
				return exitFail
			}
			continue
		}
		noteStatus(stderr, f, doc)
		if err := sink.add(doc); err != nil {
			fmt.Fprintf(stderr, "yusuan extract: writing output: %v\n", err)
			return exitFail
		}
	}
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "yusuan extract: interrupted; %s\n", sink.untouched())
		return exitFail
	}
	if *out != "" && sink.converted == 0 {
		fmt.Fprintf(stderr, "yusuan extract: no file converted; %s\n", sink.untouched())
		return exitFail
	}
	if err := sink.close(); err != nil {
		fmt.Fprintf(stderr, "yusuan extract: writing output: %v\n", err)
		return exitFail
	}
	return code
}

// checkOutput refuses an -o that is one of the inputs (it would be replaced
// by the conversion of itself) or that is not a file.
func checkOutput(out string, inputs []string) error {
	if out == "" {
		return nil
	}
	if _, err := atomicfile.Target(out); err != nil {
		return fmt.Errorf("-o %w", err)
	}
	ost, err := os.Stat(out)
	if err != nil {
		return nil // a new file
	}
	for _, in := range inputs {
		if st, err := os.Stat(in); err == nil && os.SameFile(st, ost) {
			return fmt.Errorf("-o %s is also an input: it would be overwritten", pathtext.Display(out))
		}
	}
	return nil
}

// convertOne converts one input ("-" is standard input) with the one
// converter: a panic is the file's error (yusuan.ErrPanic).
func convertOne(ctx context.Context, conv *yusuan.Converter, f string) (*schema.Document, error) {
	if f == "-" {
		return conv.Convert(ctx, os.Stdin, "-")
	}
	return conv.ConvertFile(ctx, f)
}

// sink receives documents as they are converted.
type sink struct {
	format    string
	pretty    bool
	path      string // -o, or "" for standard output
	file      *atomicfile.File
	buf       *bufio.Writer
	docs      []*schema.Document // json: printed at close (one object, or an array)
	multi     bool               // several inputs: json prints an array even if one converted
	xw        *schema.XLSXWriter
	scratch   string              // xlsx: excelize's temporary files
	tab       tabularSink         // csv, sqlite
	done      func(ok bool) error // csv: moves the set into place, or drops it
	converted int
}

func newSink(format, out string, pretty bool, stdout io.Writer, labels schema.Labels) (*sink, error) {
	s := &sink{format: format, pretty: pretty, path: out}
	w := stdout
	if format == "csv" {
		tab, done, err := openCSV(out, labels)
		if err != nil {
			return nil, err
		}
		s.tab, s.done = tab, done
		s.buf = bufio.NewWriter(io.Discard)
		return s, nil
	}
	if out != "" {
		// A temporary name beside the target, renamed at the end: an
		// interrupted or failed run leaves the old file as it was.
		f, err := atomicfile.Create(out)
		if err != nil {
			return nil, err
		}
		s.file, w = f, f
	}
	s.buf = bufio.NewWriter(w)
	if format == "xlsx" {
		// excelize spills big sheets to temporary files: beside the
		// output, hidden, and removed on close, abort or Ctrl-C.
		scratch, err := os.MkdirTemp(filepath.Dir(s.file.Name()), "."+filepath.Base(out)+".*.tmp")
		if err != nil {
			s.abort()
			return nil, err
		}
		s.scratch = scratch
		xw, err := schema.NewXLSXWriterLabels(s.buf, scratch, labels)
		if err != nil {
			s.abort()
			return nil, err
		}
		s.xw = xw
	}
	if format == "sqlite" {
		// The database is written at the temporary name and renamed by
		// Commit like any other output.
		tab, err := schema.NewSQLiteWriter(s.file.Name())
		if err != nil {
			s.abort()
			return nil, err
		}
		s.tab = tab
	}
	return s, nil
}

func (s *sink) add(d *schema.Document) error {
	s.converted++
	switch s.format {
	case "jsonl":
		return schema.WriteJSONL(s.buf, d)
	case "xlsx":
		return s.xw.Add(d)
	case "csv", "sqlite":
		return s.tab.Add(d)
	}
	s.docs = append(s.docs, d)
	return nil
}

func (s *sink) addError(path string, err error) error {
	switch s.format {
	case "xlsx":
		return s.xw.AddError(pathtext.Faithful(path), "", err.Error())
	case "csv", "sqlite":
		return s.tab.AddError(pathtext.Faithful(path), "", err.Error())
	}
	return nil
}

// untouched says what became of -o when nothing is written.
func (s *sink) untouched() string {
	if s.path == "" {
		return "output incomplete"
	}
	return pathtext.Display(s.path) + " left as it was"
}

// abort drops the output being written (nothing once close succeeded).
func (s *sink) abort() {
	if s.xw != nil {
		s.xw.Close() // removes excelize's temporary files
		s.xw = nil
	}
	if s.tab != nil {
		s.tab.Close()
		s.tab = nil
	}
	if s.done != nil {
		s.done(false)
		s.done = nil
	}
	if s.file != nil {
		s.file.Abort()
	}
	if s.scratch != "" {
		os.RemoveAll(s.scratch)
	}
}

func (s *sink) close() error {
	var err error
	switch s.format {
	case "json":
		switch {
		case s.multi && len(s.docs) <= 1:
			err = writeJSONArray(s.buf, s.docs, s.pretty)
		case len(s.docs) > 0:
			err = schema.WriteJSON(s.buf, s.docs, s.pretty)
		}
	case "xlsx":
		err = s.xw.Close()
		s.xw = nil
		os.RemoveAll(s.scratch)
	case "csv", "sqlite":
		err = s.tab.Close()
		s.tab = nil
		if s.done != nil {
			if derr := s.done(err == nil); err == nil {
				err = derr
			}
			s.done = nil
		}
	}
	if ferr := s.buf.Flush(); err == nil {
		err = ferr
	}
	if s.file == nil || err != nil {
		return err
	}
	return s.file.Commit()
}

// writeJSONArray prints docs as an array however many there are, so a
// script that passed several files always gets an array back.
func writeJSONArray(w io.Writer, docs []*schema.Document, pretty bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	if docs == nil {
		docs = []*schema.Document{}
	}
	return enc.Encode(docs)
}

func runInspect(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("inspect", "inspect [--format text|json|html] [-o FILE] FILE...", stdout, stderr)
	format := fs.String("format", "text", "text (readable), json, or html (one self-contained page showing where every figure came from)")
	out := fs.String("o", "", "html: write the page to `FILE` instead of standard output")
	timeout := fs.Duration("timeout", defaultTimeout, timeoutUsage)
	var cf commonFlags
	cf.register(fs, true) // --dict-dir: html normalises
	if stop, code := parseFlags(fs, args); stop {
		return code
	}
	if len(fs.Args()) == 0 {
		fmt.Fprintln(stderr, "yusuan inspect: no input files")
		fs.Usage()
		return exitUsage
	}
	if *format == "html" {
		return inspectHTML(ctx, fs.Args(), *out, *timeout, &cf, stdout, stderr)
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "yusuan inspect: unknown --format %q (text, json or html)\n", *format)
		return exitUsage
	}
	code := exitOK
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	opts := cf.options(stderr)
	for _, f := range fs.Args() {
		x, err := withTimeout(ctx, *timeout, f, func(ctx context.Context) (*extract.Document, error) {
			if f == "-" {
				return yusuan.InspectReader(ctx, os.Stdin, "-", opts)
			}
			return yusuan.InspectFile(ctx, f, opts)
		})
		if err != nil {
			fmt.Fprintf(stderr, "yusuan: %v\n", err)
			code = exitFail
			continue
		}
		if *format == "json" {
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(x); err != nil {
				fmt.Fprintf(stderr, "yusuan: %v\n", err)
				return exitFail
			}
			continue
		}
		fmt.Fprintf(w, "== %s\n", pathtext.Display(f))
		extract.WriteText(w, x)
	}
	return code
}

func runSchema(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("schema", "schema [--rules]", stdout, stderr)
	rules := fs.Bool("rules", false, "print the consistency rules (name, 中文说明, English) instead of the JSON Schema")
	if stop, code := parseFlags(fs, args); stop {
		return code
	}
	if *rules {
		io.WriteString(stdout, schema.RulesMarkdown())
		return exitOK
	}
	b, err := schema.JSONSchema()
	if err != nil {
		fmt.Fprintf(stderr, "yusuan schema: %v\n", err)
		return exitFail
	}
	stdout.Write(b)
	if len(b) > 0 && b[len(b)-1] != '\n' {
		io.WriteString(stdout, "\n")
	}
	return exitOK
}
