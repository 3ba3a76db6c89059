package html

import (
	"context"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// BenchmarkExtract reads a 4 MB synthetic portal page (paragraphs, numbered
// headings, spanned tables) and reports MB/s.
func BenchmarkExtract(b *testing.B) {
	data := largePage(4 << 20)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(context.Background(), data, extract.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseOnly is the floor under BenchmarkExtract: x/net/html's
// parser alone on the same page.
func BenchmarkParseOnly(b *testing.B) {
	data := largePage(4 << 20)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := parse(string(data), extract.DefaultMaxDepth); err != nil {
			b.Fatal(err)
		}
	}
}
