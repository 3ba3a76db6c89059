package deadline

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestRun(t *testing.T) {
	fast := func(context.Context) (int, error) { return 7, nil }
	honours := func(ctx context.Context) (int, error) { <-ctx.Done(); return 0, ctx.Err() }
	hangs := func(context.Context) (int, error) { time.Sleep(time.Hour); return 0, nil }
	fails := func(context.Context) (int, error) { return 0, errors.New("bad file") }
	for _, tt := range []struct {
		name                string
		work                func(context.Context) (int, error)
		timeout             time.Duration
		v                   int
		err, timed, abandon bool
	}{
		{"fast", fast, time.Second, 7, false, false, false},
		{"no limit", fast, 0, 7, false, false, false},
		{"fails by itself", fails, time.Second, 0, true, false, false},
		{"honours its context", honours, 10 * time.Millisecond, 0, true, true, false},
		{"hangs", hangs, 10 * time.Millisecond, 0, true, true, true},
	} {
		r := Run(context.Background(), tt.timeout, tt.work)
		if r.Value != tt.v || (r.Err != nil) != tt.err || r.TimedOut != tt.timed || r.Abandoned != tt.abandon {
			t.Errorf("%s: %+v", tt.name, r)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if r := Run(ctx, time.Second, honours); r.TimedOut || r.Err == nil {
		t.Errorf("the caller's cancel is no timeout: %+v", r)
	}
}
