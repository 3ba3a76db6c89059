package yusuan

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/yusuan/yusuan/extract"
)

// PageRange selects PDF pages, 1-based and inclusive; a zero Last means to
// the end. The zero value selects every page. It is a flag.Value
// ("3", "2-5", "4-").
type PageRange struct{ First, Last int }

// ErrPageRange reports a page range that cannot be read.
var ErrPageRange = errors.New("bad page range")

// Set parses "N", "N-M" or "N-".
func (r *PageRange) Set(s string) error {
	a, b, isRange := strings.Cut(strings.TrimSpace(s), "-")
	first, err := strconv.Atoi(a)
	if err != nil || first < 1 {
		return fmt.Errorf("%w %q: want N, N-M or N- with pages from 1", ErrPageRange, s)
	}
	last := first
	if isRange {
		last = 0
		if b != "" {
			if last, err = strconv.Atoi(b); err != nil || last < first {
				return fmt.Errorf("%w %q: want N-M with M ≥ N", ErrPageRange, s)
			}
		}
	}
	*r = PageRange{first, last}
	return nil
}

func (r *PageRange) String() string {
	switch {
	case r == nil || *r == PageRange{}:
		return ""
	case r.Last == r.First:
		return strconv.Itoa(r.First)
	case r.Last == 0:
		return strconv.Itoa(r.First) + "-"
	}
	return fmt.Sprintf("%d-%d", r.First, r.Last)
}

// limit sets the extractor's pages to the range.
func (r PageRange) limit(eo extract.Options) extract.Options {
	if r.Last > 0 {
		eo.MaxPages = min(eo.WithDefaults().MaxPages, r.Last)
	}
	eo.FirstPage = r.First
	return eo
}
