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
	fs := newFlags("report", "report -o SITE_DIR BATCH_DIR (the folder written by yusuan batch -o BATCH_DIR)", stdout, stderr)
	out := fs.String("o", "", "write the site into `DIR` (index.html, docs/*.html)")
	var cf commonFlags
	cf.register(fs, false) // the documents come as JSON; sources are only re-extracted
	if stop, code := parseFlags(fs, args); stop {
		return code
	}
	if *out == "" || len(fs.Args()) != 1 {
		fmt.Fprintln(stderr, "yusuan report: needs -o SITE_DIR and one BATCH_DIR")
		fs.Usage()
		return exitUsage
	}
	res, err := report.Write(ctx, *out, fs.Args()[0], cf.options(stderr))
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
