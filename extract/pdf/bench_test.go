package pdf

import (
	"context"
	"os"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// BenchmarkExtractCorpus extracts every corpus PDF per iteration and reports
// the time per page (ms/page). Run through scripts/bench-pdf.sh to compare
// with pdftotext.
func BenchmarkExtractCorpus(b *testing.B) {
	var files [][]byte
	for _, p := range corpusPDFs(b) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
	}
	pages := 0
	for b.Loop() {
		pages = 0
		for _, data := range files {
			doc, err := Extract(context.Background(), data, extract.Options{})
			if err != nil {
				b.Fatal(err)
			}
			pages += doc.Pages
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(pages), "ms/page")
	b.ReportMetric(float64(pages), "pages")
}
