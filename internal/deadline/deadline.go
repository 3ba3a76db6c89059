// Package deadline owns running one file's conversion under a time limit,
// the one policy batch and the single-file commands share: a conversion
// that outlives its limit is abandoned (its goroutine may run on: not every
// extractor checks its context everywhere) so one hostile file cannot hang
// the run, and the caller learns whether the limit, not the file, ended it.
package deadline

import (
	"context"
	"errors"
	"time"
)

// grace is how long a conversion that honours its context gets to return
// once its deadline passed.
const grace = 50 * time.Millisecond

// Result is how a run under a limit ended.
type Result[T any] struct {
	Value     T
	Err       error
	TimedOut  bool // the limit ended it (not the caller's own cancel)
	Abandoned bool // it was still running when given up
}

// Run runs work under timeout (0 or less: no limit).
func Run[T any](ctx context.Context, timeout time.Duration, work func(context.Context) (T, error)) Result[T] {
	if timeout <= 0 {
		v, err := work(ctx)
		return Result[T]{Value: v, Err: err}
	}
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	ch := make(chan Result[T], 1) // buffered: an abandoned goroutine does not block
	go func() {
		v, err := work(cctx)
		ch <- Result[T]{Value: v, Err: err}
	}()
	var r Result[T]
	select {
	case r = <-ch:
	case <-cctx.Done():
		select {
		case r = <-ch:
		case <-time.After(grace):
			r.Err, r.Abandoned = cctx.Err(), true
		}
	}
	// Whatever error an extractor returns once its deadline passed.
	r.TimedOut = r.Err != nil && errors.Is(cctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil
	return r
}
