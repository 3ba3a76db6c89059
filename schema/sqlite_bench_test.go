package schema

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkSQLiteWriter measures Add per document (the sample budget, as
// BenchmarkXLSXWriter); Close, which builds the full-text index, is inside
// the timing.
func BenchmarkSQLiteWriter(b *testing.B) {
	doc := sampleDocs()[0]
	w, err := NewSQLiteWriter(filepath.Join(b.TempDir(), "bench.sqlite"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		d := *doc
		d.Source.Path = fmt.Sprintf("doc%d.pdf", i)
		if err := w.Add(&d); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
}
