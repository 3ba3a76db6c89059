package yusuan

import (
	"errors"
	"testing"
)

func TestPageRangeSet(t *testing.T) {
	tests := []struct {
		in   string
		want PageRange
		err  bool
	}{
		{"3", PageRange{3, 3}, false},
		{"2-5", PageRange{2, 5}, false},
		{"4-", PageRange{4, 0}, false},
		{"0", PageRange{}, true},
		{"5-2", PageRange{}, true},
		{"a-b", PageRange{}, true},
		{"-3", PageRange{}, true},
	}
	for _, tc := range tests {
		var r PageRange
		err := r.Set(tc.in)
		if (err != nil) != tc.err || (err != nil && !errors.Is(err, ErrPageRange)) || r != tc.want {
			t.Errorf("Set(%q) = %+v, %v; want %+v, error %v", tc.in, r, err, tc.want, tc.err)
		}
		if err == nil {
			if back := r.String(); back != tc.in {
				t.Errorf("String() = %q, want %q", back, tc.in)
			}
		}
	}
}
