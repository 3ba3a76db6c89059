package main

import (
	"context"
	"fmt"
	"io"

	"github.com/yusuan/yusuan/report"
)

func init() {
	commands = append(commands, command{"report", "write a static site (index + one page per document) from a batch JSON folder", runReport})
}

func runReport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("report", "report -o SITE_DIR BATCH_DIR (the folder written by yusuan batch -o BATCH_DIR)", stderr)
	out := fs.String("o", "", "write the site into `DIR` (index.html, docs/*.html)")
	var cf commonFlags
	fs.StringVar(&cf.dictDir, "dict-dir", "", "gojieba dictionary `DIR` (default $YUSUAN_DICT_DIR, then the build-time module path)")
	fs.Int64Var(&cf.maxBytes, "max-bytes", 0, "largest input file in bytes (default 200 MiB)")
	fs.IntVar(&cf.maxPages, "max-pages", 0, "most PDF pages read (default 2000)")
	if stop, code := parseFlags(fs, args); stop {
		return code
	}
	if *out == "" || len(fs.Args()) != 1 {
		fmt.Fprintln(stderr, "yusuan report: needs -o SITE_DIR and one BATCH_DIR")
		fs.Usage()
		return exitUsage
	}
	res, err := report.Write(ctx, *out, fs.Args()[0], cf.options())
	for _, s := range res.Skipped {
		fmt.Fprintf(stderr, "yusuan report: skipped %s\n", s)
	}
	if err != nil {
		fmt.Fprintf(stderr, "yusuan report: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(stderr, "yusuan report: %d pages (%d drawn over their source) in %s\n", res.Documents, res.FromSource, *out)
	if len(res.Skipped) > 0 {
		return exitFail
	}
	return exitOK
}
