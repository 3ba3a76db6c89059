package pdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/internal/memwatch"
)

// rawPDF writes objects 1..n (objs[i] is object i+1, its full body) with a
// cross-reference table; object 1 is the catalog.
func rawPDF(objs [][]byte) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(o)
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// flatPDF has pages pages, all children of one /Pages node that claims
// count of them, each showing content object 3.
func flatPDF(pages, count int, content []byte) []byte {
	var kids strings.Builder
	for i := range pages {
		fmt.Fprintf(&kids, "%d 0 R ", 5+i)
	}
	objs := [][]byte{
		[]byte("<< /Type /Catalog /Pages 2 0 R >>"),
		fmt.Appendf(nil, "<< /Type /Pages /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Kids [%s] /Count %d >>", kids.String(), count),
		content,
		[]byte(helvetica),
	}
	for range pages {
		objs = append(objs, []byte("<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>"))
	}
	return rawPDF(objs)
}

// flateStream is a stream object holding data deflated.
func flateStream(data []byte) []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write(data)
	w.Close()
	return append(fmt.Appendf(nil, "<< /Length %d /Filter /FlateDecode >>\nstream\n", z.Len()), append(z.Bytes(), "\nendstream"...)...)
}

func plainStreamObject(data string) []byte {
	return fmt.Appendf(nil, "<< /Length %d >>\nstream\n%s\nendstream", len(data), data)
}

// TestHostilePDF holds the reader to its limits: every input ends, within a
// 10 s context, with a document or one short error line, in bounded memory.
func TestHostilePDF(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large inputs")
	}
	bomb := flateStream(bytes.Repeat([]byte(" "), 200<<20)) // 200 MB of spaces in ~200 KB
	ops := flateStream(bytes.Repeat([]byte("0 0 m 1 1 l\n"), 2<<20))
	for _, tc := range []struct {
		name      string
		data      []byte
		pages     int    // pages the document must report (0: an error is expected)
		wantError string // in the error or in every page problem
	}{
		{"flate bomb on 20 pages", flatPDF(20, 20, bomb), 20, " to more than "},
		{"24 MB of operators on 40 pages", flatPDF(40, 40, ops), 40, ""},
		{"flat tree of 50,000 pages with a lying /Count", flatPDF(50000, 7, plainStreamObject("")), 50000, ""},
		{"malformed hex string", flatPDF(1, 1, plainStreamObject("BT /F1 12 Tf <41zz"+strings.Repeat("garbage line\n", 400)+"> Tj ET")), 1, "malformed hex"},
		{"malformed hex string in the catalog", rawPDF([][]byte{fmt.Appendf(nil, "<< /Type /Catalog /Pages <41zz%s> >>", strings.Repeat("x\n", 3000))}), 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			var doc *extract.Document
			var err error
			peak := memwatch.Peak(func() { doc, err = Extract(ctx, tc.data, extract.Options{}) })
			t.Logf("%d bytes in, peak heap %d MB", len(tc.data), peak>>20)
			if peak > 400<<20 {
				t.Errorf("peak heap %d MB, want under 400 MB", peak>>20)
			}
			if errors.Is(err, context.DeadlineExceeded) {
				t.Logf("stopped by the deadline") // a slow, shared machine
				return
			}
			if tc.pages == 0 {
				if err == nil || strings.Contains(err.Error(), "\n") || len(err.Error()) > 200 {
					t.Fatalf("err = %q, want one short line", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if doc.Pages != tc.pages {
				t.Errorf("pages = %d, want %d", doc.Pages, tc.pages)
			}
			for _, p := range doc.Problems {
				if strings.Contains(p.Message, "\n") || len(p.Message) > 200 {
					t.Errorf("problem not one short line: %q", p.Message)
				}
				if tc.wantError != "" && p.Code == "extract.page_failed" && !strings.Contains(p.Message, tc.wantError) {
					t.Errorf("problem %q, want %q", p.Message, tc.wantError)
				}
			}
			if tc.wantError != "" && !hasPageFailed(doc) {
				t.Errorf("no page failed: %+v", doc.Problems)
			}
		})
	}
}

func hasPageFailed(doc *extract.Document) bool {
	for _, p := range doc.Problems {
		if p.Code == "extract.page_failed" {
			return true
		}
	}
	return false
}

// countdown is a context that reports itself cancelled after n calls of Err.
type countdown struct {
	context.Context
	n atomic.Int64
}

func (c *countdown) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestCancelInsidePage: the context is checked while a page is being
// interpreted, not only between pages.
func TestCancelInsidePage(t *testing.T) {
	data := flatPDF(1, 1, plainStreamObject(strings.Repeat("0 0 m 1 1 l S\n", 10000)))
	ctx := &countdown{Context: context.Background()}
	ctx.n.Store(2) // before the page tree and before page 1
	if _, err := Read(ctx, data, extract.Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
