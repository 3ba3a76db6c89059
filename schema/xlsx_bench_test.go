package schema

import (
	"fmt"
	"io"
	"testing"
)

// BenchmarkXLSXWriter measures Add per document (the sample budget: about
// 50 rows over ten sheets, one 40,000-character section); Close is outside
// the loop's per-document cost but inside the timing.
func BenchmarkXLSXWriter(b *testing.B) {
	doc := sampleDocs()[0]
	x, err := NewXLSXWriter(io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		d := *doc
		d.Source.Path = fmt.Sprintf("doc%d.pdf", i)
		if err := x.Add(&d); err != nil {
			b.Fatal(err)
		}
	}
	if err := x.Close(); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkCSVWriter(b *testing.B) {
	doc := sampleDocs()[0]
	c, err := NewCSVWriter(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		d := *doc
		d.Source.Path = fmt.Sprintf("doc%d.pdf", i)
		if err := c.Add(&d); err != nil {
			b.Fatal(err)
		}
	}
	if err := c.Close(); err != nil {
		b.Fatal(err)
	}
}
