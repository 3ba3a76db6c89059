package yusuan_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

// blankPDF builds a PDF of n pages with nothing on them but a drawn
// rectangle: what a scan looks like to a reader that has no OCR.
func blankPDF(n int) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	kids := ""
	for i := range n {
		kids += fmt.Sprintf("%d 0 R ", 3+2*i)
	}
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, n))
	content := "0 0 m 100 100 l S"
	for i := range n {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>", 4+2*i))
		obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

func TestDocumentStatusEndToEnd(t *testing.T) {
	tests := []struct {
		name     string
		data     []byte
		maxPages int
		want     string
	}{
		{"image-only pages", blankPDF(2), 0, schema.StatusNoText},
		{"pages cut by the limit", blankPDF(3), 1, schema.StatusPartial},
		{"notes", []byte("会议纪要\n\n请各位同事周五前提交材料。\n"), 0, schema.StatusNotADisclosure},
	}
	for _, tc := range tests {
		opts := yusuan.Options{Extract: extract.Options{MaxPages: tc.maxPages}}
		name := "x.txt"
		if bytes.HasPrefix(tc.data, []byte("%PDF")) {
			name = "x.pdf"
		}
		doc, err := yusuan.ConvertBytes(t.Context(), tc.data, name, opts)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if doc.Status != tc.want {
			t.Errorf("%s: status %s, want %s (findings %v)", tc.name, doc.Status, tc.want, doc.Findings)
		}
	}
}
