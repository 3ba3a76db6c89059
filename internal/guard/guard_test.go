package guard

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

func TestCall(t *testing.T) {
	tests := []struct {
		name    string
		fn      func() (int, error)
		want    int
		wantErr error
		logged  bool
	}{
		{"value", func() (int, error) { return 7, nil }, 7, nil, false},
		{"error", func() (int, error) { return 0, errBoom }, 0, errBoom, false},
		{"panic", func() (int, error) { panic("boom") }, 0, ErrPanic, true},
		{"runtime error", func() (int, error) { var m map[string]int; m["x"] = 1; return 1, nil }, 0, ErrPanic, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var log bytes.Buffer
			got, err := Call("dir/f.pdf", slog.New(slog.NewTextHandler(&log, nil)), tc.fn)
			if got != tc.want || !errors.Is(err, tc.wantErr) || (tc.wantErr == nil) != (err == nil) {
				t.Fatalf("Call = %v, %v; want %v, %v", got, err, tc.want, tc.wantErr)
			}
			if tc.logged {
				if !strings.HasPrefix(err.Error(), "dir/f.pdf: ") {
					t.Errorf("error %q should lead with the file", err)
				}
				if !strings.Contains(log.String(), "goroutine") || !strings.Contains(log.String(), "dir/f.pdf") {
					t.Errorf("log should hold the file and the stack:\n%s", log.String())
				}
			} else if log.Len() != 0 {
				t.Errorf("nothing should be logged:\n%s", log.String())
			}
		})
	}
}

var errBoom = errors.New("boom")
