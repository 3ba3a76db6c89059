package batch

import (
	"context"
	"log/slog"
	"sync"

	"github.com/yusuan/yusuan/schema"
)

// Result is one conversion of ConvertEach.
type Result struct {
	Path string
	Doc  *schema.Document
	Err  error
}

// ConvertEach converts paths with n workers (default runtime.NumCPU) and
// returns the results in paths' order, in memory: the runner for callers
// that want documents rather than a dataset on disk (compare). Each
// conversion runs under the batch's panic policy: a panic is that file's
// error, its stack goes to log (slog.Default() when nil). When ctx ends no
// further file is started; those not started have ctx's error.
func ConvertEach(ctx context.Context, paths []string, n int, convert func(context.Context, string) (*schema.Document, error), log *slog.Logger) []Result {
	convert = guarded(convert, log)
	out := make([]Result, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workerCount(n) {
		wg.Go(func() {
			for i := range next {
				out[i].Doc, out[i].Err = convert(ctx, paths[i])
			}
		})
	}
	for i, p := range paths {
		out[i].Path = p
		if ctx.Err() != nil {
			out[i].Err = ctx.Err()
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
