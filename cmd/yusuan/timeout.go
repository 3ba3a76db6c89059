package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/yusuan/yusuan/internal/deadline"
	"github.com/yusuan/yusuan/internal/pathtext"
)

// defaultTimeout is the per-file time limit of extract, inspect and batch.
const defaultTimeout = 2 * time.Minute

const timeoutUsage = "per-file time limit (0 for none)"

// errTimedOut is a file's error when it outlived --timeout.
var errTimedOut = errors.New("timed out")

// withTimeout runs work on one file under a deadline. A file that outlives
// it is abandoned (its goroutine may run on, as in batch: not every
// extractor checks its context everywhere), and its error names the file
// and the limit, so one hostile file cannot hang the command.
func withTimeout[T any](ctx context.Context, timeout time.Duration, path string, work func(context.Context) (T, error)) (T, error) {
	r := deadline.Run(ctx, timeout, work)
	if r.TimedOut {
		var zero T
		return zero, fmt.Errorf("%s: %w after %v", pathtext.Display(path), errTimedOut, timeout)
	}
	return r.Value, r.Err
}
