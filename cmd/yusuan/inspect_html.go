package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/inspecthtml"
	"github.com/yusuan/yusuan/internal/atomicfile"
	"github.com/yusuan/yusuan/schema"
)

// inspectHTML writes the inspection page of one file (inspect --format html).
func inspectHTML(ctx context.Context, files []string, out string, timeout time.Duration, cf *commonFlags, stdout, stderr io.Writer) int {
	if len(files) != 1 || files[0] == "-" {
		fmt.Fprintln(stderr, "yusuan inspect: --format html takes exactly one FILE (not standard input)")
		return exitUsage
	}
	conv, err := cf.converter(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "yusuan: %v\n", err)
		return exitFail
	}
	type inspected struct {
		d *schema.Document
		x *extract.Document
	}
	r, err := withTimeout(ctx, timeout, files[0], func(ctx context.Context) (inspected, error) {
		d, x, err := conv.ConvertFileInspected(ctx, files[0])
		return inspected{d, x}, err
	})
	d, x := r.d, r.x
	if err != nil {
		fmt.Fprintf(stderr, "yusuan: %v\n", err)
		return exitFail
	}
	write := func(w *bufio.Writer) error { return inspecthtml.Write(w, x, d, inspecthtml.Options{}) }
	if out == "" {
		w := bufio.NewWriter(stdout)
		err = write(w)
		if ferr := w.Flush(); err == nil {
			err = ferr
		}
	} else {
		err = atomicfile.Write(out, write)
	}
	if err != nil {
		fmt.Fprintf(stderr, "yusuan inspect: %s: %v\n", files[0], err)
		return exitFail
	}
	return exitOK
}
