// Package guard owns yusuan's one panic policy: a panic while working on
// one file becomes that file's error, and its stack is logged, so that a
// bug met on one input never takes down a command or batch handling many.
// Every place that converts or inspects a file (package yusuan's Converter,
// batch workers, compare) goes through Call; nothing else recovers, except
// parsers that turn one bad page or sheet into a finding on purpose.
package guard

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/yusuan/yusuan/internal/pathtext"
)

// ErrPanic marks the error of a file whose conversion panicked.
var ErrPanic = errors.New("internal error (panic)")

// Call runs fn on behalf of the file called name. If fn panics, Call logs
// the panic value and the stack to log (slog.Default() when nil) and
// returns an error wrapping ErrPanic that leads with the name, as every
// per-file error does.
func Call[T any](name string, log *slog.Logger, fn func() (T, error)) (v T, err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if log == nil {
			log = slog.Default()
		}
		log.Error("panic while handling a file", "path", name, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
		var zero T
		v, err = zero, fmt.Errorf("%s: %w: %v (please report it with the file; the stack is in the log)", pathtext.Display(name), ErrPanic, r)
	}()
	return fn()
}
