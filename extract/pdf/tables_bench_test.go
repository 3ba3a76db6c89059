package pdf

import (
	"context"
	"os"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// BenchmarkTablesCorpus extracts every corpus PDF (read and layout) with
// table reconstruction off and on; the ratio of the two ms/page figures is
// what tables cost. scripts/bench-pdf.sh prints it.
func BenchmarkTablesCorpus(b *testing.B) {
	var files [][]byte
	for _, p := range corpusPDFs(b) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
	}
	for _, tc := range []struct {
		name   string
		tables bool
	}{{"tables=off", false}, {"tables=on", true}} {
		b.Run(tc.name, func(b *testing.B) {
			pages, tables := 0, 0
			for b.Loop() {
				pages, tables = 0, 0
				for _, data := range files {
					f, err := Read(context.Background(), data, extract.Options{})
					if err != nil {
						b.Fatal(err)
					}
					doc := layout(f, tc.tables)
					pages += doc.Pages
					for _, bl := range doc.Blocks {
						if bl.Kind == extract.KindTable {
							tables++
						}
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/float64(pages), "ms/page")
			b.ReportMetric(float64(tables), "tables")
		})
	}
}
