package pdf

import (
	"bytes"
	"context"

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
	return Layout(f), nil
}
