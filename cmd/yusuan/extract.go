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
	"github.com/yusuan/yusuan/schema"
)

func schemaVersion() string { return schema.Version }

// commonFlags are shared by extract and inspect.
type commonFlags struct {
	dictDir  string
	maxBytes int64
	maxPages int
}

func (c *commonFlags) options() yusuan.Options {
	return yusuan.Options{DictDir: c.dictDir, Extract: extract.Options{MaxBytes: c.maxBytes, MaxPages: c.maxPages}}
}

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("extract", "extract [--format json|jsonl|xlsx] [-o FILE] FILE... (- reads standard input)", stderr)
	format := fs.String("format", "json", "output format: json, jsonl or xlsx")
	out := fs.String("o", "", "write to `FILE` instead of standard output (xlsx needs it)")
	compactOut := fs.Bool("compact", false, "json: no indentation")
	var cf commonFlags
	fs.StringVar(&cf.dictDir, "dict-dir", "", "gojieba dictionary `DIR` (default $YUSUAN_DICT_DIR, then the build-time module path)")
	fs.Int64Var(&cf.maxBytes, "max-bytes", 0, "largest input file in bytes (default 200 MiB)")
	fs.IntVar(&cf.maxPages, "max-pages", 0, "most PDF pages read (default 2000)")
	if stop, code := parseFlags(fs, args); stop {
		return code
	}
	files := fs.Args()
	if len(files) == 0 {
		fmt.Fprintln(stderr, "yusuan extract: no input files (use - for standard input)")
		fs.Usage()
		return exitUsage
	}
	switch *format {
	case "json", "jsonl", "xlsx":
	default:
		fmt.Fprintf(stderr, "yusuan extract: unknown --format %q (json, jsonl or xlsx)\n", *format)
		return exitUsage
	}
	if *format == "xlsx" && *out == "" {
		fmt.Fprintln(stderr, "yusuan extract: --format xlsx needs -o FILE.xlsx")
		return exitUsage
	}
	opts := cf.options()
	if _, err := yusuan.Normalizer(opts); err != nil {
		fmt.Fprintf(stderr, "yusuan: %v\n", err)
		return exitFail
	}

	sink, err := newSink(*format, *out, !*compactOut, stdout)
	if sink != nil {
		sink.multi = len(files) > 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "yusuan extract: %v\n", err)
		return exitFail
	}
	code := exitOK
	for _, f := range files {
		doc, err := convertOne(ctx, f, opts)
		if err != nil {
			fmt.Fprintf(stderr, "yusuan: %v\n", err)
			code = exitFail
			if aerr := sink.addError(f, err); aerr != nil {
				fmt.Fprintf(stderr, "yusuan extract: %v\n", aerr)
				return exitFail
			}
			continue
		}
		if err := sink.add(doc); err != nil {
			fmt.Fprintf(stderr, "yusuan extract: writing output: %v\n", err)
			return exitFail
		}
	}
	if err := sink.close(); err != nil {
		fmt.Fprintf(stderr, "yusuan extract: writing output: %v\n", err)
		return exitFail
	}
	return code
}

func convertOne(ctx context.Context, f string, opts yusuan.Options) (doc *schema.Document, err error) {
	defer func() {
		// A bug met on one file must not lose the others given with it.
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%s: internal error (please report it with the file): %v", f, r)
		}
	}()
	if f == "-" {
		return yusuan.Convert(ctx, os.Stdin, "-", opts)
	}
	return yusuan.ConvertFile(ctx, f, opts)
}

// sink receives documents as they are converted.
type sink struct {
	format string
	pretty bool
	w      io.Writer
	file   *os.File
	tmp    string
	final  string
	buf    *bufio.Writer
	docs   []*schema.Document // json: printed at close (one object, or an array)
	multi  bool               // several inputs: json prints an array even if one converted
	xw     *schema.XLSXWriter
}

func newSink(format, out string, pretty bool, stdout io.Writer) (*sink, error) {
	s := &sink{format: format, pretty: pretty, w: stdout}
	if out != "" {
		// Write to a temporary name beside the target and rename at the end,
		// so an interrupted run never leaves a truncated file.
		f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
		if err != nil {
			return nil, err
		}
		s.file, s.tmp, s.final = f, f.Name(), out
		s.w = f
	}
	s.buf = bufio.NewWriter(s.w)
	if format == "xlsx" {
		xw, err := schema.NewXLSXWriter(s.buf)
		if err != nil {
			return nil, err
		}
		s.xw = xw
	}
	return s, nil
}

func (s *sink) add(d *schema.Document) error {
	switch s.format {
	case "jsonl":
		return schema.WriteJSONL(s.buf, d)
	case "xlsx":
		return s.xw.Add(d)
	}
	s.docs = append(s.docs, d)
	return nil
}

func (s *sink) addError(path string, err error) error {
	if s.format == "xlsx" {
		return s.xw.AddError(path, "", err.Error())
	}
	return nil
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
	}
	if ferr := s.buf.Flush(); err == nil {
		err = ferr
	}
	if s.file != nil {
		if cerr := s.file.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(s.tmp)
			return err
		}
		return os.Rename(s.tmp, s.final)
	}
	return err
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
	fs := newFlags("inspect", "inspect [--format text|json] FILE...", stderr)
	format := fs.String("format", "text", "text (readable) or json")
	var cf commonFlags
	fs.Int64Var(&cf.maxBytes, "max-bytes", 0, "largest input file in bytes (default 200 MiB)")
	fs.IntVar(&cf.maxPages, "max-pages", 0, "most PDF pages read (default 2000)")
	if stop, code := parseFlags(fs, args); stop {
		return code
	}
	if len(fs.Args()) == 0 {
		fmt.Fprintln(stderr, "yusuan inspect: no input files")
		fs.Usage()
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "yusuan inspect: unknown --format %q (text or json)\n", *format)
		return exitUsage
	}
	code := exitOK
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	for _, f := range fs.Args() {
		var x *extract.Document
		var err error
		if f == "-" {
			data, rerr := io.ReadAll(io.LimitReader(os.Stdin, extract.DefaultMaxBytes+1))
			if rerr != nil {
				err = rerr
			} else {
				x, err = yusuan.InspectBytes(ctx, data, "-", cf.options())
			}
		} else {
			x, err = yusuan.InspectFile(ctx, f, cf.options())
		}
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
		fmt.Fprintf(w, "== %s\n", f)
		extract.WriteText(w, x)
	}
	return code
}

func runSchema(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("schema", "schema", stderr)
	if stop, code := parseFlags(fs, args); stop {
		return code
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
