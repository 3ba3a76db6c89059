package pdf

import (
	"bytes"
	"context"
	"slices"

	"github.com/yusuan/yusuan/extract"
)

func init() {
	extract.Register(extract.Registration{
		Format:   extract.FormatPDF,
		Priority: 0,
		Sniff:    func(head []byte) bool { return bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")) },
		Extract:  Extract,
	})
}

// Extract reads a PDF into an extract.Document.
func Extract(ctx context.Context, data []byte, opts extract.Options) (*extract.Document, error) {
	f, err := Read(ctx, data, opts)
	if err != nil {
		return nil, err
	}
	if opts.FirstPage > 1 {
		skipPages(f, opts.FirstPage)
	}
	return Layout(f), nil
}

// skipPages drops the pages before first (and their problems) before
// layout, so that nothing read from them — a table's first rows, a
// heading — reaches the document. Pages keep their numbers.
func skipPages(f *File, first int) {
	f.Pages = slices.DeleteFunc(f.Pages, func(p *Page) bool { return p.Number < first })
	f.Problems = slices.DeleteFunc(f.Problems, func(p extract.Problem) bool { return p.At.Page > 0 && p.At.Page < first })
}
