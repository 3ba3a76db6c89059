package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/compare"
)

func init() {
	commands = append(commands, command{"compare", "headline figures side by side per department and year, with year-on-year change", runCompare})
}

func runCompare(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("compare", "compare [-o OUT.xlsx|OUT.csv|OUT.md] PATH... (disclosures, JSON documents, a batch output folder or its index.jsonl)", stdout, stderr)
	out := fs.String("o", "", "write `OUT`.xlsx, OUT.csv or OUT.md instead of a Markdown table on standard output")
	workers := fs.Int("workers", runtime.NumCPU(), "files converted in parallel")
	var cf commonFlags
	cf.register(fs, false)
	if stop, code := parseFlags(fs, args); stop {
		return code
	}
	if len(fs.Args()) == 0 {
		fmt.Fprintln(stderr, "yusuan compare: no inputs")
		fs.Usage()
		return exitUsage
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if *out != "" && ext != ".xlsx" && ext != ".csv" && ext != ".md" {
		fmt.Fprintf(stderr, "yusuan compare: -o %s: want a path ending in .xlsx, .csv or .md\n", *out)
		return exitUsage
	}
	opts := compare.Options{Workers: *workers, Log: stderrLog(stderr),
		Converter: func() (*yusuan.Converter, error) { return cf.converter(stderr) }}
	res, err := compare.Load(ctx, fs.Args(), opts)
	if err != nil {
		fmt.Fprintf(stderr, "yusuan compare: %v\n", err)
		return exitFail
	}
	code := exitOK
	for _, f := range res.Errors {
		fmt.Fprintf(stderr, "yusuan compare: %v\n", f)
		code = exitFail
	}
	switch ext {
	case ".xlsx":
		err = compare.WriteXLSX(*out, res.Rows)
	case ".csv":
		err = compare.WriteCSV(*out, res.Rows)
	case ".md":
		err = compare.WriteMarkdownFile(*out, res.Rows)
	default:
		w := bufio.NewWriter(stdout)
		compare.WriteMarkdown(w, res.Rows)
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "yusuan compare: %v\n", err)
		return exitFail
	}
	if *out != "" {
		fmt.Fprintf(stderr, "%d rows (%d documents) written to %s\n", len(res.Rows), res.Documents, *out)
	}
	return code
}
