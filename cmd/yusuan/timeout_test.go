package main

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestWithTimeout(t *testing.T) {
	hang := make(chan struct{})
	defer close(hang) // lets the abandoned goroutine end with the test
	cases := []struct {
		name     string
		timeout  time.Duration
		work     func(context.Context) (int, error)
		want     int
		timedOut bool
	}{
		{"fast", time.Minute, func(context.Context) (int, error) { return 7, nil }, 7, false},
		{"no limit", 0, func(context.Context) (int, error) { return 7, nil }, 7, false},
		{"fails on its own", time.Minute, func(context.Context) (int, error) { return 0, errors.New("bad") }, 0, false},
		{"honours its context", time.Millisecond, func(ctx context.Context) (int, error) {
			<-ctx.Done()
			return 0, ctx.Err()
		}, 0, true},
		{"ignores its context", time.Millisecond, func(context.Context) (int, error) {
			<-hang
			return 7, nil
		}, 0, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := withTimeout(context.Background(), c.timeout, "dir/a.pdf", c.work)
			if got != c.want {
				t.Errorf("got %d, want %d", got, c.want)
			}
			if (err != nil) != (c.name == "fails on its own" || c.timedOut) {
				t.Errorf("err = %v", err)
			}
			if c.timedOut != errors.Is(err, errTimedOut) {
				t.Fatalf("err %v, timed out: want %v", err, c.timedOut)
			}
			if c.timedOut && !strings.HasPrefix(err.Error(), "dir/a.pdf: timed out after ") {
				t.Errorf("error %q should name the file and the limit", err)
			}
		})
	}
}

// TestWithTimeoutInterrupted: an interrupted command is not a timeout.
func TestWithTimeoutInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := withTimeout(ctx, time.Minute, "a.pdf", func(ctx context.Context) (int, error) { return 0, ctx.Err() })
	if !errors.Is(err, context.Canceled) || errors.Is(err, errTimedOut) {
		t.Errorf("err %v, want context.Canceled", err)
	}
}

// TestExtractTimeout runs extract and inspect with a limit no file can
// meet: each file gets one line naming it and saying it timed out, every
// file is tried, and the exit is 1.
func TestExtractTimeout(t *testing.T) {
	files := []string{sample("qinghe-agriculture-2023-budget.txt"), sample("html-nongye-2024.html")}
	for _, cmd := range []string{"extract", "inspect"} {
		code, _, stderr := runCLI(t, append([]string{cmd, "--timeout", "1ns"}, files...)...)
		if code != exitFail {
			t.Errorf("%s: exit %d, want %d\n%s", cmd, code, exitFail, stderr)
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if len(lines) != len(files) {
			t.Fatalf("%s: want one line per file:\n%s", cmd, stderr)
		}
		for i, f := range files {
			if want := "yusuan: " + f + ": timed out after 1ns"; lines[i] != want {
				t.Errorf("%s: line %d = %q, want %q", cmd, i, lines[i], want)
			}
		}
	}
	code, _, stderr := runCLI(t, "inspect", "--format", "html", "--timeout", "1ns", files[1])
	if code != exitFail || !strings.Contains(stderr, files[1]+": timed out after 1ns") {
		t.Errorf("inspect --format html: exit %d\n%s", code, stderr)
	}
}
