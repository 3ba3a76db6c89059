package pdf

import (
	"context"
	"os"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// TestDump prints the blocks of the PDF named by $PDF (a debugging aid).
func TestDump(t *testing.T) {
	path := os.Getenv("PDF")
	if path == "" {
		t.Skip("PDF not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Extract(context.Background(), data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		t.Logf("%s L%d p%d toc=%v b=%v sz=%v r=%d c=%v spans=%d| %s", b.Kind, b.Level, b.At.Page, b.TOC, b.Hints.Bold, b.Hints.FontSize, b.Hints.SizeRank, b.Hints.Centered, len(b.Spans), b.Text)
	}
	t.Log(doc.Problems, doc.Outline)
}
