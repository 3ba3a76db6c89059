package txt

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/internal/memwatch"
)

// TestHostileText holds the text reader to bounded memory on inputs under
// the size limit that are all lines, all tables or all one cell: each ends,
// within a 10 s context, with a document or one short error line.
func TestHostileText(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large inputs")
	}
	const size = 32 << 20
	fill := func(unit string) []byte { return bytes.Repeat([]byte(unit), size/len(unit)) }
	for _, tc := range []struct {
		name    string
		data    []byte
		wantErr error // nil: a document
	}{
		{"many small tables", fill("\t项目\t金额\n\t合计\t1\n说明\n"), extract.ErrLimit},
		{"80,000 small tables", bytes.Repeat([]byte("\t项目\t金额\n\t合计\t1\n说明\n"), (MaxLines-1)/3), nil},
		{"one cell of a million lines", append([]byte("\t项目\t金额\n"), fill("续行\n")...), extract.ErrLimit},
		{"one cell of 200,000 lines", append([]byte("\t项目\t金额\n"), bytes.Repeat([]byte("续行\n"), MaxLines-2)...), nil},
		{"short paragraphs", fill("段落\n\n"), extract.ErrLimit},
		{"blank lines", fill("\n"), extract.ErrLimit},
		{"one long line", fill("很长的一行"), nil},
		{"NUL bytes", make([]byte, size), extract.ErrBinary},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			var err error
			peak := memwatch.Peak(func() { _, err = Extract(ctx, tc.data, extract.Options{}) })
			t.Logf("%d MB in, peak heap %d MB", len(tc.data)>>20, peak>>20)
			if peak > 400<<20 {
				t.Errorf("peak heap %d MB, want under 400 MB", peak>>20)
			}
			if errors.Is(err, context.DeadlineExceeded) {
				t.Logf("stopped by the deadline") // a slow, shared machine
				return
			}
			if tc.wantErr == nil && err != nil {
				t.Fatalf("err = %v", err)
			}
			if tc.wantErr != nil && (!errors.Is(err, tc.wantErr) || strings.Contains(err.Error(), "\n") || len(err.Error()) > 200) {
				t.Fatalf("err = %v, want one short line wrapping %v", err, tc.wantErr)
			}
		})
	}
}
