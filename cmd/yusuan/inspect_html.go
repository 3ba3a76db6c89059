package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/yusuan/yusuan/inspecthtml"
	"github.com/yusuan/yusuan/internal/atomicfile"
)

// inspectHTML writes the inspection page of one file (inspect --format html).
func inspectHTML(ctx context.Context, files []string, out string, cf *commonFlags, stdout, stderr io.Writer) int {
	if len(files) != 1 || files[0] == "-" {
		fmt.Fprintln(stderr, "yusuan inspect: --format html takes exactly one FILE (not standard input)")
		return exitUsage
	}
	conv, err := cf.converter(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "yusuan: %v\n", err)
		return exitFail
	}
	d, x, err := conv.ConvertFileInspected(ctx, files[0])
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
